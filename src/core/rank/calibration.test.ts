import { describe, expect, it } from 'vitest';
import { ANY_EMBEDDER, callProbabilities, calibrationFor, DEFAULT_CALIBRATION, inScopeProbability, type Calibration } from './calibration.js';

const cal = (embedder: string, dense = 5): Calibration => ({ kind: 'logistic', embedder, weights: { dense, coverage: 10, score: 0.2, bias: -6 } });

describe('calibrationFor', () => {
  it("picks the embedder's own calibration first", () => {
    const own = cal('onnx:Xenova/bge-small-en-v1.5');
    expect(calibrationFor(own.embedder, [cal(ANY_EMBEDDER, 0), DEFAULT_CALIBRATION, own])).toBe(own);
  });
  it("falls back to the embedder-independent one, never another embedder's", () => {
    const any = cal(ANY_EMBEDDER, 0);
    expect(calibrationFor('workers-ai:@cf/baai/bge-small-en-v1.5', [DEFAULT_CALIBRATION, any])).toBe(any);
  });
  it('refuses an embedder-independent record that still reads cosines', () => {
    expect(() => calibrationFor('x', [cal(ANY_EMBEDDER, 3), DEFAULT_CALIBRATION])).toThrow(expect.objectContaining({ code: 'CALIBRATION_MISSING' }));
  });
  it('throws CALIBRATION_MISSING when neither is shipped', () => {
    expect(() => calibrationFor('x', [DEFAULT_CALIBRATION])).toThrow(/no calibration for embedder "x"/);
  });
});

describe('callProbabilities', () => {
  it('gives the top call its calibrated probability and never a higher fit to a lower score', () => {
    // The second call has a higher cosine and coverage than the first but a lower fused score.
    const scored = [
      { callId: 'a', dense: 0.4, coverage: 0.2, score: 1.5 },
      { callId: 'b', dense: 0.6, coverage: 0.5, score: 1.2 },
      { callId: 'c', dense: 0.2, coverage: 0.1, score: -1 },
    ];
    const cal = { ...DEFAULT_CALIBRATION, weights: { dense: 10, coverage: 12, score: 0.5, bias: -6 } };
    const fit = callProbabilities(scored, cal);
    expect(fit(scored[0] as (typeof scored)[0])).toBeCloseTo(inScopeProbability(scored[0] as (typeof scored)[0], cal), 12);
    const ps = scored.map(fit);
    expect(ps[0]).toBeGreaterThan(ps[1] as number);
    expect(ps[1]).toBeGreaterThan(ps[2] as number);
    // Per call, the old probability would have put b above a.
    expect(inScopeProbability(scored[1] as (typeof scored)[0], cal)).toBeGreaterThan(inScopeProbability(scored[0] as (typeof scored)[0], cal));
  });
});

describe('reference-normalised features', () => {
  const refCal: Calibration = { kind: 'logistic', embedder: 'use-lite', weights: { dense: 2, coverage: 15, score: 0.25, normDense: 1.2, normLexical: 0.6, bias: -4.3 } };
  // A title-only call: tiny coverage, but the draft scores 3 reference spreads above the call's typical abstract.
  const titleOnly = { dense: 0.58, coverage: 0.016, score: 2.1, normDense: 3.2, normLexical: 3.9, denseRef: true, lexicalRef: true };

  it('reads normDense and normLexical with their weights', () => {
    const logit = 2 * 0.58 + 15 * 0.016 + 0.25 * 2.1 + 1.2 * 3.2 + 0.6 * 3.9 - 4.3;
    expect(inScopeProbability(titleOnly, refCal)).toBeCloseTo(1 / (1 + Math.exp(-logit)), 12);
    // The old three-feature weights alone would put this draft out of scope.
    expect(inScopeProbability(titleOnly, { ...refCal, weights: { dense: 7.46, coverage: 10.69, score: 0.622, bias: -6.23 } })).toBeLessThan(0.5);
    expect(inScopeProbability(titleOnly, refCal)).toBeGreaterThan(0.5);
  });

  it('counts a normalised score only when it was read against a reference population', () => {
    // Without a reference normLexical is the raw BM25 (here 25): it must not push the probability to 1.
    const raw = { ...titleOnly, normLexical: 25, lexicalRef: false, normDense: 0.58, denseRef: false };
    const none = { ...titleOnly, normDense: 0, normLexical: 0 };
    expect(inScopeProbability(raw, refCal)).toBeCloseTo(inScopeProbability(none, refCal), 12);
  });

  it('keeps the top call at its own probability and lower calls below it', () => {
    const scored = [
      { callId: 'a', ...titleOnly },
      { callId: 'b', ...titleOnly, score: 1.1, normDense: 0.2, normLexical: 0.1 },
    ];
    const fit = callProbabilities(scored, refCal);
    expect(fit(scored[0] as (typeof scored)[0])).toBeCloseTo(inScopeProbability(titleOnly, refCal), 12);
    expect(fit(scored[1] as (typeof scored)[1])).toBeLessThan(fit(scored[0] as (typeof scored)[0]));
  });
});
