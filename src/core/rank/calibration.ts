/**
 * The calibrated fit: a logistic map from a call's features to the probability that the
 * draft is in scope of it. A calibration belongs to the embedder it was fitted for (cosines
 * of different models live on different scales), and a runtime ranks only with its own
 * embedder's calibration or with the embedder-independent lexical one.
 */
import { createError } from '../errors.js';
import type { FusedCall } from './fusion.js';
import { clamp, sigmoid } from './vector-math.js';

/** Logistic calibration from features to the probability that a draft is in scope of a call. */
export interface Calibration {
  kind: 'logistic';
  /** The embedder whose cosines the dense weight is for; {@link ANY_EMBEDDER} when the dense weight is 0. */
  embedder: string;
  weights: CalibrationWeights;
  /** What it was fitted on, for the record (data set, date, sample sizes). */
  fitted_on?: string;
}

/**
 * Logistic weights. `normDense`/`normLexical` read the call's dense and BM25 scores against its own
 * reference-population moments (features.ts), which mean the same for a title-only call and a full
 * CFP; absent (0) in calibrations fitted before they existed.
 */
export interface CalibrationWeights {
  dense: number;
  coverage: number;
  score: number;
  normDense?: number;
  normLexical?: number;
  bias: number;
}

/**
 * The features a calibration reads from a scored call. `normDense`/`normLexical` count only when
 * they were read against a reference population (`denseRef`/`lexicalRef`), else as 0: without one
 * they hold the raw cosine and BM25, on another scale than the fit's.
 */
export type CalibratedFeatures = Pick<FusedCall, 'dense' | 'coverage' | 'score'> & Partial<Pick<FusedCall, 'normDense' | 'normLexical' | 'denseRef' | 'lexicalRef'>>;

/** `embedder` of a calibration that reads no embedder's cosines (dense weight 0), so it fits any embedder. */
export const ANY_EMBEDDER = '*';

/** Hand-set prior for USE-lite, used until a calibration fitted on labelled data is shipped. */
export const DEFAULT_CALIBRATION: Calibration = {
  kind: 'logistic',
  embedder: 'use-lite',
  // The fused score is relative to the other calls of one query, so it separates in-scope from
  // out-of-scope drafts poorly (AUROC 0.61-0.65 alone); cosine and idf coverage are absolute.
  // Coverage 4 -> 12 and score 0.6 -> 0.3 raised top-call AUROC on both suites (eval/README.md).
  weights: { dense: 10, coverage: 12, score: 0.3, bias: -6.65 },
  fitted_on: 'hand-set default, checked on the ACL and arXiv eval suites',
};

/**
 * Default triage decision threshold on the top call's in-scope probability:
 * at or above it a draft is reported in scope. The evaluation's `triage_f1`
 * uses it, and so does the triage service.
 */
export const DEFAULT_IN_SCOPE_THRESHOLD = 0.5;

/**
 * Probability in [0, 1] that the draft is in scope, from one call's fused features.
 *
 * @example
 * inScopeProbability({ dense: 0.55, coverage: 0.4, score: 1.2 }, calibration)
 */
export function inScopeProbability(f: CalibratedFeatures, cal: Calibration = DEFAULT_CALIBRATION): number {
  return clamp(sigmoid(draftLogit(f, cal.weights) + cal.weights.score * f.score), 0, 1);
}

/** The logit without the score term: the part every call of a draft shares (read from its top call). */
function draftLogit(f: CalibratedFeatures, w: CalibrationWeights): number {
  const normDense = f.denseRef ? (f.normDense ?? 0) : 0;
  const normLexical = f.lexicalRef ? (f.normLexical ?? 0) : 0;
  return w.dense * f.dense + w.coverage * f.coverage + (w.normDense ?? 0) * normDense + (w.normLexical ?? 0) * normLexical + w.bias;
}

/**
 * In-scope probabilities of every scored call of one draft, monotone in the ranking score, so the
 * fit shown never disagrees with the order (issue #17: #2 showed a higher fit than #1).
 *
 * The calibration is fitted on each draft's top call (calibrate/pairs.ts), so the top call gets
 * exactly `inScopeProbability`. The draft-level part of the logit, from the absolute features of
 * that top call (cosine, coverage: "is this draft in the field of these calls at all"), is then
 * shared by every call of the draft, and each call adds its own fused score: a call ranked lower
 * has a lower fit, by the score's weight times how far below the top call it scored.
 *
 * @example
 * const p = callProbabilities(scored, calibration); // p.get(scored[0].callId) === inScopeProbability(scored[0], calibration)
 */
export function callProbabilities<T extends CalibratedFeatures & Pick<FusedCall, 'callId'>>(scored: readonly T[], cal: Calibration = DEFAULT_CALIBRATION): (f: Pick<FusedCall, 'score'>) => number {
  let top: T | undefined;
  for (const s of scored) if (!top || s.score > top.score || (s.score === top.score && s.callId < top.callId)) top = s;
  const draftPart = top ? draftLogit(top, cal.weights) : cal.weights.bias;
  return (f) => clamp(sigmoid(draftPart + cal.weights.score * f.score), 0, 1);
}

/**
 * The calibration a runtime must rank with: the one fitted for its embedder, else one that
 * reads no cosine ({@link ANY_EMBEDDER}). Never another embedder's: that was the Workers bug
 * (USE-lite weights applied to bge-small cosines). CALIBRATION_MISSING when neither is available.
 *
 * @example
 * const calibration = calibrationFor(embedder.id, shippedCalibrations);
 */
export function calibrationFor(embedderId: string, available: readonly Calibration[]): Calibration {
  const own = available.find((c) => c.embedder === embedderId);
  if (own) return own;
  const any = available.find((c) => c.embedder === ANY_EMBEDDER && c.weights.dense === 0);
  if (any) return any;
  throw createError('CALIBRATION_MISSING', `no calibration for embedder "${embedderId}" and no embedder-independent one (have: ${available.map((c) => c.embedder).join(', ') || 'none'})`);
}
