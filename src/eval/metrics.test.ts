import { describe, expect, it } from 'vitest';
import { createRng } from '../core/random.js';
import { accAtK, auroc, bootstrapInterval, f1, formatCi95, mrr, ndcgAtK, rankOf, reliability, rocCurve } from './metrics.js';

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
  it('equals the share of (positive, negative) pairs ordered right on random data with ties', () => {
    const r = createRng(7);
    const pos = Array.from({ length: 60 }, () => Math.round(r() * 10) / 10);
    const neg = Array.from({ length: 45 }, () => Math.round(r() * 10) / 10);
    let pairs = 0;
    for (const p of pos) for (const n of neg) pairs += p > n ? 1 : p === n ? 0.5 : 0;
    expect(auroc(pos, neg)).toBeCloseTo(pairs / (pos.length * neg.length), 12);
  });
});

describe('bootstrapInterval', () => {
  const mean = (xs: readonly number[]) => xs.reduce((a, x) => a + x, 0) / xs.length;
  it('is about the normal interval for a proportion: 0.5 +- 1.96 * sqrt(0.25 / 400)', () => {
    const xs = Array.from({ length: 400 }, (_, i) => i % 2);
    const [lo, hi] = bootstrapInterval(xs, [], mean, { resamples: 2000 });
    expect(lo).toBeGreaterThan(0.5 - 0.049 - 0.01);
    expect(lo).toBeLessThan(0.5 - 0.049 + 0.01);
    expect(hi).toBeGreaterThan(0.5 + 0.049 - 0.01);
    expect(hi).toBeLessThan(0.5 + 0.049 + 0.01);
  });
  it('is the same for the same seed, and collapses on constant data', () => {
    const xs = [1, 2, 3, 4, 5, 6, 7, 8];
    expect(bootstrapInterval(xs, [], mean, { seed: 3 })).toEqual(bootstrapInterval(xs, [], mean, { seed: 3 }));
    expect(bootstrapInterval([2, 2, 2], [], mean)).toEqual([2, 2]);
  });
  it('keeps both group sizes, so a two-class statistic is defined in every resample', () => {
    const [lo, hi] = bootstrapInterval([0.9, 0.8, 0.4], [0.5], auroc);
    expect(lo).toBeGreaterThanOrEqual(0);
    expect(hi).toBe(1);
    expect(lo).toBeLessThan(hi);
  });
  it('is [NaN, NaN] when the statistic is undefined on the data', () => {
    expect(bootstrapInterval([0.9], [], auroc)).toEqual([NaN, NaN]);
    expect(formatCi95({ acc_at_1: [0.1, 0.2], mrr: [0.25, 0.3], oos_auroc: [NaN, NaN] })).toBe('acc@1 0.100-0.200, MRR 0.250-0.300, oos AUROC -');
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
