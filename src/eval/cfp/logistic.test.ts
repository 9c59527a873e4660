import { describe, expect, it } from 'vitest';
import { trainLogistic } from './logistic.js';
import { probability } from '../../core/cfp/editor-model.js';

describe('logistic regression', () => {
  it('separates what a feature separates and reads the rest from the base rate', () => {
    // Feature 1 marks the positives; feature 2 is noise present on half of each class.
    const data = [
      ...Array.from({ length: 20 }, (_, i) => ({ x: [1, 1, i % 2], y: true })),
      ...Array.from({ length: 60 }, (_, i) => ({ x: [1, 0, i % 2], y: false })),
    ];
    const w = trainLogistic(data, 3);
    expect(probability([1, 1, 0], w)).toBeGreaterThan(0.8);
    expect(probability([1, 0, 1], w)).toBeLessThan(0.2);
    expect(Math.abs(w[2] ?? 0)).toBeLessThan(0.5);
  });

  it('learns the base rate alone when no feature says anything', () => {
    const data = Array.from({ length: 40 }, (_, i) => ({ x: [1], y: i < 10 }));
    expect(probability([1], trainLogistic(data, 1, { epochs: 3000 }))).toBeCloseTo(0.25, 2);
  });
});
