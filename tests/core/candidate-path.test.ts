/**
 * Above `exactLimit` the ranker scores only candidate calls. These tests check, on a synthetic
 * corpus above the limit, that this path returns the same top 10 as scoring every call, and that
 * corpora up to the limit are scored exactly as before.
 */
import { describe, expect, it } from 'vitest';
import { createSyntheticEmbedder, syntheticCalls, syntheticDraft } from '../../src/bench/synthetic-calls.js';
import { createWorld } from '../../src/bench/synthetic-world.js';
import { createFlatIndex } from '../../src/core/flat-index.js';
import { createMatcher, type Matcher } from '../../src/core/matcher.js';
import { createMemoryStore } from '../../src/core/memory-store.js';
import type { VectorIndex } from '../../src/core/ports.js';
import type { CandidateOptions } from '../../src/core/rank/candidates.js';

const CALLS = 700;
const DRAFTS = 12;

async function setup(candidates: Partial<CandidateOptions> = {}): Promise<{ matcher: Matcher; world: ReturnType<typeof createWorld> }> {
  const world = createWorld({ seed: 11, dims: 64 });
  const embedder = createSyntheticEmbedder(world);
  const matcher = createMatcher({ embedder, index: createFlatIndex({ dimensions: 64 }), store: createMemoryStore(syntheticCalls(world, CALLS)), today: () => '2026-11-22', candidates });
  await matcher.sync();
  return { matcher, world };
}

async function topTens(matcher: Matcher, world: ReturnType<typeof createWorld>) {
  const all = [...matcher.corpus.calls.keys()];
  const out: Array<{ fast: string[]; exact: string[]; fastScores: number[]; exactScores: number[]; candidates: number }> = [];
  for (let i = 0; i < DRAFTS; i++) {
    const d = syntheticDraft(world, i);
    const fast = (await matcher.scoreDraft(d)).scored;
    const exact = (await matcher.scoreDraft(d, { only: all })).scored;
    out.push({
      fast: fast.slice(0, 10).map((s) => s.callId),
      exact: exact.slice(0, 10).map((s) => s.callId),
      fastScores: fast.slice(0, 10).map((s) => s.score),
      exactScores: exact.slice(0, 10).map((s) => s.score),
      candidates: fast.length,
    });
  }
  return out;
}

describe('candidate path above exactLimit', () => {
  it('returns the same top 10, with the same scores, as scoring every call when the sample covers the corpus', async () => {
    const { matcher, world } = await setup({ populationSample: CALLS });
    for (const r of await topTens(matcher, world)) {
      expect(r.candidates).toBeLessThan(CALLS);
      expect(r.fast).toEqual(r.exact);
      r.fastScores.forEach((s, i) => expect(s).toBeCloseTo(r.exactScores[i] as number, 9));
    }
  });

  it('returns the same top-10 sets with the default sample', async () => {
    const { matcher, world } = await setup();
    for (const r of await topTens(matcher, world)) expect(new Set(r.fast)).toEqual(new Set(r.exact));
  });

  it('scores every call exactly at or below exactLimit (population estimate unused)', async () => {
    const { matcher, world } = await setup({ exactLimit: CALLS });
    for (const r of await topTens(matcher, world)) {
      expect(r.candidates).toBe(CALLS);
      expect(r.fastScores).toEqual(r.exactScores);
    }
  });

  it('searches the dense index once per draft, with 2 hits a wanted candidate', async () => {
    const world = createWorld({ seed: 11, dims: 64 });
    const embedder = createSyntheticEmbedder(world);
    const inner = createFlatIndex({ dimensions: 64 });
    const ks: number[] = [];
    const index: VectorIndex = { ...inner, search: (v, k, f) => (ks.push(k), inner.search(v, k, f)) };
    const matcher = createMatcher({ embedder, index, store: createMemoryStore(syntheticCalls(world, CALLS)) });
    await matcher.sync();
    await matcher.scoreDraft(syntheticDraft(world, 0));
    expect(ks).toEqual([400]);
  });

  it('scores a call outside the candidates against the same moments, close to its exact score and below the top 10', async () => {
    const { matcher, world } = await setup();
    const all = [...matcher.corpus.calls.keys()];
    for (let i = 0; i < 4; i++) {
      const d = syntheticDraft(world, i);
      const sd = await matcher.scoreDraft(d);
      const exact = new Map((await matcher.scoreDraft(d, { only: all })).scored.map((s) => [s.callId, s.score]));
      const candidates = new Set(sd.scored.map((s) => s.callId));
      const outside = all.filter((id) => !candidates.has(id)).slice(0, 20);
      expect(outside.length).toBeGreaterThan(0);
      const tenth = sd.scored[9]?.score ?? -Infinity;
      for (const id of outside) {
        const s = await sd.scoreOf(id);
        expect(s?.callId).toBe(id);
        expect(s?.score).toBeLessThan(tenth);
        expect(Math.abs((s?.score ?? 0) - (exact.get(id) ?? 0))).toBeLessThan(0.25);
      }
      expect(await sd.scoreOf(sd.scored[0]?.callId ?? '')).toBe(sd.scored[0]);
      expect(await sd.scoreOf('no-such-call')).toBeUndefined();
    }
  });
});

describe('a narrow filter above the exact-scoring limit', () => {
  it('still shows top_k passing calls, the ones scoring every call would show', async () => {
    const world = createWorld({ seed: 11, dims: 64 });
    // Every 50th call is from a small publisher: 14 of 700, so only a few are among the candidates.
    const calls = syntheticCalls(world, CALLS).map((c, i) => ({ ...c, publisher: i % 50 === 0 ? 'Small Press' : 'Large Press' }));
    const rare = new Set(calls.filter((c) => c.publisher === 'Small Press').map((c) => c.id));
    const matcher = createMatcher({ embedder: createSyntheticEmbedder(world), index: createFlatIndex({ dimensions: 64 }), store: createMemoryStore(calls), today: () => '2026-11-22' });
    await matcher.sync();
    let fewCandidates = 0;
    for (let i = 0; i < 4; i++) {
      const d = syntheticDraft(world, i);
      const sd = await matcher.scoreDraft(d);
      if (sd.scored.filter((s) => rare.has(s.callId)).length < 10) fewCandidates++;
      const { results } = await matcher.rankScored(sd, { publisher: ['Small Press'], top_k: 10 });
      expect(results).toHaveLength(10);
      expect(results.every((r) => rare.has(r.call_id))).toBe(true);
      // Each passing call scored with this draft's moments, best first: what the page must show.
      const byScore = (await sd.scoreAll([...rare])).sort((a, b) => b.score - a.score).slice(0, 10);
      expect(results.map((r) => r.call_id)).toEqual(byScore.map((s) => s.callId));
      // And nearly what scoring every call exactly shows (the moments there are exact, not estimated).
      const exact = (await matcher.scoreDraft(d, { only: [...matcher.corpus.calls.keys()] })).scored.filter((s) => rare.has(s.callId)).slice(0, 10);
      const shared = exact.filter((s) => results.some((r) => r.call_id === s.callId)).length;
      expect(shared).toBeGreaterThanOrEqual(9);
      expect(results.map((r) => r.score)).toEqual([...results.map((r) => r.score)].sort((a, b) => b - a));
    }
    // The case this covers happened: the candidates alone held fewer than 10 passing calls.
    expect(fewCandidates).toBeGreaterThan(0);
  });
});
