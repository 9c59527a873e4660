/**
 * Mixed-length evaluation: a seeded share of a suite's calls is cut to its title alone (as a
 * catalogue built from publisher listings and feeds knows many calls), and ranking quality is
 * reported apart for papers whose call was cut and for the rest. The gap between the two is what
 * length-fair scoring has to close (issue #17). `sentences=<n>` cuts every paper's abstract to its
 * first n sentences instead: short drafts must be judged on what they say (issue #17).
 */
import { createRng } from '../core/random.js';
import type { EvalCall } from '../core/schema.js';
import { splitSentences } from '../core/text/normalize.js';
import { accAtK, bootstrapInterval, mrr, type Interval } from './metrics.js';

export interface ReduceSpec {
  /** Share of the calls (0..1) cut to their title. */
  titles: number;
  seed: number;
  /** Cut every paper's abstract to its first this many sentences (absent: abstracts whole). */
  sentences?: number;
}

const REDUCE_USAGE = '--reduce takes titles=<share from 0 to 1>, sentences=<n >= 1>, or both joined by a comma';

/**
 * Parse the `--reduce` value: `titles=0.5`, `sentences=1` or `titles=0.5,sentences=1`.
 *
 * @example
 * parseReduce('titles=0.5', 1) // { titles: 0.5, seed: 1 }
 * parseReduce('sentences=1') // { titles: 0, seed: 1, sentences: 1 }
 */
export function parseReduce(value: string, seed = 1): ReduceSpec {
  const spec: ReduceSpec = { titles: 0, seed };
  const parts = value.split(',').map((p) => p.trim());
  for (const part of parts) {
    const m = /^(titles|sentences)=(\d*\.?\d+)$/.exec(part);
    const x = m ? Number(m[2]) : NaN;
    if (m?.[1] === 'titles' && x >= 0 && x <= 1) spec.titles = x;
    else if (m?.[1] === 'sentences' && Number.isInteger(x) && x >= 1) spec.sentences = x;
    else throw new Error(`${REDUCE_USAGE} (got "${value}")`);
  }
  return spec;
}

/**
 * The abstract cut to its first `n` sentences (the whole abstract when it has no more).
 *
 * @example
 * firstSentences('One. Two. Three.', 1) // 'One.'
 */
export function firstSentences(abstract: string, n: number): string {
  return splitSentences(abstract).slice(0, n).join(' ');
}

/**
 * The calls with a seeded `titles` share (rounded) cut to their title: description and topics
 * dropped, id, title and venue kept. The same seed cuts the same calls on every run.
 *
 * @example
 * const { calls, reduced } = reduceCalls(suite.calls, { titles: 0.5, seed: 1 });
 */
export function reduceCalls(calls: readonly EvalCall[], spec: ReduceSpec): { calls: EvalCall[]; reduced: Set<string> } {
  const rng = createRng(spec.seed);
  // Fisher-Yates over the ids in input order, so the cut set depends only on the seed and the list.
  const order = calls.map((c) => c.id);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [order[i], order[j]] = [order[j] as string, order[i] as string];
  }
  const reduced = new Set(order.slice(0, Math.round(spec.titles * calls.length)));
  return {
    calls: calls.map((c) => (reduced.has(c.id) ? { ...c, description: null, topics: [] } : c)),
    reduced,
  };
}

export interface GroupMetrics {
  n: number;
  acc_at_1: number;
  mrr: number;
  ci95: { acc_at_1: Interval; mrr: Interval };
}

export interface LengthGroups {
  reduced: GroupMetrics;
  full: GroupMetrics;
  /** full minus reduced, with a bootstrap interval (the groups resampled apart). */
  gap: { acc_at_1: number; mrr: number; ci95: { acc_at_1: Interval; mrr: Interval } };
  /** acc@1 of reduced-call papers over that of full-call papers (the target: >= 0.85). */
  ratio_acc_at_1: number;
}

const group = (ranks: readonly number[]): GroupMetrics => ({
  n: ranks.length,
  acc_at_1: accAtK(ranks, 1),
  mrr: mrr(ranks),
  ci95: { acc_at_1: bootstrapInterval(ranks, [], (r) => accAtK(r, 1)), mrr: bootstrapInterval(ranks, [], (r) => mrr(r)) },
});

/**
 * Metrics of in-scope papers split by whether their call was cut to its title.
 *
 * @example
 * lengthGroups([{ callId: 'a', rank: 1 }, { callId: 'b', rank: 4 }], new Set(['b'])).gap.acc_at_1 // 1
 */
export function lengthGroups(outcomes: ReadonlyArray<{ callId: string; rank: number }>, reduced: ReadonlySet<string>): LengthGroups {
  const cut = outcomes.filter((o) => reduced.has(o.callId)).map((o) => o.rank);
  const kept = outcomes.filter((o) => !reduced.has(o.callId)).map((o) => o.rank);
  const r = group(cut);
  const f = group(kept);
  const diff = (stat: (x: readonly number[]) => number) => bootstrapInterval(kept, cut, (a, b) => stat(a) - stat(b));
  return {
    reduced: r,
    full: f,
    gap: { acc_at_1: f.acc_at_1 - r.acc_at_1, mrr: f.mrr - r.mrr, ci95: { acc_at_1: diff((x) => accAtK(x, 1)), mrr: diff(mrr) } },
    ratio_acc_at_1: f.acc_at_1 > 0 ? r.acc_at_1 / f.acc_at_1 : NaN,
  };
}

/** One line per scorer: `reduced acc@1 0.43 (0.37-0.49) MRR ... | full ... | gap ... | ratio 0.91`. */
export function formatLengthGroups(name: string, g: LengthGroups): string {
  const iv = ([lo, hi]: Interval) => `${lo.toFixed(3)}-${hi.toFixed(3)}`;
  const sg = (x: number) => `${x >= 0 ? '+' : ''}${x.toFixed(3)}`;
  const m = (x: GroupMetrics) => `acc@1 ${x.acc_at_1.toFixed(3)} (${iv(x.ci95.acc_at_1)}) MRR ${x.mrr.toFixed(3)} (${iv(x.ci95.mrr)}) n=${x.n}`;
  return `  ${name}: reduced ${m(g.reduced)} | full ${m(g.full)} | gap acc@1 ${sg(g.gap.acc_at_1)} (${sg(g.gap.ci95.acc_at_1[0])}..${sg(g.gap.ci95.acc_at_1[1])}) | ratio ${g.ratio_acc_at_1.toFixed(2)}`;
}
