#!/usr/bin/env python3
"""Builds calls.jsonl and papers.jsonl of the special-issue suite from public sources.

Run from the repository root after `fetch`ing the snapshots named below into /work/.mirror
(see SOURCES.md). It only selects and copies: titles and abstracts are taken verbatim (whitespace
collapsed); a paper is labelled with a special issue only where its source lists it in that issue.
"""
import ast
import html
import csv
import io
import json
import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
MIRROR = Path('/work/.mirror')
ACL = ('heddayam/acl-anthology', 'b26270386b65c0861d17d4d6d5d7a1eaf345499f')
DHQ_TSV = ('Digital-Humanities-Quarterly/DHQ-similar-papers', '85e8753a933163de8ce2b9396ec055586ecd3838',
           '2022-dhq-articles-with-abstracts.tsv')
DHQ_TOC = ('Digital-Humanities-Quarterly/dhq-journal', '0061f5323b0bc2618df8ebbf1a923cd063747932', 'toc/toc.xml')
JMLR = ('JmlrOrg/v17', 'bf7f7c84fee63e679de7129c11f399b497c8c818')
JMLR_BO = ('JmlrOrg/v20', '38049b59123d86cd004f611be4db6571a1591c6c')
ARXIV_MATH = ('clopezvice/ArXiv-Scraper', 'e0ffb1e082b63d92558cd1826b266bd109d6fd83', 'dataset/arxiv_data.csv')


def git_show(repo: str, commit: str, path: str) -> str:
    gitdir = MIRROR / repo.replace('/', '+') / 'repo'
    return subprocess.run(['git', '--git-dir', str(gitdir), 'show', f'{commit}:{path}'],
                          check=True, capture_output=True).stdout.decode('utf-8')


def git_ls(repo: str, commit: str) -> list[str]:
    gitdir = MIRROR / repo.replace('/', '+') / 'repo'
    out = subprocess.run(['git', '--git-dir', str(gitdir), 'ls-tree', '-r', '--name-only', commit],
                         check=True, capture_output=True).stdout.decode('utf-8')
    return out.split('\n')


def clean(s: str) -> str:
    return ' '.join(s.split())


def text_of(el) -> str:
    return clean(ET.tostring(el, method='text', encoding='unicode')) if el is not None else ''


CFPS = json.loads((HERE / 'sources' / 'cfps.json').read_text())

# --- ACL Anthology: Computational Linguistics special issues and LiLT themed volumes -------------
# (file, volume id, call id, title, venue, publisher, paper ids in the issue, excluded ids -> why)
ACL_ISSUES = [
    ('J18', '4', 'cl-language-in-social-media',
     'Language in Social Media: Exploiting Discourse and Other Contextual Information',
     'Computational Linguistics, Volume 44, Issue 4 (December 2018)', 'MIT Press',
     ['7', '8', '9', '10', '11', '12'],
     'the issue prints the special issue after its regular papers: the introduction (paper 6, '
     '"Introduction to the Special Issue on Language in Social Media") and the six articles after it; '
     'papers 1-5 (a regular article, squibs, Last Words, a book review) and 13 (reviewers) are not in it'),
    ('2020.cl', '2', 'cl-multilingual-interlingual-semantics',
     'Multilingual and Interlingual Semantic Representations for Natural Language Processing',
     'Computational Linguistics, Volume 46, Issue 2 (June 2020)', 'MIT Press',
     ['2', '3', '4', '5', '6'],
     'the introduction (paper 1) "situates the special issue\'s five articles"; they are the five that '
     'follow it (papers 2-6); papers 7-8 are not in it'),
    ('2014.lilt', '9', 'lilt-9-semantic-representations-textual-inference',
     'Perspectives on Semantic Representations for Textual Inference',
     'Linguistic Issues in Language Technology, Volume 9 (2014)', 'CSLI Publications',
     ['2', '3', '4', '5', '6', '7', '8', '9', '10', '11'],
     'the whole volume carries the theme in its title; paper 1 is the introduction (no abstract)'),
    ('2014.lilt', '11', 'lilt-11-computational-morphology',
     'Theoretical and Computational Morphology: New Trends and Synergies',
     'Linguistic Issues in Language Technology, Volume 11 (2014)', 'CSLI Publications',
     ['2', '3', '4', '5', '6', '7'],
     'the whole volume carries the theme in its title; paper 1 is the introduction (no abstract)'),
    ('2015.lilt', '12', 'lilt-12-literature-computational-linguistics',
     'Literature Lifts up Computational Linguistics',
     'Linguistic Issues in Language Technology, Volume 12 (2015)', 'CSLI Publications',
     ['2', '3', '4', '5', '6'],
     'the whole volume carries the theme in its title; paper 1 is the introduction (no abstract)'),
    ('2016.lilt', '14', 'lilt-14-modality',
     'Modality: Logic, Semantics, Annotation, and Machine Learning',
     'Linguistic Issues in Language Technology, Volume 14 (2016)', 'CSLI Publications',
     ['2', '3', '4', '5', '6'],
     'the volume carries the theme in its title; paper 1 (titled as the theme) is the editors\' '
     'introduction; paper 7 ("Sarcastic Soulmates", irony in social media) is left out because nothing '
     'in the source says whether it belongs to the theme or is a regular paper of the volume'),
    ('2019.lilt', '18', 'lilt-18-parsed-corpora',
     'Exploiting Parsed Corpora: Applications in Research, Pedagogy, and Processing',
     'Linguistic Issues in Language Technology, Volume 18 (2019)', 'CSLI Publications',
     ['2', '3', '4', '5', '6'],
     'the whole volume carries the theme in its title; paper 1 is the introduction (no abstract)'),
]


def acl_part(calls: list, papers: list) -> None:
    repo, commit = ACL
    for fname, vol_id, call_id, title, venue, publisher, ids, note in ACL_ISSUES:
        path = f'data/xml/{fname}.xml'
        root = ET.fromstring(git_show(repo, commit, path))
        collection = root.get('id')
        vol = next(v for v in root.iter('volume') if v.get('id') == vol_id)
        booktitle = text_of(vol.find('meta/booktitle'))
        cfp = CFPS.get(call_id)
        calls.append({
            'id': call_id, 'title': title, 'venue': venue, 'publisher': publisher,
            'description': cfp['text'] if cfp else '', 'topics': [],
            'field': 'computational linguistics',
            'description_kind': 'cfp' if cfp else 'title_only',
            'source': f'github:{repo}@{commit}:{path} (volume {vol_id}: "{booktitle}")',
            'description_source': (f'{cfp["url"]} ({cfp["note"]})' if cfp else None),
            'membership_note': note,
        })
        for p in vol.findall('paper'):
            if p.get('id') not in ids:
                continue
            anth = f'{collection}-{vol_id}.{p.get("id")}' if not collection.startswith('J') else \
                f'{collection}-{vol_id}{int(p.get("id")):03d}'
            abstract = text_of(p.find('abstract'))
            assert abstract, (call_id, p.get('id'))
            papers.append({
                'id': f'acl:{anth}', 'title': text_of(p.find('title')), 'abstract': abstract,
                'call_id': call_id, 'doi': text_of(p.find('doi')) or None,
                'url': f'https://aclanthology.org/{anth}',
                'source': f'github:{repo}@{commit}:{path} (volume {vol_id}, paper {p.get("id")})',
            })


# --- Digital Humanities Quarterly: special-issue clusters of the journal's table of contents --------
def dhq_part(calls: list, papers: list) -> None:
    repo, commit, path = DHQ_TSV
    rows = {r['Article ID']: r for r in csv.DictReader(io.StringIO(git_show(repo, commit, path)), delimiter='\t')}
    clusters = json.loads((HERE / 'sources' / 'dhq_clusters.json').read_text())
    toc_repo, toc_commit, toc_path = DHQ_TOC
    for c in clusters:
        cfp = CFPS.get(c['id'])
        calls.append({
            'id': c['id'], 'title': c['title'],
            'venue': f'Digital Humanities Quarterly, Volume {c["vol"].replace(".", " Number ")}',
            'publisher': 'Alliance of Digital Humanities Organizations (DHQ)',
            'description': cfp['text'] if cfp else '', 'topics': [],
            'field': 'digital humanities', 'guest_editors': c['editors'],
            'description_kind': 'cfp' if cfp else 'title_only',
            'source': f'github:{toc_repo}@{toc_commit}:{toc_path} (issue {c["vol"]}, <cluster> "{c["title"]}")',
            'description_source': (f'{cfp["url"]} ({cfp["note"]})' if cfp else None),
            'membership_note': 'the articles and case studies listed inside the issue\'s special-issue '
                               '<cluster> of the journal\'s table of contents; front matter left out'
                               + ('; ' + '; '.join(f'{k} left out: {v}' for k, v in c.get('excluded', {}).items())
                                  if c.get('excluded') else ''),
        })
        for item in c['items']:
            r = rows[item]
            vol, num = r['Volume and Issue'].split('.')
            abstract = clean(r['Abstract'])
            if len(abstract) < 100:  # a one-line blurb is not an abstract; rule applied to every paper
                continue
            papers.append({
                'id': f'dhq:{item}', 'title': clean(r['Title']).lstrip('\u200b'), 'abstract': abstract,
                'call_id': c['id'], 'doi': None,
                'url': f'https://digitalhumanities.org/dhq/vol/{vol}/{num}/{item}/{item}.html',
                'source': f'github:{repo}@{commit}:{path} (Article ID {item}); membership: '
                          f'github:{toc_repo}@{toc_commit}:{toc_path}',
            })


# --- JMLR: the special topic on Bayesian optimization, as the journal's own paper metadata marks it ----
def jmlr_part(calls: list, papers: list) -> None:
    repo, commit = JMLR_BO
    calls.append({
        'id': 'jmlr-special-topic-bayesian-optimization', 'title': 'Special Topic on Bayesian Optimization',
        'venue': 'Journal of Machine Learning Research', 'publisher': 'JMLR (Microtome)',
        'description': '', 'topics': [], 'field': 'machine learning', 'description_kind': 'title_only',
        'source': f'github:{repo}@{commit} (every <id>/info.json with "special_issue": "Bayesian Optimization"; '
                  'the journal lists them on its page "JMLR Special Topic on Bayesian Optimization", '
                  'github:JmlrOrg/webpage templates/beta/papers/topic/bayesian_optimization.html)',
        'description_source': None,
        'membership_note': 'the journal\'s own metadata field special_issue of each paper',
    })
    for f in sorted(x for x in git_ls(repo, commit) if x.endswith('/info.json')):
        d = json.loads(git_show(repo, commit, f))
        if d.get('special_issue') != 'Bayesian Optimization':
            continue
        papers.append({
            'id': f'jmlr:v20:{d["id"]}', 'title': clean(d['title']),
            'abstract': clean(html.unescape(re.sub(r'<[^>]+>', '', d['abstract']))),
            'call_id': 'jmlr-special-topic-bayesian-optimization',
            'url': f'https://jmlr.org/papers/v20/{d["id"]}.html', 'source': f'github:{repo}@{commit}:{f}',
        })


# --- Out of scope: papers of other fields that no call asked for ----------------------------------
OOS_MATH_CATEGORIES = ['math.AP', 'math.OC', 'math.CO', 'math.NA', 'math.NT', 'math.PR', 'math.AG',
                       'math.DG', 'math.DS', 'math.FA', 'math.GR', 'math.RT']
# out-of-scope JMLR papers must not touch any call's theme (text, humanities, Bayesian optimisation)
TEXTUAL = re.compile(r'languag|text|word|document|linguist|humanit|speech|translat|corpus|corpora|social'
                     r'|bandit|bayesian optimi|gaussian process|hyperparameter|black-box', re.I)


def oos_part(papers: list) -> None:
    repo, commit, path = ARXIV_MATH
    seen = set()
    for r in csv.DictReader(io.StringIO(git_show(repo, commit, path))):
        primary = ast.literal_eval(r['tags'])[0]
        if primary in OOS_MATH_CATEGORIES and primary not in seen and len(clean(r['abstract'])) >= 100:
            seen.add(primary)
            papers.append({
                'id': f'arxiv:{r["index"]}', 'title': clean(r['title']), 'abstract': clean(r['abstract']),
                'call_id': None, 'categories': ast.literal_eval(r['tags']),
                'url': f'https://arxiv.org/abs/{r["index"]}',
                'source': f'github:{repo}@{commit}:{path} (index {r["index"]})',
            })
    repo, commit = JMLR
    n = 0
    for f in sorted(x for x in git_ls(repo, commit) if x.endswith('/info.json')):
        d = json.loads(git_show(repo, commit, f))
        abstract = clean(html.unescape(re.sub(r'<[^>]+>', '', d.get('abstract', ''))))
        if d.get('special_issue') or TEXTUAL.search(abstract) or TEXTUAL.search(d['title']) or len(abstract) < 300:
            continue
        papers.append({
            'id': f'jmlr:v17:{d["id"]}', 'title': clean(d['title']), 'abstract': abstract, 'call_id': None,
            'url': f'https://jmlr.org/papers/v17/{d["id"]}.html',
            'source': f'github:{repo}@{commit}:{f}',
        })
        n += 1
        if n == 10:
            break


def main() -> None:
    calls: list = []
    papers: list = []
    acl_part(calls, papers)
    dhq_part(calls, papers)
    jmlr_part(calls, papers)
    oos_part(papers)
    ids = [p['id'] for p in papers]
    assert len(ids) == len(set(ids))
    titles = [p['title'].lower() for p in papers]
    assert len(titles) == len(set(titles)), 'duplicate title'
    (HERE / 'calls.jsonl').write_text(''.join(json.dumps(c, ensure_ascii=False) + '\n' for c in calls))
    (HERE / 'papers.jsonl').write_text(''.join(json.dumps(p, ensure_ascii=False) + '\n' for p in papers))
    print(f'{len(calls)} calls, {sum(p["call_id"] is not None for p in papers)} in-scope papers, '
          f'{sum(p["call_id"] is None for p in papers)} out of scope')


# --- Variant: the same suite with the real CFPs of eval/cfp/cases as extra candidate calls --------
def write_with_distractors() -> None:
    """calls-with-distractors.jsonl: our calls plus the 117 plain-text CFPs of eval/cfp/cases (other
    special issues of many fields, whole CFP texts). No paper belongs to them; they only compete, as
    the rest of a catalogue does. Title, venue and topics from each case's truth file, the
    description is the CFP text as stored there (eval/cfp/SOURCES.md)."""
    cases = HERE.parent / 'cfp' / 'cases'
    out = [json.loads(line) for line in (HERE / 'calls.jsonl').read_text().splitlines() if line.strip()]
    for txt in sorted(cases.glob('*.txt')):
        truth = json.loads((cases / f'{txt.stem}.truth.json').read_text())
        prov = truth.get('provenance', {})
        out.append({
            'id': f'cfp:{txt.stem}', 'title': truth.get('title') or txt.stem, 'venue': truth.get('venue'),
            'publisher': truth.get('publisher'), 'description': txt.read_text(), 'topics': truth.get('topics') or [],
            'field': truth.get('field'), 'description_kind': 'cfp_distractor',
            'source': f'eval/cfp/cases/{txt.name} ({prov.get("url") or prov.get("source")})',
        })
    (HERE / 'calls-with-distractors.jsonl').write_text(''.join(json.dumps(c, ensure_ascii=False) + '\n' for c in out))
    print(f'{len(out)} calls with distractors')


if __name__ == '__main__':
    main()
    write_with_distractors()
