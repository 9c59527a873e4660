#!/usr/bin/env python3
"""Per-call and per-group figures of a special-issue eval run, from its --outcomes file.

  python3 eval/special-issues/breakdown.py <outcomes.jsonl> [scorer] [--misranked N]

Groups: the call's field and whether its text is a CFP or its title alone (description_kind).
"""
import collections
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith('--')]
    outcomes_path, scorer = args[0], (args[1] if len(args) > 1 else 'hybrid')
    n_mis = int(sys.argv[sys.argv.index('--misranked') + 1]) if '--misranked' in sys.argv else 0
    calls = {c['id']: c for c in map(json.loads, open(HERE / 'calls.jsonl'))}
    papers = {p['id']: p for p in map(json.loads, open(HERE / 'papers.jsonl'))}
    outs = [json.loads(line) for line in open(outcomes_path)]
    ranks = collections.defaultdict(list)
    for o in outs:
        if o['call_id']:
            ranks[o['call_id']].append(o['by_scorer'][scorer]['rank'])

    def fmt(rs: list) -> str:
        return f'n={len(rs):3d}  acc@1={sum(r == 1 for r in rs) / len(rs):.3f}  MRR={sum(1 / r for r in rs) / len(rs):.3f}'

    print(f'scorer {scorer}; per call (ranks of its papers among {len(calls)} calls)')
    groups = collections.defaultdict(list)
    for cid, c in calls.items():
        rs = ranks.get(cid, [])
        if not rs:
            continue
        groups[(c['field'], c['description_kind'])] += rs
        print(f'  {cid:52s} {c["description_kind"]:10s} {fmt(rs)}  ranks={sorted(rs)}')
    print('per group (field, call text)')
    for g, rs in sorted(groups.items()):
        print(f'  {g[0]:26s} {g[1]:10s} {fmt(rs)}')
    confusions = collections.Counter(
        (o['call_id'], o['by_scorer'][scorer]['top_call']) for o in outs
        if o['call_id'] and o['by_scorer'][scorer]['rank'] != 1)
    print('most frequent confusions (own call -> call ranked first):')
    for (own, top), n in confusions.most_common(8):
        print(f'  {n:2d}  {own} -> {top}')
    oos = [o for o in outs if not o['call_id']]
    print('out-of-scope papers, call ranked first:', dict(collections.Counter(o['by_scorer'][scorer]['top_call'] for o in oos)))
    ins = [o['by_scorer'][scorer]['top_probability'] for o in outs if o['call_id']]
    print(f'top-call in-scope probability >= 0.5: in scope {sum(p >= 0.5 for p in ins) / len(ins):.3f}, '
          f'out of scope {sum(o["by_scorer"][scorer]["top_probability"] >= 0.5 for o in oos) / len(oos):.3f}')
    if n_mis:
        print(f'worst-ranked paper of the {n_mis} calls with the lowest MRR:')
        worst_calls = sorted(ranks, key=lambda c: sum(1 / r for r in ranks[c]) / len(ranks[c]))[:n_mis]
        for cid in worst_calls:
            o = max((o for o in outs if o['call_id'] == cid), key=lambda o: o['by_scorer'][scorer]['rank'])
            b = o['by_scorer']
            p = papers[o['id']]
            ranks_txt = '/'.join(f'{k} {b[k]["rank"]}' for k in ('hybrid', 'bm25', 'dense') if k in b)
            print(f'  {o["id"]} [{cid}] {ranks_txt}; first: {b[scorer]["top_call"]} (p={b[scorer]["top_probability"]:.2f})')
            print(f'     {p["title"]}')


if __name__ == '__main__':
    main()
