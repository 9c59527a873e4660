import { describe, expect, it } from 'vitest';
import { chooseBest } from '../../core/cfp/title-model.js';
import { foldsByGroup, trainTitleModel, type TitleExample } from './title-train.js';

describe('title chooser training', () => {
  it('learns weights that put the right candidate first, and skips calls with no right candidate', () => {
    // Feature 0: found by a heading; feature 1: carries announcement words. The right title is the heading without them.
    const examples: TitleExample[] = [
      { id: 'a', group: 'x', features: [[1, 1], [1, 0], [0, 0]], right: [false, true, false] },
      { id: 'b', group: 'y', features: [[0, 0], [1, 0]], right: [false, true] },
      { id: 'c', group: 'z', features: [[1, 1], [0, 0]], right: [false, false] },
    ];
    const w = trainTitleModel(examples, 2);
    expect(w[0]).toBeGreaterThan(0);
    expect(w[1]).toBeLessThan(0);
    expect(examples.slice(0, 2).every((e) => e.right[chooseBest(e.features, w)])).toBe(true);
  });

  it('keeps a site in one fold and balances the folds', () => {
    const items = ['a', 'a', 'a', 'b', 'b', 'c', 'd'].map((group) => ({ group }));
    const folds = foldsByGroup(items, 2);
    expect(new Set(folds.slice(0, 3)).size).toBe(1);
    expect(folds[3]).toBe(folds[4]);
    const sizes = [0, 1].map((f) => folds.filter((x) => x === f).length);
    expect(Math.abs((sizes[0] ?? 0) - (sizes[1] ?? 0))).toBeLessThanOrEqual(1);
  });
});
