import { describe, expect, it } from 'vitest';
import { DEFAULT_IN_SCOPE_THRESHOLD, inScopeProbability } from './calibration.js';
import type { CallFeatures } from './features.js';
import { DEFAULT_RANK_PARAMS, fuseScores, scoreMoments } from './fusion.js';
import { zScores } from './vector-math.js';

const f = (callId: string, dense: number, lexical: number): CallFeatures => ({ callId, dense, lexical, coverage: 0.3, normDense: dense, normLexical: lexical, denseRef: false, lexicalRef: false });

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
  it('without moments, equals z-scores over the features themselves, bit for bit', () => {
    const feats = [f('a', 0.61, 2.5), f('b', 0.43, 9.25), f('c', 0.2, 1), f('d', 0.55, 0)];
    const zd = zScores(feats.map((x) => x.dense), DEFAULT_RANK_PARAMS.minDenseSpread);
    const zl = zScores(feats.map((x) => x.lexical), DEFAULT_RANK_PARAMS.minLexicalSpread);
    expect(fuseScores(feats).map((o) => [o.zDense, o.zLexical])).toEqual(feats.map((_, i) => [zd[i], zl[i]]));
  });
  it('scores a later call against given moments exactly as it would have been scored in the set', () => {
    const feats = [f('a', 0.61, 2.5), f('b', 0.43, 9.25), f('c', 0.2, 1)];
    const moments = scoreMoments(feats);
    const all = fuseScores(feats, DEFAULT_RANK_PARAMS, moments);
    const alone = fuseScores([feats[1] as CallFeatures], DEFAULT_RANK_PARAMS, moments);
    expect(alone[0]?.score).toBe(all[1]?.score);
    // Without the moments a lone call z-scores against itself: 0, not its place in the set.
    expect(fuseScores([feats[1] as CallFeatures])[0]?.score).toBe(0);
  });
  it('fuses the reference-normalised columns, with the floor in z units when they are normalised', () => {
    const ref = (callId: string, normDense: number, normLexical: number): CallFeatures => ({ ...f(callId, 0.5, 3), normDense, normLexical, denseRef: true, lexicalRef: true });
    // Raw scores are equal; the reference-normalised ones decide.
    const out = fuseScores([ref('a', 2, 1), ref('b', -1, 0)]);
    expect((out[0]?.score ?? 0) > (out[1]?.score ?? 0)).toBe(true);
    // Near-equal normalised scores: the 0.1 floor (z units) applies, not the raw 0.02 / 0.5.
    const flat = fuseScores([ref('a', 1.0, 1.0), ref('b', 1.01, 1.0)]);
    expect(Math.abs(flat[1]?.zDense ?? 0)).toBeCloseTo(0.005 / DEFAULT_RANK_PARAMS.minReferenceSpread, 6);
  });
  it('fuses a title-only call with the dense share moved to lexical, and leaves other calls as they were', () => {
    const feats = [f('a', 0.6, 2), f('b', 0.4, 9), f('c', 0.2, 1)];
    const plain = fuseScores(feats);
    const withTitleOnly = fuseScores(feats.map((x) => (x.callId === 'b' ? { ...x, titleOnly: true } : x)));
    const p = DEFAULT_RANK_PARAMS;
    const shifted = p.denseWeight * (1 - p.titleOnlyDenseShare);
    const b = withTitleOnly[1] as (typeof withTitleOnly)[number];
    expect(b.score).toBeCloseTo((p.denseWeight - shifted) * b.zDense + (p.lexicalWeight + shifted) * b.zLexical, 12);
    expect(b.score).not.toBeCloseTo(plain[1]?.score ?? 0, 3);
    // The z-scores and the other calls' scores do not depend on which calls are title-only.
    expect(withTitleOnly.map((o) => [o.zDense, o.zLexical])).toEqual(plain.map((o) => [o.zDense, o.zLexical]));
    expect([withTitleOnly[0]?.score, withTitleOnly[2]?.score]).toEqual([plain[0]?.score, plain[2]?.score]);
  });
  it('keeps a lexical-only or dense-only fusion pure for title-only calls', () => {
    const feats = [f('a', 0.6, 2), { ...f('b', 0.4, 9), titleOnly: true }, f('c', 0.2, 1)];
    const lexical = fuseScores(feats, { ...DEFAULT_RANK_PARAMS, denseWeight: 0, lexicalWeight: 1 });
    for (const o of lexical) expect(o.score).toBe(o.zLexical);
    const dense = fuseScores(feats, { ...DEFAULT_RANK_PARAMS, denseWeight: 1, lexicalWeight: 0, titleOnlyDenseShare: 1 });
    for (const o of dense) expect(o.score).toBe(o.zDense);
  });
  it('floors the spread so a near-constant list does not blow up', () => {
    const out = fuseScores([f('a', 0.5, 3), f('b', 0.5001, 3)]);
    for (const o of out) expect(Math.abs(o.zDense)).toBeLessThan(0.01);
  });
});

describe('inScopeProbability', () => {
  it('is monotone in dense similarity and lies in [0, 1]', () => {
    const lo = inScopeProbability({ dense: 0.1, coverage: 0.2, score: 0 });
    const hi = inScopeProbability({ dense: 0.6, coverage: 0.2, score: 0 });
    expect(hi).toBeGreaterThan(lo);
    expect(lo).toBeGreaterThanOrEqual(0);
    expect(hi).toBeLessThanOrEqual(1);
    expect(DEFAULT_IN_SCOPE_THRESHOLD).toBeGreaterThan(0);
    expect(DEFAULT_IN_SCOPE_THRESHOLD).toBeLessThan(1);
  });
});
