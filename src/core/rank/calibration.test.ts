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
