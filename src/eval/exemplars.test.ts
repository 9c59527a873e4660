import { describe, expect, it } from 'vitest';
import { createFakeEmbedder } from '../../tests/fixtures/fake-embedder.js';
import { exemplarPools, formatExemplarTable, parseExemplars, runExemplarEval } from './exemplars.js';
import type { EvalPaper } from './load.js';

const TOPICS = ['galaxy clusters dark matter', 'protein folding enzymes', 'machine translation languages', 'soil carbon farms', 'coral reef bleaching', 'bridge steel fatigue'];
const calls = TOPICS.map((t, i) => ({ id: `c${i}`, title: t.split(' ').slice(0, 2).join(' '), description: `Research on ${t}.`, topics: [] }));
// Four papers a call, each with its call's words and some of its own, and two out of scope.
const papers: EvalPaper[] = [
  ...TOPICS.flatMap((t, i) =>
    [0, 1, 2, 3].map((j) => ({ id: `p${i}-${j}`, title: `${t.split(' ')[j % 3]} study ${j}`, abstract: `We report on ${t}, with method ${j} and data set ${i}${j}.`, call_id: `c${i}` })),
  ),
  { id: 'x1', title: 'Sourdough bread', abstract: 'Bread rises overnight in a warm kitchen.', call_id: null },
  { id: 'x2', title: 'Violin varnish', abstract: 'Old varnish recipes for violins.', call_id: null },
];
const embedder = () => createFakeEmbedder(64, 'fake-bow-64');

describe('parseExemplars', () => {
  it('reads a count or a list, sorted and once each, and refuses anything else', () => {
    expect(parseExemplars('3,0,1,3')).toEqual({ ks: [0, 1, 3], seed: 1, share: 1 });
    expect(parseExemplars('5', 2, 0.5)).toEqual({ ks: [5], seed: 2, share: 0.5 });
    expect(() => parseExemplars('1,x')).toThrow(/--exemplars takes a count/);
    expect(() => parseExemplars('1', 1, 0)).toThrow(/--exemplar-share takes a share in \(0, 1\]/);
    expect(() => parseExemplars('1', 1, 1.5)).toThrow(/--exemplar-share/);
  });
});

describe('exemplarPools', () => {
  it('pools at most kMax papers of a call and never all of them, the same for the same seed', () => {
    const { pools, held } = exemplarPools(calls, papers, 5, 1);
    expect(pools.size).toBe(calls.length);
    for (const [id, pool] of pools) {
      expect(pool.length).toBe(3); // four papers: all but one
      expect(pool.every((p) => p.call_id === id)).toBe(true);
    }
    expect(held.size).toBe(3 * calls.length);
    expect(exemplarPools(calls, papers, 5, 1)).toEqual({ pools, held });
    expect(exemplarPools(calls, papers, 1, 1).held.size).toBe(calls.length);
  });

  it('gives pools to a seeded share of the calls only', () => {
    const { pools } = exemplarPools(calls, papers, 2, 3, 0.5);
    expect(pools.size).toBe(3);
  });
});

describe('runExemplarEval', () => {
  it('scores the same papers at every k, never a pooled one, and reports both groups per scorer in a mixed corpus', async () => {
    const report = await runExemplarEval({ calls, papers, embedder: embedder(), scorers: ['hybrid', 'ex:rs=0'] }, parseExemplars('0,2', 1, 0.5));
    const { held } = exemplarPools(calls, papers, 2, 1, 0.5);
    expect(report.held_out).toBe(held.size);
    expect(report.scored_papers).toBe(papers.length - held.size);
    expect(report.runs.map((r) => r.k)).toEqual([0, 2]);
    expect(report.runs.map((r) => r.calls_with_exemplars)).toEqual([0, 3]);
    for (const run of report.runs) {
      const ids = (run.result.outcomes.hybrid ?? []).map((o) => o.id);
      expect(ids.length).toBe(report.scored_papers);
      expect(ids.some((id) => held.has(id))).toBe(false);
      for (const name of ['hybrid', 'ex:rs=0']) {
        const g = run.groups?.[name];
        expect(g, name).toBeDefined();
        // In-scope papers only, split by whether their call has a pool.
        expect((g?.with.n ?? 0) + (g?.without.n ?? 0)).toBe(report.scored_papers - 2);
        expect(g?.without.n).toBe(3 * 4);
      }
    }
    // At k = 0 there are no exemplars: the variant ranks exactly as the headline.
    expect(report.runs[0]?.groups?.['ex:rs=0']).toEqual(report.runs[0]?.groups?.hybrid);
    expect(report.runs[1]?.vs_k0).toBeDefined();
    const table = formatExemplarTable(report);
    expect(table).toContain('50% of the calls get exemplars');
    expect(table).toMatch(/ex:rs=0: papers of calls with exemplars: n \d+, acc@1 [\d.]+, MRR [\d.]+; without: n 12/);
  });

  it('reports no groups when every call gets exemplars', async () => {
    const report = await runExemplarEval({ calls, papers, embedder: embedder(), scorers: ['hybrid'] }, parseExemplars('0,1'));
    expect(report.runs.every((r) => r.groups === undefined)).toBe(true);
  });
});
