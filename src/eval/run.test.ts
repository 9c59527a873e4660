import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFakeEmbedder } from '../../tests/fixtures/fake-embedder.js';
import { evalJson, formatEvalTable } from './command.js';
import { createCachedEmbedder } from './embed-cache.js';
import { EvalInputError, EvalPaper, loadEvalFiles, parseJsonl } from './load.js';
import { renderHtmlReport } from './report-html.js';
import { crosslistMatch, pairedDifference, runEval, type PaperOutcome } from './run.js';
import { pickScorers } from './scorers.js';

/** The shared deterministic fake (hashed bag of stemmed words, 64 dims); its id names the cache folder. */
const fakeEmbedder = () => createFakeEmbedder(64, 'fake-bow-64');

const calls = [
  { id: 'c-astro', title: 'Galaxies and cosmology', description: 'Dark matter, galaxy clusters, cosmic microwave background.', topics: [] },
  { id: 'c-bio', title: 'Protein folding', description: 'Protein structure prediction and molecular biology.', topics: ['protein structure', 'enzymes'] },
  { id: 'c-nlp', title: 'Machine translation', description: 'Neural machine translation between languages.', topics: [] },
];
const papers = [
  { id: 'p1', title: 'Dark matter in galaxy clusters', abstract: 'We measure dark matter in galaxy clusters with the cosmic microwave background.', call_id: 'c-astro', all_categories: ['c-astro'] },
  { id: 'p2', title: 'Predicting protein structure', abstract: 'Protein structure prediction for enzymes in molecular biology.', call_id: 'c-bio' },
  { id: 'p3', title: 'Translation of languages', abstract: 'Neural machine translation between many languages.', call_id: 'c-nlp' },
  { id: 'p4', title: 'Bread baking', abstract: 'Sourdough rises overnight in a warm kitchen.', call_id: null },
];

describe('runEval end to end with a fake embedder', () => {
  it('ranks each paper first for its call and reports every metric key', async () => {
    const res = await runEval({ calls, papers, embedder: fakeEmbedder() });
    expect(Object.keys(res.metrics).sort()).toEqual(
      ['acc_at_1', 'acc_at_3', 'acc_at_5', 'mrr', 'ndcg_at_5', 'n_in_scope', 'n_out_of_scope', 'ms_per_paper', 'oos_auroc', 'triage_f1'].sort(),
    );
    expect(Object.keys(res.by_scorer)).toEqual(expect.arrayContaining(['bm25', 'dense', 'hybrid']));
    expect(res.metrics.n_in_scope).toBe(3);
    expect(res.metrics.n_out_of_scope).toBe(1);
    expect(res.by_scorer.bm25?.acc_at_1).toBe(1);
    expect(res.metrics.acc_at_1).toBe(1);
    expect(res.metrics.mrr).toBe(1);
    expect(res.extra.acc_at_1_crosslist).toBe(1);
    // Every paper is ranked right, so every resample is too; one out-of-scope paper below all in-scope ones.
    expect(res.extra.ci95.acc_at_1).toEqual([1, 1]);
    expect(res.by_scorer_extra.bm25?.ci95.mrr).toEqual([1, 1]);
    const table = formatEvalTable(res);
    expect(table).toMatch(/hybrid/);
    expect(table).toContain('95% intervals for hybrid (bootstrap over papers): acc@1 1.000-1.000, MRR 1.000-1.000');
    // bm25 also ranks all three first: the paired difference is exactly zero; the headline has none.
    expect(res.by_scorer_extra.bm25?.ci95_headline_minus_this).toEqual({ acc_at_1: [0, 0], mrr: [0, 0] });
    expect(res.extra.ci95_headline_minus_this).toBeUndefined();
    expect(table).toContain('hybrid minus bm25 (paired): acc@1 +0.000..+0.000, MRR +0.000..+0.000');
    expect(Object.keys((evalJson(res) as { metrics: object }).metrics)).toHaveLength(10);
  });

  it('fails naming the paper and the call id when a call is missing', async () => {
    const bad = [...papers, { id: 'p9', title: 't', abstract: 'a b c', call_id: 'c-missing' }];
    await expect(runEval({ calls, papers: bad, embedder: fakeEmbedder() })).rejects.toThrow(/"p9".*"c-missing"/);
  });

  it('writes an HTML report with inline SVG and no external URLs', async () => {
    const res = await runEval({ calls, papers, embedder: fakeEmbedder(), scorers: ['hybrid', 'bm25'] });
    const html = await renderHtmlReport(res, 'tiny');
    expect(html).toContain('<svg');
    expect(html).toContain('<li>hybrid minus bm25 (paired): acc@1 +0.000..+0.000, MRR +0.000..+0.000</li>');
    expect(html).not.toMatch(/(src|href)=["']https?:/);
  }, 30_000);
});

describe('real-world eval files', () => {
  it('takes call ids that are not valid CallIds, title-only papers, keyword strings and loose deadlines', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cfp-eval-'));
    try {
      const odd = [
        { id: 'elsevier/SI 101', title: 'Galaxies and cosmology', description: 'Dark matter, galaxy clusters, cosmic microwave background.', deadline: 'April 15, 2025' },
        { id: 'c|bio', title: '', venue: 'Protein folding', description: 'Protein structure prediction and molecular biology.', deadline: '2025-04-15T00:00:00Z' },
        { id: 'eval-call-0', title: 'Machine translation', description: 'Neural machine translation between languages.', deadline: 'soon' },
      ];
      const ps = [
        { id: 'p1', title: 'Dark matter in galaxy clusters', abstract: 'We measure dark matter in galaxy clusters.', call_id: 'elsevier/SI 101', all_categories: ['elsevier/SI 101'] },
        { id: 'p2', title: 'Protein structure prediction for enzymes', abstract: '  ', keywords: 'protein; enzymes', call_id: 'c|bio' },
        { id: 'p3', title: 'Neural machine translation', abstract: 'Translation between many languages.', call_id: 'eval-call-0' },
      ];
      await writeFile(join(dir, 'calls.jsonl'), odd.map((c) => JSON.stringify(c)).join('\n'));
      await writeFile(join(dir, 'papers.jsonl'), ps.map((p) => JSON.stringify(p)).join('\n'));
      const loaded = await loadEvalFiles(join(dir, 'calls.jsonl'), join(dir, 'papers.jsonl'));
      expect(loaded.calls.map((c) => c.deadline)).toEqual(['2025-04-15', '2025-04-15', null]);
      expect(loaded.papers[1]?.keywords).toEqual(['protein', 'enzymes']);
      const res = await runEval({ ...loaded, embedder: fakeEmbedder(), scorers: ['bm25'] });
      expect(res.metrics.n_in_scope).toBe(3);
      expect(res.metrics.acc_at_1).toBe(1);
      expect(res.extra.acc_at_1_crosslist).toBe(1);
      expect(res.outcomes.bm25?.map((o) => o.topCall)).toEqual(['elsevier/SI 101', 'c|bio', 'eval-call-0']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('still rejects a paper with neither title nor abstract, naming the line', async () => {
    expect(() => parseJsonl('{"id":"p","title":" ","abstract":"","call_id":null}', EvalPaper, 'papers.jsonl')).toThrow(/papers\.jsonl:1: abstract: a paper needs an abstract or at least a title/);
  });
});

describe('eval input files', () => {
  it('names the file and line of a malformed line', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cfp-eval-'));
    try {
      await writeFile(join(dir, 'calls.jsonl'), `${JSON.stringify(calls[0])}\n{"id": "x", \n`);
      await writeFile(join(dir, 'papers.jsonl'), '');
      await expect(loadEvalFiles(join(dir, 'calls.jsonl'), join(dir, 'papers.jsonl'))).rejects.toThrow(/calls\.jsonl:2: not valid JSON/);
      await writeFile(join(dir, 'calls.jsonl'), `${JSON.stringify(calls[0])}\n`);
      await writeFile(join(dir, 'papers.jsonl'), '{"id":"p","abstract":"x"}\n');
      await expect(loadEvalFiles(join(dir, 'calls.jsonl'), join(dir, 'papers.jsonl'))).rejects.toBeInstanceOf(EvalInputError);
      await expect(loadEvalFiles(join(dir, 'calls.jsonl'), join(dir, 'papers.jsonl'))).rejects.toThrow(/papers\.jsonl:1: call_id/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
  it('reads files saved on Windows: a byte-order mark and CRLF line ends', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cfp-eval-'));
    try {
      await writeFile(join(dir, 'calls.jsonl'), `\uFEFF${calls.map((c) => JSON.stringify(c)).join('\r\n')}\r\n`);
      await writeFile(join(dir, 'papers.jsonl'), `\uFEFF${papers.map((p) => JSON.stringify(p)).join('\r\n')}\r\n\r\n`);
      const loaded = await loadEvalFiles(join(dir, 'calls.jsonl'), join(dir, 'papers.jsonl'));
      expect(loaded.calls.map((c) => c.id)).toEqual(calls.map((c) => c.id));
      expect(loaded.papers).toHaveLength(papers.length);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('embedding cache', () => {
  it('embeds a text once across runs', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cfp-cache-'));
    try {
      const inner = fakeEmbedder();
      const a = await createCachedEmbedder(inner, dir);
      const [v1] = await a.embed(['dark matter', 'dark matter']);
      await a.flush();
      expect(inner.calls).toBe(1);
      const b = await createCachedEmbedder(inner, dir);
      const [v2] = await b.embed(['dark matter']);
      expect(inner.calls).toBe(1);
      expect(Array.from(v2 ?? [])).toEqual(Array.from(v1 ?? []));
      expect((await readFile(join(dir, 'fake-bow-64', 'vectors.bin'))).length).toBe(16 + 64 * 4);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('scorer names and cross-lists', () => {
  it('rejects an unknown scorer, listing the known ones', () => {
    expect(() => pickScorers(['nope'])).toThrow(/unknown scorer "nope".*hybrid/);
  });
  it('matches arXiv categories to prefixed call ids', () => {
    expect(crosslistMatch('arxiv:hep-ph', ['hep-th', 'hep-ph'])).toBe(true);
    expect(crosslistMatch('arxiv:hep-ph', ['ph'])).toBe(false);
  });
});

describe('pairedDifference', () => {
  const outcomes = (ranks: ReadonlyArray<number | null>): PaperOutcome[] =>
    ranks.map((rank, i) => ({ id: `p${i}`, callId: rank === null ? null : 'c', inScope: rank !== null, rank, topCall: 'c', topProbability: 0.5, crosslistHit: null }));
  it('resamples the same papers for both scorers: a scorer never behind gives an interval at or above 0', () => {
    // Headline ranks 1,1,2,1 vs 1,2,2,3: acc@1 differences 0,1,0,1 (mean 0.5), out-of-scope papers ignored.
    const d = pairedDifference(outcomes([1, 1, 2, 1, null]), outcomes([1, 2, 2, 3, null]));
    expect(d.acc_at_1[0]).toBeGreaterThanOrEqual(0);
    expect(d.acc_at_1[1]).toBeLessThanOrEqual(1);
    expect(d.acc_at_1[0]).toBeLessThan(0.5);
    expect(d.acc_at_1[1]).toBeGreaterThan(0.5);
    expect(d.mrr[0]).toBeGreaterThanOrEqual(0);
    expect(pairedDifference(outcomes([2, 3]), outcomes([1, 1])).acc_at_1[1]).toBeLessThanOrEqual(0);
  });
  it('refuses outcomes that do not cover the same papers', () => {
    expect(() => pairedDifference(outcomes([1, 2]), outcomes([1]))).toThrow(/same papers/);
  });
});
