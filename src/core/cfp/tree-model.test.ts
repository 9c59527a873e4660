import { describe, expect, it } from 'vitest';
import { chooseBestByTrees, treeScore, type TreeModel } from './tree-model.js';

/** One stump on feature "a" (left -1, right +1) and one on "b" (left 0, right +0.5). */
const model: TreeModel = {
  features: ['a', 'b'],
  trees: [
    [{ f: 0, t: 0.5, l: 1, r: 2 }, { v: -1 }, { v: 1 }],
    [{ f: 1, t: 0.5, l: 1, r: 2 }, { v: 0 }, { v: 0.5 }],
  ],
};

describe('tree ranker', () => {
  it('sums the leaf each tree sends a candidate to, a value on the threshold going left', () => {
    expect(treeScore([1, 1], model, [0, 1])).toBe(1.5);
    expect(treeScore([0.5, 0], model, [0, 1])).toBe(-1);
  });

  it('reads features by name, so a reordered feature list scores the same and a feature the code no longer computes reads 0', () => {
    expect(chooseBestByTrees([[0, 0], [1, 0], [1, 1]], model, ['a', 'b'])).toBe(2);
    expect(chooseBestByTrees([[0, 0], [0, 1], [1, 1]], model, ['b', 'a'])).toBe(2);
    expect(chooseBestByTrees([[0], [1]], model, ['a'])).toBe(1);
    expect(chooseBestByTrees([[5], [9]], model, ['c'])).toBe(0);
  });

  it('chooses nothing among no candidates', () => {
    expect(chooseBestByTrees([], model, ['a', 'b'])).toBe(-1);
  });
});
