import { describe, expect, it } from 'vitest';
import { DEFAULT_IN_SCOPE_THRESHOLD, DEFAULT_RANK_PARAMS, fuseScores, inScopeProbability, reciprocalRanks, type CallFeatures } from './fusion.js';

const f = (callId: string, dense: number, lexical: number, extra: Partial<CallFeatures> = {}): CallFeatures => ({
  callId, dense, lexical, evidence: 0, coverage: 0.3, ...extra,
});

describe('fuseScores', () => {
  it('orders by the weighted z-scores of dense and lexical', () => {
    const out = fuseScores([f('a', 0.6, 2), f('b', 0.4, 9), f('c', 0.2, 1)]);
    const byId = new Map(out.map((o) => [o.callId, o.score]));
    expect((byId.get('b') ?? 0) > (byId.get('c') ?? 0)).toBe(true);
    expect(out.reduce((a, o) => a + o.zDense, 0)).toBeCloseTo(0, 9);
  });
  it('a dense-only scorer ignores lexical', () => {
    const out = fuseScores([f('a', 0.6, 0), f('b', 0.4, 100)], { ...DEFAULT_RANK_PARAMS, denseWeight: 1, lexicalWeight: 0 });
    expect((out[0]?.score ?? 0) > (out[1]?.score ?? 0)).toBe(true);
  });
  it('uses the background-normalised features when asked', () => {
    const feats = [f('a', 0.6, 5, { bgDense: -1, bgLexical: -1 }), f('b', 0.5, 4, { bgDense: 2, bgLexical: 2 })];
    const out = fuseScores(feats, { ...DEFAULT_RANK_PARAMS, backgroundNorm: true });
    expect((out[1]?.score ?? 0) > (out[0]?.score ?? 0)).toBe(true);
  });
  it('reciprocal-rank fusion gives tied values the same (better) rank', () => {
    expect(reciprocalRanks([3, 1, 3, 2], 60)).toEqual([1 / 61, 1 / 64, 1 / 61, 1 / 63]);
  });
});

describe('inScopeProbability', () => {
  it('is monotone in dense similarity and lies in [0, 1]', () => {
    const lo = inScopeProbability({ denseMix: 0.1, coverage: 0.2, score: 0 });
    const hi = inScopeProbability({ denseMix: 0.6, coverage: 0.2, score: 0 });
    expect(hi).toBeGreaterThan(lo);
    expect(lo).toBeGreaterThanOrEqual(0);
    expect(hi).toBeLessThanOrEqual(1);
    expect(DEFAULT_IN_SCOPE_THRESHOLD).toBeGreaterThan(0);
    expect(DEFAULT_IN_SCOPE_THRESHOLD).toBeLessThan(1);
  });
});
