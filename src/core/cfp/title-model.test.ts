import { describe, expect, it } from 'vitest';
import { alignWeights, chooseBest, SHIPPED_TITLE_MODEL } from './title-model.js';
import { TITLE_FEATURES } from './title-features.js';

describe('title model', () => {
  it('scores candidates by their weighted features and keeps the first on a tie', () => {
    expect(chooseBest([[1, 0], [0, 1]], [0.5, 2])).toBe(1);
    expect(chooseBest([[1, 0], [1, 0]], [1, 0])).toBe(0);
    expect(chooseBest([], [1])).toBe(-1);
  });

  it('aligns weights by feature name: unknown names are ignored, missing ones weigh 0', () => {
    const w = alignWeights({ features: ['src:page-h1', 'no-such-feature'], weights: [2, 9] });
    expect(w).toHaveLength(TITLE_FEATURES.length);
    expect(w[TITLE_FEATURES.indexOf('src:page-h1')]).toBe(2);
    expect(w.filter((v) => v !== 0)).toEqual([2]);
  });

  it('ships weights for the features the parser computes', () => {
    expect(SHIPPED_TITLE_MODEL.features).toEqual([...TITLE_FEATURES]);
    expect(SHIPPED_TITLE_MODEL.weights.some((v) => v !== 0)).toBe(true);
  });
});
