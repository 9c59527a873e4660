import { describe, expect, it } from 'vitest';
import { chooseBestByTrees } from '../../core/cfp/tree-model.js';
import { chooseBest } from '../../core/cfp/title-model.js';
import { fitTreeRanker } from './tree-train.js';
import { trainTitleModel, type TitleExample } from './title-train.js';

/** Feature x helps unless y is set, when it hurts: an interaction no linear ranker can express (the calls of kinds a and b want opposite signs for x). */
const call = (right: number[], wrong: number[], id: string, rightFirst: boolean): TitleExample =>
  rightFirst ? { id, group: id, features: [right, wrong], right: [true, false] } : { id, group: id, features: [wrong, right], right: [false, true] };
const calls: TitleExample[] = [];
// The right candidate comes first in half the calls, so a tie (the first wins) is never right by position.
for (let k = 0; k < 10; k++) calls.push(call([1, 0], [0, 0], `a${k}`, k % 2 === 0), call([0, 1], [1, 1], `b${k}`, k % 2 === 1), call([1, 0], [1, 1], `c${k}`, k % 2 === 0));
const names = ['x', 'y'];
const rightShare = (pick: (e: TitleExample) => number) => calls.filter((e) => e.right[pick(e)]).length / calls.length;

describe('fitTreeRanker', () => {
  it('learns an interaction of two features that the linear ranker cannot', () => {
    const trees = fitTreeRanker(calls, names, { trees: 30, depth: 2, rate: 0.3 });
    expect(rightShare((e) => chooseBestByTrees(e.features, trees, names))).toBe(1);
    const w = trainTitleModel(calls, 2);
    expect(rightShare((e) => chooseBest(e.features, w))).toBeLessThan(1);
  });

  it('writes the shape the parser reads (named features, nodes with a feature index and threshold or a leaf value), one tree per round', () => {
    const m = fitTreeRanker(calls, names, { trees: 4, depth: 2 });
    expect(m.features).toEqual(names);
    expect(m.trees).toHaveLength(4);
    for (const tree of m.trees) for (const n of tree) expect('v' in n ? Number.isFinite(n.v) : n.f >= 0 && n.f < 2 && n.l > 0 && n.r > 0).toBe(true);
  });

  it('learns nothing from calls with no right candidate', () => {
    const m = fitTreeRanker([{ id: 'z', group: 'z', features: [[1, 0], [0, 1]], right: [false, false] }], names, { trees: 3 });
    expect(m.trees.every((t) => t.length === 1 && 'v' in t[0]! && t[0].v === 0)).toBe(true);
  });
});
