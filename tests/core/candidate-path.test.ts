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
import type { RankParams } from '../../src/core/rank/fusion.js';
import type { CandidateOptions } from '../../src/core/rank/score-calls.js';

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
    const exact = (await matcher.scoreDraft(d, all)).scored;
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

  it('searches per draft sentence only when topic evidence enters the score', async () => {
    const world = createWorld({ seed: 11, dims: 64 });
    const embedder = createSyntheticEmbedder(world);
    const draft = syntheticDraft(world, 0);
    const searchesPerDraft = async (params: Partial<RankParams>) => {
      const inner = createFlatIndex({ dimensions: 64 });
      const ks: number[] = [];
      const index: VectorIndex = { ...inner, search: (v, k, f) => (ks.push(k), inner.search(v, k, f)) };
      const matcher = createMatcher({ embedder, index, store: createMemoryStore(syntheticCalls(world, CALLS)), params });
      await matcher.sync();
      const { embedded } = await matcher.scoreDraft(draft);
      return { ks, sentences: embedded.sentences.length };
    };
    const plain = await searchesPerDraft({});
    expect(plain.ks).toEqual([400]); // one search for the draft: 2 hits a wanted candidate
    const withEvidence = await searchesPerDraft({ evidenceShare: 0.3 });
    expect(withEvidence.sentences).toBeGreaterThan(1);
    expect(withEvidence.ks).toEqual([400, ...Array<number>(withEvidence.sentences).fill(20)]);
  });
});

