/**
 * Ranking and triage metrics. Pure functions over scores, hand-checkable.
 *
 * Ties: the rank of the correct call is *pessimistic*: every other call with
 * a score equal to the correct call's counts as ranked above it. A method
 * that gives every call the same score therefore scores acc@1 = 0, never 1,
 * and the result does not depend on the order calls were listed in.
 * AUROC counts a tied positive/negative pair as half (Mann-Whitney).
 */
import { createRng } from '../core/random.js';

/**
 * 1-based pessimistic rank of `target` among `scores` (Infinity when absent).
 *
 * @example
 * rankOf(new Map([['a', 2], ['b', 2], ['c', 1]]), 'a') // 2 (tied with b)
 */
export function rankOf(scores: ReadonlyMap<string, number>, target: string): number {
  const s = scores.get(target);
  if (s === undefined || Number.isNaN(s)) return Infinity;
  let above = 0;
  for (const [id, v] of scores) if (id !== target && !(v < s)) above++;
  return above + 1;
}

/** Share of ranks <= k. */
export function accAtK(ranks: readonly number[], k: number): number {
  if (ranks.length === 0) return 0;
  return ranks.filter((r) => r <= k).length / ranks.length;
}

/** Mean reciprocal rank (1/Infinity = 0). */
export function mrr(ranks: readonly number[]): number {
  if (ranks.length === 0) return 0;
  return ranks.reduce((a, r) => a + 1 / r, 0) / ranks.length;
}

/**
 * Mean nDCG@k with one relevant call per query: 1/log2(rank+1) when rank <= k, else 0
 * (the ideal DCG is 1).
 *
 * @example
 * ndcgAtK([1, 2, 6], 5) // (1 + 0.6309 + 0) / 3
 */
export function ndcgAtK(ranks: readonly number[], k: number): number {
  if (ranks.length === 0) return 0;
  return ranks.reduce((a, r) => a + (r <= k ? 1 / Math.log2(r + 1) : 0), 0) / ranks.length;
}

/**
 * Area under the ROC curve: probability that a random positive scores above a
 * random negative, ties counted as half. NaN when either class is empty.
 *
 * @example
 * auroc([0.9, 0.5], [0.5, 0.1]) // (1 + 1 + 0.5 + 1) / 4 = 0.875
 */
export function auroc(positives: readonly number[], negatives: readonly number[]): number {
  if (positives.length === 0 || negatives.length === 0) return NaN;
  const pos = Float64Array.from(positives).sort();
  const neg = Float64Array.from(negatives).sort();
  // Walk both sorted lists once: each positive beats the negatives below it and ties those equal to it.
  let wins = 0;
  let below = 0;
  for (const p of pos) {
    while (below < neg.length && (neg[below] as number) < p) below++;
    let equal = below;
    while (equal < neg.length && neg[equal] === p) equal++;
    wins += below + (equal - below) / 2;
  }
  return wins / (pos.length * neg.length);
}

export interface RocPoint {
  threshold: number;
  fpr: number;
  tpr: number;
}

/** ROC curve points from the highest threshold down (tied scores move together). */
export function rocCurve(positives: readonly number[], negatives: readonly number[]): RocPoint[] {
  const thresholds = [...new Set([...positives, ...negatives])].sort((a, b) => b - a);
  const out: RocPoint[] = [{ threshold: Infinity, fpr: 0, tpr: 0 }];
  for (const t of thresholds) {
    out.push({
      threshold: t,
      tpr: positives.length ? positives.filter((s) => s >= t).length / positives.length : 0,
      fpr: negatives.length ? negatives.filter((s) => s >= t).length / negatives.length : 0,
    });
  }
  return out;
}

/**
 * F1 of the positive class for binary decisions.
 *
 * @example
 * f1([true, true, false], [true, false, true]) // tp 1, fp 1, fn 1 -> 0.5
 */
export function f1(predicted: readonly boolean[], actual: readonly boolean[]): number {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  predicted.forEach((p, i) => {
    const a = actual[i] ?? false;
    if (p && a) tp++;
    else if (p && !a) fp++;
    else if (!p && a) fn++;
  });
  return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
}

export interface ReliabilityBin {
  lo: number;
  hi: number;
  count: number;
  meanPredicted: number;
  observed: number;
}

/** Equal-width reliability bins of predicted probability vs observed rate of positives. */
export function reliability(probs: readonly number[], actual: readonly boolean[], bins = 10): ReliabilityBin[] {
  const out: ReliabilityBin[] = [];
  for (let b = 0; b < bins; b++) {
    const lo = b / bins;
    const hi = (b + 1) / bins;
    const idx = probs.map((p, i) => ({ p, i })).filter(({ p }) => p >= lo && (b === bins - 1 ? p <= hi : p < hi));
    const count = idx.length;
    out.push({
      lo,
      hi,
      count,
      meanPredicted: count ? idx.reduce((a, { p }) => a + p, 0) / count : NaN,
      observed: count ? idx.filter(({ i }) => actual[i]).length / count : NaN,
    });
  }
  return out;
}

/** A two-sided percentile interval `[low, high]`. */
export type Interval = readonly [number, number];

export interface BootstrapOptions {
  /** Number of resamples (default 1000). */
  resamples?: number;
  /** Seed of the resampling, so a report is reproducible (default 1). */
  seed?: number;
  /** Coverage of the interval (default 0.95). */
  level?: number;
}

/**
 * Percentile bootstrap interval of a statistic of two groups (in-scope and
 * out-of-scope papers). Each group is resampled with replacement on its own,
 * so every resample keeps both group sizes and a two-class statistic such as
 * AUROC is always defined. `[NaN, NaN]` when the statistic is NaN on the data.
 *
 * @example
 * bootstrapInterval(inScopeRanks, [], (r) => mrr(r)) // e.g. [0.61, 0.66]
 */
export function bootstrapInterval<A, B>(
  a: readonly A[],
  b: readonly B[],
  statistic: (a: readonly A[], b: readonly B[]) => number,
  opts: BootstrapOptions = {},
): Interval {
  const resamples = opts.resamples ?? 1000;
  const level = opts.level ?? 0.95;
  if (Number.isNaN(statistic(a, b))) return [NaN, NaN];
  const rng = createRng(opts.seed ?? 1);
  const draw = <T>(xs: readonly T[]): T[] => Array.from(xs, () => xs[Math.floor(rng() * xs.length)] as T);
  const values = Array.from({ length: resamples }, () => statistic(draw(a), draw(b))).sort((x, y) => x - y);
  return [quantile(values, (1 - level) / 2), quantile(values, 1 - (1 - level) / 2)];
}

/** 95% bootstrap intervals (1,000 seeded resamples of the papers, in and out of scope apart). */
export interface Ci95 {
  acc_at_1: Interval;
  mrr: Interval;
  oos_auroc: Interval;
}

/** `acc@1 0.480-0.523, MRR ..., oos AUROC ...` (`-` where a metric is undefined). */
export function formatCi95(ci: Ci95): string {
  const f = ([lo, hi]: Interval) => (Number.isNaN(lo) ? '-' : `${lo.toFixed(3)}-${hi.toFixed(3)}`);
  return `acc@1 ${f(ci.acc_at_1)}, MRR ${f(ci.mrr)}, oos AUROC ${f(ci.oos_auroc)}`;
}

/** `acc@1 +0.012..+0.045, MRR ...`: a paired difference's interval with signs. */
export function formatDifference(d: { acc_at_1: Interval; mrr: Interval }): string {
  const sign = (x: number) => `${x >= 0 ? '+' : ''}${x.toFixed(3)}`;
  const f = ([lo, hi]: Interval) => (Number.isNaN(lo) ? '-' : `${sign(lo)}..${sign(hi)}`);
  return `acc@1 ${f(d.acc_at_1)}, MRR ${f(d.mrr)}`;
}

/** Linear-interpolated quantile of sorted values (R type 7). */
function quantile(sorted: readonly number[], q: number): number {
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const l = sorted[lo] ?? NaN;
  return l + (h - lo) * ((sorted[Math.min(lo + 1, sorted.length - 1)] ?? l) - l);
}
