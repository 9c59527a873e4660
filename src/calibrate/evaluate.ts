/**
 * Fitting feature sets and measuring them the way the product is judged: triage F1 at the
 * default threshold, out-of-scope AUROC and ECE of each paper's top call, per suite, for the
 * pooled fit and for a fit that never saw the suite (leave one suite out: fit on the others).
 * A fit pooled over the suites it is scored on flatters it; leave-one-suite-out says how it does
 * on calls of a kind it was not fitted on (the special-issue suite's title-only calls).
 */
import { ANY_EMBEDDER, DEFAULT_IN_SCOPE_THRESHOLD, type Calibration, type CalibrationWeights } from '../core/rank/calibration.js';
import { sigmoid } from '../core/rank/vector-math.js';
import { brierScore, expectedCalibrationError } from '../core/triage/calibration-metrics.js';
import { fitLogistic } from '../core/triage/logistic-fit.js';
import { auroc, bootstrapInterval, f1, type Interval } from '../eval/metrics.js';
import { DEFAULT_PRIOR, pairWeights, type Pair, type PairFeatures } from './pairs.js';

/** Features the shipped calibration can read (core/rank/calibration.ts). */
export const CALIBRATED_FEATURES = ['dense', 'coverage', 'score', 'normDense', 'normLexical'] as const;

/** Features measured as candidates only (the runtime calibration does not read them). */
export const CANDIDATE_FEATURES = ['margin', 'shortCall'] as const;

export type FeatureName = (typeof CALIBRATED_FEATURES)[number] | (typeof CANDIDATE_FEATURES)[number];

/** A call of this many words or more counts as a full text for `shortCall`. */
const FULL_CALL_WORDS = 300;

/**
 * A feature's value for a pair. `shortCall` is ln(300 / words) for calls under 300 words (0 above):
 * how far the call is from a full CFP.
 *
 * @example
 * featureValue(pair.f, 'normLexical')
 */
export function featureValue(f: PairFeatures, name: FeatureName): number {
  if (name === 'shortCall') return Math.max(0, Math.log(FULL_CALL_WORDS / Math.max(1, f.callWords)));
  return f[name];
}

/** A fitted logistic model over named features. */
export interface FeatureFit {
  features: readonly FeatureName[];
  weights: Partial<Record<FeatureName, number>>;
  bias: number;
}

/**
 * Weighted logistic fit over the named features (non-negative weights, as the shipped fit).
 *
 * @example
 * const fit = fitFeatures(pairs, pairWeights(pairs), ['coverage', 'score'], 1e-5);
 */
export function fitFeatures(pairs: readonly Pair[], weights: readonly number[], features: readonly FeatureName[], l2: number): FeatureFit {
  const fit = fitLogistic(
    pairs.map((p, i) => ({ x: features.map((n) => featureValue(p.f, n)), y: p.y, w: weights[i] ?? 1 })),
    { l2, nonNegative: true },
  );
  return { features, weights: Object.fromEntries(features.map((n, i) => [n, round(fit.weights[i] ?? 0)])), bias: round(fit.bias) };
}

/**
 * @example
 * predict(fit, pair.f) // in-scope probability of the pair's top call
 */
export function predict(fit: FeatureFit, f: PairFeatures): number {
  return sigmoid(fit.features.reduce((s, n) => s + (fit.weights[n] ?? 0) * featureValue(f, n), fit.bias));
}

/**
 * The fit as the runtime's Calibration; an error when it uses a feature the runtime cannot read.
 *
 * @example
 * toRuntimeCalibration(fit, 'use-lite')
 */
export function toRuntimeCalibration(fit: FeatureFit, embedder: string): Calibration {
  const extra = fit.features.filter((n) => !(CALIBRATED_FEATURES as readonly string[]).includes(n));
  if (extra.length) throw new Error(`the runtime calibration cannot read ${extra.join(', ')} (measure them with --compare)`);
  const w = fit.weights;
  const weights: CalibrationWeights = { dense: w.dense ?? 0, coverage: w.coverage ?? 0, score: w.score ?? 0, bias: fit.bias };
  if (w.normDense) weights.normDense = w.normDense;
  if (w.normLexical) weights.normLexical = w.normLexical;
  return { kind: 'logistic', embedder: weights.dense === 0 ? ANY_EMBEDDER : embedder, weights };
}

/** Triage quality of top-call probabilities on one suite. */
export interface SuiteQuality {
  in_scope: number;
  out_of_scope: number;
  /** F1 of "in scope" at the default threshold, unweighted (as `npm run eval` triage_f1). */
  f1: number;
  /** Top-call probability, in-scope vs out-of-scope papers (as `npm run eval` oos_auroc). */
  auroc: number;
  /** Weighted as the fit (in-scope papers `prior` of the weight), 10 bins. */
  ece: number;
  brier: number;
  /** Share of in-scope papers at or above the threshold. */
  recall: number;
  /** Share of out-of-scope papers below it. */
  rejected: number;
  ci95: { f1: Interval; auroc: Interval };
}

/**
 * @example
 * suiteQuality(pairs.filter((p) => p.suite === 'acl'), (p) => predict(fit, p.f))
 */
export function suiteQuality(pairs: readonly Pair[], prob: (p: Pair) => number, prior = DEFAULT_PRIOR, threshold = DEFAULT_IN_SCOPE_THRESHOLD): SuiteQuality {
  const probs = pairs.map(prob);
  const pos = probs.filter((_, i) => pairs[i]?.y === 1);
  const neg = probs.filter((_, i) => pairs[i]?.y === 0);
  const f1Of = (a: readonly number[], b: readonly number[]) => f1([...a, ...b].map((x) => x >= threshold), [...a.map(() => true), ...b.map(() => false)]);
  const w = pairWeights(pairs, prior);
  const preds = probs.map((p, i) => ({ p, y: pairs[i]?.y ?? 0, w: w[i] ?? 1 }));
  return {
    in_scope: pos.length,
    out_of_scope: neg.length,
    f1: round(f1Of(pos, neg)),
    auroc: round(auroc(pos, neg)),
    ece: round(expectedCalibrationError(preds)),
    brier: round(brierScore(preds)),
    recall: round(pos.filter((x) => x >= threshold).length / Math.max(1, pos.length)),
    rejected: round(neg.filter((x) => x < threshold).length / Math.max(1, neg.length)),
    ci95: {
      f1: roundInterval(bootstrapInterval(pos, neg, f1Of, { resamples: 500 })),
      auroc: roundInterval(bootstrapInterval(pos, neg, auroc, { resamples: 500 })),
    },
  };
}

/** What editors of the calls a paper is sent to see (see {@link callLevelQuality}). */
export interface CallLevelQuality {
  /** (paper, call) pairs: each paper with its top 3 calls and its own call. */
  pairs: number;
  positives: number;
  f1: number;
  auroc: number;
}

/**
 * The editor's view: each paper sent to its top 3 calls and its own, each call's probability as
 * the service computes it (calibration.ts callProbabilities: the top call's logit plus `slope`
 * times the call's score gap to the top, `slope` = the score weight), labelled 1 for its own call.
 * The per-paper figures above only ask whether the paper is in scope of its top call.
 *
 * @example
 * callLevelQuality(pairs, (p) => predict(fit, p.f), fit.weights.score ?? 0)
 */
export function callLevelQuality(pairs: readonly Pair[], topProb: (p: Pair) => number, slope: number, threshold = DEFAULT_IN_SCOPE_THRESHOLD): CallLevelQuality {
  const probs: number[] = [];
  const ys: boolean[] = [];
  for (const p of pairs) {
    const pt = Math.min(1 - 1e-12, Math.max(1e-12, topProb(p)));
    const topLogit = Math.log(pt / (1 - pt));
    const topScore = Math.max(...p.sentTo.map((s) => s.score));
    for (const s of p.sentTo) {
      probs.push(sigmoid(topLogit + slope * (s.score - topScore)));
      ys.push(s.own);
    }
  }
  return {
    pairs: probs.length,
    positives: ys.filter(Boolean).length,
    f1: round(f1(probs.map((x) => x >= threshold), ys)),
    auroc: round(auroc(probs.filter((_, i) => ys[i]), probs.filter((_, i) => !ys[i]))),
  };
}

/** Per suite: the pooled fit (all suites) and the fit on the other suites only. */
export interface FeatureSetReport {
  features: readonly FeatureName[];
  prior: number;
  pooled: FeatureFit;
  by_suite: Record<string, { pooled: SuiteQuality & { by_call: CallLevelQuality }; leave_one_suite_out: SuiteQuality & { fit: FeatureFit } }>;
}

/**
 * Pooled and leave-one-suite-out quality of one feature set (weights as `pairWeights`).
 *
 * @example
 * const r = evaluateFeatureSet(pairs, ['dense', 'coverage', 'score'], 1e-5);
 * r.by_suite['special-issues'].leave_one_suite_out.f1
 */
export function evaluateFeatureSet(pairs: readonly Pair[], features: readonly FeatureName[], l2: number, prior = DEFAULT_PRIOR): FeatureSetReport {
  const pooled = fitFeatures(pairs, pairWeights(pairs, prior), features, l2);
  const suites = [...new Set(pairs.map((p) => p.suite))];
  const by_suite: FeatureSetReport['by_suite'] = {};
  for (const suite of suites) {
    const rest = pairs.filter((p) => p.suite !== suite);
    const own = pairs.filter((p) => p.suite === suite);
    const fit = fitFeatures(rest, pairWeights(rest, prior), features, l2);
    const byCall = callLevelQuality(own, (p) => predict(pooled, p.f), pooled.weights.score ?? 0);
    by_suite[suite] = { pooled: { ...suiteQuality(own, (p) => predict(pooled, p.f), prior), by_call: byCall }, leave_one_suite_out: { ...suiteQuality(own, (p) => predict(fit, p.f), prior), fit } };
  }
  return { features, prior, pooled, by_suite };
}

/**
 * Parse `dense,coverage,score`; an error names the known features.
 *
 * @example
 * parseFeatures('coverage,normLexical') // ['coverage', 'normLexical']
 */
export function parseFeatures(value: string): FeatureName[] {
  const known: readonly FeatureName[] = [...CALIBRATED_FEATURES, ...CANDIDATE_FEATURES];
  const isFeature = (n: string): n is FeatureName => (known as readonly string[]).includes(n);
  const names = value.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = names.filter((n) => !isFeature(n));
  if (!names.length || bad.length) throw new Error(`unknown feature ${bad.join(', ') || '(none given)'} (known: ${known.join(', ')})`);
  return names.filter(isFeature);
}

const round = (x: number) => Math.round(x * 1e4) / 1e4;
const roundInterval = ([a, b]: Interval): Interval => [round(a), round(b)];
