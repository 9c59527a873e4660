/**
 * Exemplar papers in ranking: calls without papers rank exactly as before (bit for bit, on the
 * exact path and on the candidate path of a larger corpus), calls with papers close to the draft
 * gain, and results name the similar published paper.
 */
import { describe, expect, it } from 'vitest';
import { createSyntheticEmbedder, syntheticCalls, syntheticDraft } from '../../src/bench/synthetic-calls.js';
import { syntheticCallWithPapers, syntheticPapers } from '../../src/bench/synthetic-papers.js';
import { createWorld } from '../../src/bench/synthetic-world.js';
import { createFlatIndex } from '../../src/core/flat-index.js';
import { createMatcher, type Matcher } from '../../src/core/matcher.js';
import { createMemoryStore } from '../../src/core/memory-store.js';
import { mergeExemplars } from '../../src/core/papers/exemplars.js';
import { ExemplarInput } from '../../src/core/papers/schema.js';
import { DEFAULT_RANK_PARAMS } from '../../src/core/rank/fusion.js';
import type { Call } from '../../src/core/schema.js';
import { bundledCalls, LAM_DRAFT } from '../http/helpers.js';
import { createFakeEmbedder, FAKE_TOPIC_THRESHOLD } from '../fixtures/fake-embedder.js';

const world = createWorld({ seed: 11, dims: 32 });

async function synthetic(calls: Call[], candidates?: { exactLimit: number; candidates: number; populationSample: number }): Promise<Matcher> {
  const m = createMatcher({ embedder: createSyntheticEmbedder(world), index: createFlatIndex({ dimensions: 32 }), store: createMemoryStore(calls), ...(candidates ? { candidates } : {}) });
  await m.sync();
  return m;
}

const scores = async (m: Matcher, i: number) => {
  const sd = await m.scoreDraft(syntheticDraft(world, i));
  return new Map(sd.scored.map((s) => [s.callId, [s.score, s.probability, s.zDense, s.zLexical]]));
};

describe('calls without papers rank exactly as before', () => {
  const PAPERED = new Set([3, 7, 19]);
  const plain = syntheticCalls(world, 40);
  const mixed = plain.map((c, i) => (PAPERED.has(i) ? syntheticCallWithPapers(world, i, 5) : c));

  it('no papers anywhere: the same ranking as the fusion without an exemplar term, bit for bit', async () => {
    const on = await synthetic(plain);
    const off = createMatcher({ embedder: createSyntheticEmbedder(world), index: createFlatIndex({ dimensions: 32 }), store: createMemoryStore(plain), params: { exemplar: { ...DEFAULT_RANK_PARAMS.exemplar, weight: 0 } } });
    await off.sync();
    for (let i = 0; i < 10; i++) {
      const a = await on.rank({ ...syntheticDraft(world, i), as_of: '2026-01-01', top_k: 40 });
      const b = await off.rank({ ...syntheticDraft(world, i), as_of: '2026-01-01', top_k: 40 });
      expect(a.results).toEqual(b.results);
      expect(a.results.some((r) => 'similar_paper' in r)).toBe(false);
    }
  });

  it('exact path: papers on some calls leave every other call its score, probability and place among the others', async () => {
    const before = await synthetic(plain);
    const after = await synthetic(mixed);
    let moved = 0;
    for (let i = 0; i < 20; i++) {
      const a = await scores(before, i);
      const b = await scores(after, i);
      for (const [id, v] of a) {
        if (PAPERED.has(Number(id.slice(4)))) {
          if (b.get(id)?.[0] !== v[0]) moved++;
          continue;
        }
        expect(b.get(id), id).toEqual(v);
      }
    }
    // The papered calls did change: the test would pass vacuously otherwise.
    expect(moved).toBeGreaterThan(30);
  });

  it('candidate path (more calls than exactLimit): the same holds with estimated moments', async () => {
    const opts = { exactLimit: 10, candidates: 12, populationSample: 15 };
    const before = await synthetic(plain, opts);
    const after = await synthetic(mixed, opts);
    for (let i = 0; i < 20; i++) {
      const a = await scores(before, i);
      const b = await scores(after, i);
      for (const [id, v] of a) if (!PAPERED.has(Number(id.slice(4)))) expect(b.get(id), id).toEqual(v);
    }
  });
});

describe('papers as evidence', () => {
  it("a draft like a call's published papers ranks that call higher, and the result names the nearest paper", async () => {
    const calls = syntheticCalls(world, 40);
    const papers = syntheticPapers(world, 5, 8);
    // The term reads a call's papers against the other scored calls' papers: several calls have some.
    const withPapers = calls.map((c, i) => (i === 5 ? { ...c, papers: papers.slice(1) } : i % 4 === 0 ? syntheticCallWithPapers(world, i, 5) : c));
    // The draft is the left-out paper: never its own exemplar.
    const draft = { title: papers[0]?.title ?? '', abstract: papers[0]?.abstract ?? '', keywords: papers[0]?.keywords ?? [] };
    // Its lead over the best other call (negative when behind).
    const lead = async (cs: Call[]) => {
      const scored = (await (await synthetic(cs)).scoreDraft(draft)).scored;
      const own = scored.find((s) => s.callId === 'syn-5')?.score ?? 0;
      return own - Math.max(...scored.filter((s) => s.callId !== 'syn-5').map((s) => s.score));
    };
    const before = await lead(calls);
    const after = await lead(withPapers);
    expect(after).toBeGreaterThan(before + 0.5);
    const top = (await (await synthetic(withPapers)).rank({ ...draft, top_k: 5, as_of: '2026-01-01' })).results.find((r) => r.call_id === 'syn-5');
    expect(top?.similar_paper?.title).toBeDefined();
    expect(papers.slice(1).map((p) => p.title)).toContain(top?.similar_paper?.title);
    expect(top?.similar_paper?.similarity).toBeGreaterThanOrEqual(DEFAULT_RANK_PARAMS.exemplar.similarThreshold);
  });

  it('no similar paper is shown for a draft far from every paper', async () => {
    const calls = bundledCalls().map((c) =>
      c.id === 'ieee-network-lam-ioe' ? { ...c, papers: mergeExemplars([], [ExemplarInput.parse({ title: 'Large AI models schedule Internet of Everything resources', abstract: 'Large language models at the edge of IoE networks.' })], 'manual').papers } : c,
    );
    const m = createMatcher({ embedder: createFakeEmbedder(64), index: createFlatIndex({ dimensions: 64 }), store: createMemoryStore(calls), params: { topicThreshold: FAKE_TOPIC_THRESHOLD } });
    await m.sync();
    const near = (await m.rank({ ...LAM_DRAFT, as_of: '2025-01-10' })).results.find((r) => r.call_id === 'ieee-network-lam-ioe');
    expect(near?.similar_paper?.title).toBe('Large AI models schedule Internet of Everything resources');
    const far = await m.rank({ title: 'Fluoride varnish', abstract: 'Dental caries in primary school children declined after fluoride varnish.', as_of: '2025-01-10' });
    expect(far.results.every((r) => r.similar_paper === undefined)).toBe(true);
  });
});

describe('papers on some calls only: the map back to their own spread (rescaleFrom)', () => {
  const PAPERED = new Set([3, 7, 19, 22, 31]);
  const mixed = syntheticCalls(world, 40).map((c, i) => (PAPERED.has(i) ? syntheticCallWithPapers(world, i, 5) : c));
  const papered = (id: string) => PAPERED.has(Number(id.slice(4)));
  const withParams = async (exemplar: Partial<typeof DEFAULT_RANK_PARAMS.exemplar>) => {
    const m = createMatcher({ embedder: createSyntheticEmbedder(world), index: createFlatIndex({ dimensions: 32 }), store: createMemoryStore(mixed), params: { exemplar: { ...DEFAULT_RANK_PARAMS.exemplar, ...exemplar } } });
    await m.sync();
    return m;
  };
  const stats = (xs: number[]) => {
    const mean = xs.reduce((a, x) => a + x, 0) / xs.length;
    return { mean, sd: Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (xs.length - 1)) };
  };

  it('keeps the order among calls with papers, gives them the mean and spread they had without the term, and leaves the others as they are', async () => {
    const mapped = await withParams({ rescaleFrom: 2, rescaleKeep: 0 });
    const added = await withParams({ rescaleFrom: 0 });
    const fusionOnly = await withParams({ weight: 0 });
    let widened = 0;
    for (let i = 0; i < 10; i++) {
      const [a, b, c] = await Promise.all([scores(mapped, i), scores(added, i), scores(fusionOnly, i)]);
      const ids = [...a.keys()].filter(papered);
      expect(ids).toHaveLength(PAPERED.size);
      const score = (m: typeof a, id: string) => m.get(id)?.[0] as number;
      const order = (m: typeof a) => [...ids].sort((x, y) => score(m, y) - score(m, x));
      expect(order(a)).toEqual(order(b));
      const mine = stats(ids.map((id) => score(a, id)));
      const own = stats(ids.map((id) => score(c, id)));
      expect(mine.mean).toBeCloseTo(own.mean, 9);
      expect(mine.sd).toBeCloseTo(own.sd, 9);
      if (stats(ids.map((id) => score(b, id))).sd > own.sd + 1e-6) widened++;
      for (const [id, v] of a) if (!papered(id)) expect(v, id).toEqual(c.get(id));
    }
    // The term does widen the spread (otherwise the map would be tested on nothing).
    expect(widened).toBeGreaterThan(5);
  });

  it('keeps a share of the widening with rescaleKeep, and maps nothing below rescaleFrom calls with papers', async () => {
    const half = await withParams({ rescaleFrom: 2, rescaleKeep: 0.5 });
    const none = await withParams({ rescaleFrom: PAPERED.size + 1 });
    const added = await withParams({ rescaleFrom: 0 });
    const fusionOnly = await withParams({ weight: 0 });
    for (let i = 0; i < 5; i++) {
      const [h, n, b, c] = await Promise.all([scores(half, i), scores(none, i), scores(added, i), scores(fusionOnly, i)]);
      expect(n).toEqual(b);
      const ids = [...h.keys()].filter(papered);
      const sd = (m: typeof h) => stats(ids.map((id) => m.get(id)?.[0] as number)).sd;
      expect(sd(h)).toBeCloseTo(Math.sqrt(sd(b) * sd(c)), 9);
    }
  });
});
