import { describe, expect, it } from 'vitest';
import { accAtK, auroc, f1, mrr, ndcgAtK, rankOf, reliability, rocCurve } from './metrics.js';

describe('rankOf (pessimistic under ties)', () => {
  const scores = new Map([['a', 2], ['b', 2], ['c', 1], ['d', 3]]);
  it('counts every tied call as above the target', () => {
    expect(rankOf(scores, 'd')).toBe(1);
    expect(rankOf(scores, 'a')).toBe(3);
    expect(rankOf(scores, 'b')).toBe(3);
    expect(rankOf(scores, 'c')).toBe(4);
  });
  it('gives all-equal scores the last rank, not the first', () => {
    expect(rankOf(new Map([['x', 0], ['y', 0], ['z', 0]]), 'x')).toBe(3);
  });
  it('is Infinity for a call that was not scored', () => {
    expect(rankOf(scores, 'zz')).toBe(Infinity);
  });
});

describe('ranking metrics on hand-checked ranks', () => {
  const ranks = [1, 2, 4, 6];
  it('acc@k', () => {
    expect(accAtK(ranks, 1)).toBe(0.25);
    expect(accAtK(ranks, 3)).toBe(0.5);
    expect(accAtK(ranks, 5)).toBe(0.75);
  });
  it('MRR', () => {
    expect(mrr(ranks)).toBeCloseTo((1 + 0.5 + 0.25 + 1 / 6) / 4, 12);
    expect(mrr([Infinity])).toBe(0);
  });
  it('nDCG@5 with one relevant call', () => {
    expect(ndcgAtK(ranks, 5)).toBeCloseTo((1 + 1 / Math.log2(3) + 1 / Math.log2(5)) / 4, 12);
    // a tie for first place costs the pessimistic rank 2
    const tied = rankOf(new Map([['a', 1], ['b', 1]]), 'a');
    expect(ndcgAtK([tied], 5)).toBeCloseTo(1 / Math.log2(3), 12);
  });
});

describe('auroc', () => {
  it('is 1 for perfect separation and 0 for inverted', () => {
    expect(auroc([0.9, 0.8], [0.1, 0.2])).toBe(1);
    expect(auroc([0.1], [0.9])).toBe(0);
  });
  it('counts ties as half', () => {
    expect(auroc([0.9, 0.5], [0.5, 0.1])).toBeCloseTo(3.5 / 4, 12);
    expect(auroc([0.5, 0.5], [0.5])).toBe(0.5);
  });
  it('is NaN when a class is empty', () => {
    expect(auroc([1], [])).toBeNaN();
  });
  it('matches the area under the ROC curve', () => {
    const pos = [0.9, 0.7, 0.7, 0.3];
    const neg = [0.8, 0.7, 0.2];
    const pts = rocCurve(pos, neg);
    let area = 0;
    for (let i = 1; i < pts.length; i++) {
      const a = pts[i - 1];
      const b = pts[i];
      if (a && b) area += ((b.fpr - a.fpr) * (a.tpr + b.tpr)) / 2;
    }
    expect(auroc(pos, neg)).toBeCloseTo(area, 12);
  });
});

describe('f1 and reliability', () => {
  it('f1 of the positive class', () => {
    expect(f1([true, true, false], [true, false, true])).toBe(0.5);
    expect(f1([false, false], [true, false])).toBe(0);
    expect(f1([true, false], [true, false])).toBe(1);
  });
  it('reliability bins count every probability once', () => {
    const bins = reliability([0, 0.05, 0.55, 1], [false, false, true, true], 10);
    expect(bins.reduce((a, b) => a + b.count, 0)).toBe(4);
    expect(bins[0]?.count).toBe(2);
    expect(bins[9]?.observed).toBe(1);
  });
});
