/**
 * Pure scoring: per-call features in, fused and calibrated scores out.
 * Inner step of ranking (no paging, no timing, no I/O).
 */
import { mean, sigmoid, zScores, clamp } from './vector-math.js';

export interface RankParams {
  /** Weight of the z-normalised dense score in the fused score. */
  denseWeight: number;
  /** Weight of the z-normalised BM25 score in the fused score. */
  lexicalWeight: number;
  /** Share of the dense component taken from the mean of the best topic similarities (0 = whole-call only). */
  evidenceShare: number;
  /** How many of a call's best topic similarities are averaged into its evidence score. */
  evidenceTopM: number;
  /** Spread floors for the z-scores (guards near-constant candidate lists). */
  minDenseSpread: number;
  minLexicalSpread: number;
  /** Lowest similarity at which a topic is listed as matched. */
  topicThreshold: number;
  maxMatchedTopics: number;
}

export const DEFAULT_RANK_PARAMS: RankParams = {
  denseWeight: 0.5,
  lexicalWeight: 0.5,
  evidenceShare: 0,
  evidenceTopM: 3,
  minDenseSpread: 0.02,
  minLexicalSpread: 0.5,
  topicThreshold: 0.3,
  maxMatchedTopics: 5,
};

/** The evidence computed for one call before fusion. */
export interface CallFeatures {
  callId: string;
  /** Cosine between the draft and the whole-call passage. */
  dense: number;
  /** Mean of the call's best topic (or scope chunk) similarities to the draft's sentences. */
  evidence: number;
  /** Raw BM25 of the draft against the call document. */
  lexical: number;
  /** idf-weighted share of the draft's terms found in the call (0..1). */
  coverage: number;
}

export interface FusedCall extends CallFeatures {
  denseMix: number;
  zDense: number;
  zLexical: number;
  score: number;
}

/** Mean of the `m` largest values (averaging, never summing, so long topic lists earn nothing by length). */
export function meanOfTop(values: readonly number[], m: number): number {
  if (values.length === 0) return 0;
  return mean([...values].sort((a, b) => b - a).slice(0, Math.max(1, m)));
}

/**
 * Fuse dense and lexical evidence across the candidate calls of one query.
 *
 * @example
 * fuseScores([{ callId: 'a', dense: 0.6, evidence: 0.5, lexical: 8, coverage: 0.4 }])[0].score
 */
export function fuseScores(features: readonly CallFeatures[], params: RankParams = DEFAULT_RANK_PARAMS): FusedCall[] {
  const denseMix = features.map((f) => (1 - params.evidenceShare) * f.dense + params.evidenceShare * f.evidence);
  const zd = zScores(denseMix, params.minDenseSpread);
  const zl = zScores(features.map((f) => f.lexical), params.minLexicalSpread);
  return features.map((f, i) => {
    const zDense = zd[i] ?? 0;
    const zLexical = zl[i] ?? 0;
    return {
      ...f,
      denseMix: denseMix[i] ?? 0,
      zDense,
      zLexical,
      score: params.denseWeight * zDense + params.lexicalWeight * zLexical,
    };
  });
}

/** Logistic calibration from features to the probability that a draft is in scope of a call. */
export interface Calibration {
  kind: 'logistic';
  weights: { dense: number; coverage: number; score: number; bias: number };
  /** What it was fit on, for the record (data set, date, sample sizes). */
  fitted_on?: string;
}

/** Hand-set prior used until a calibration fit on labelled data is stored with the index. */
export const DEFAULT_CALIBRATION: Calibration = {
  kind: 'logistic',
  weights: { dense: 10, coverage: 4, score: 0.6, bias: -6.5 },
  fitted_on: 'hand-set default',
};

/**
 * Default triage decision threshold on the top call's in-scope probability:
 * at or above it a draft is reported in scope. The evaluation's `triage_f1`
 * uses it, and so does the triage service.
 */
export const DEFAULT_IN_SCOPE_THRESHOLD = 0.5;

/** Probability in [0, 1] that the draft is in scope, from one call's fused features. */
export function inScopeProbability(f: Pick<FusedCall, 'denseMix' | 'coverage' | 'score'>, cal: Calibration = DEFAULT_CALIBRATION): number {
  const w = cal.weights;
  return clamp(sigmoid(w.dense * f.denseMix + w.coverage * f.coverage + w.score * f.score + w.bias), 0, 1);
}
