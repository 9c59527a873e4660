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
  /** Normalise each call's dense and BM25 scores against its own background (see background.ts) before fusing. */
  backgroundNorm: boolean;
  /** Pseudo-observations of the pooled background mixed into each call's background estimate. */
  backgroundShrink: number;
  /** Then z-score the (background-normalised) scores across the candidates of this one query. */
  queryNorm: boolean;
  /** `z`: weighted sum of z-scores; `rrf`: reciprocal-rank fusion of the dense and lexical rankings. */
  fusion: 'z' | 'rrf';
  /** The k of reciprocal-rank fusion, 1/(k + rank). */
  rrfK: number;
  /** Share of the call's dense score taken from its title passage alone (the rest from the whole-call passage). */
  titleShare: number;
}

export const DEFAULT_RANK_PARAMS: RankParams = {
  // Measured on the ACL and arXiv suites (eval/README.md): 0.6/0.4 beat 0.5/0.5 on ACL acc@1 and MRR, equal on arXiv.
  denseWeight: 0.6,
  lexicalWeight: 0.4,
  evidenceShare: 0,
  evidenceTopM: 3,
  minDenseSpread: 0.02,
  minLexicalSpread: 0.5,
  // USE-lite cosines: on-topic sentence/topic pairs score 0.5-0.85, an off-field draft 0.15-0.38
  // (bundled calls vs a paediatric dentistry abstract), so 0.3 listed topics for unrelated drafts.
  topicThreshold: 0.45,
  maxMatchedTopics: 5,
  backgroundNorm: false,
  backgroundShrink: 20,
  queryNorm: true,
  fusion: 'z',
  rrfK: 60,
  titleShare: 0,
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
  /** Dense and lexical as z-scores against the call's own background (absent when not computed). */
  bgDense?: number;
  bgLexical?: number;
}

export interface FusedCall extends CallFeatures {
  denseMix: number;
  zDense: number;
  zLexical: number;
  score: number;
}

const Z_UNIT_FLOOR = 0.1;

/** Mean of the `m` largest values (averaging, never summing, so long topic lists earn nothing by length). */
export function meanOfTop(values: readonly number[], m: number): number {
  if (values.length === 0) return 0;
  return mean([...values].sort((a, b) => b - a).slice(0, Math.max(1, m)));
}

/** Mean and spread of the dense and lexical scores over a population of calls. */
export interface ScoreMoments {
  dense: { mean: number; sd: number };
  lexical: { mean: number; sd: number };
}

/**
 * Fuse dense and lexical evidence across the candidate calls of one query.
 * `moments`: z-score against these (e.g. estimated over every call in the corpus) instead of
 * over `features` themselves; used only with `queryNorm` and without `backgroundNorm`.
 *
 * @example
 * fuseScores([{ callId: 'a', dense: 0.6, evidence: 0.5, lexical: 8, coverage: 0.4 }])[0].score
 */
export function fuseScores(features: readonly CallFeatures[], params: RankParams = DEFAULT_RANK_PARAMS, moments?: ScoreMoments): FusedCall[] {
  const denseMix = features.map((f) => (1 - params.evidenceShare) * f.dense + params.evidenceShare * f.evidence);
  const bg = params.backgroundNorm;
  // Background-normalised inputs are already in z units, so their floor is in z units too.
  const denseIn = bg ? features.map((f) => f.bgDense ?? 0) : denseMix;
  const lexIn = features.map((f) => (bg ? (f.bgLexical ?? 0) : f.lexical));
  const given = moments && !bg ? moments : undefined;
  const z = (xs: number[], m: { mean: number; sd: number } | undefined, floor: number) =>
    m ? xs.map((x) => (x - m.mean) / Math.max(m.sd, floor)) : zScores(xs, floor);
  const zd = params.queryNorm ? z(denseIn, given?.dense, bg ? Z_UNIT_FLOOR : params.minDenseSpread) : denseIn;
  const zl = params.queryNorm ? z(lexIn, given?.lexical, bg ? Z_UNIT_FLOOR : params.minLexicalSpread) : lexIn;
  const rd = params.fusion === 'rrf' ? reciprocalRanks(zd, params.rrfK) : undefined;
  const rl = params.fusion === 'rrf' ? reciprocalRanks(zl, params.rrfK) : undefined;
  return features.map((f, i) => {
    const zDense = zd[i] ?? 0;
    const zLexical = zl[i] ?? 0;
    const score = rd && rl
      ? params.denseWeight * (rd[i] ?? 0) + params.lexicalWeight * (rl[i] ?? 0)
      : params.denseWeight * zDense + params.lexicalWeight * zLexical;
    // Fields listed, not spread: a spread per candidate was ~5% of a query at 50k calls.
    const out: FusedCall = { callId: f.callId, dense: f.dense, evidence: f.evidence, lexical: f.lexical, coverage: f.coverage, denseMix: denseMix[i] ?? 0, zDense, zLexical, score };
    if (f.bgDense !== undefined) out.bgDense = f.bgDense;
    if (f.bgLexical !== undefined) out.bgLexical = f.bgLexical;
    return out;
  });
}

/** 1/(k + rank) for each value (rank 1 = largest; ties share the better rank). */
export function reciprocalRanks(xs: readonly number[], k: number): number[] {
  return xs.map((x) => 1 / (k + 1 + xs.filter((y) => y > x).length));
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

/** Probability in [0, 1] that the draft is in scope, from one call's fused features. */
export function inScopeProbability(f: Pick<FusedCall, 'denseMix' | 'coverage' | 'score'>, cal: Calibration = DEFAULT_CALIBRATION): number {
  const w = cal.weights;
  return clamp(sigmoid(w.dense * f.denseMix + w.coverage * f.coverage + w.score * f.score + w.bias), 0, 1);
}
