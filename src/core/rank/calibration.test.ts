import { describe, expect, it } from 'vitest';
import { ANY_EMBEDDER, calibrationFor, DEFAULT_CALIBRATION, type Calibration } from './calibration.js';

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
