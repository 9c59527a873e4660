/**
 * Pure fusion: per-call features in, one comparable score per call out. The production
 * ranker has one fusion (weighted z-scores of dense and lexical); alternatives measured
 * against it live in src/eval/strategies/.
 */
import { DEFAULT_EXEMPLAR_PARAMS, type ExemplarParams } from './exemplars.js';
import type { CallFeatures } from './features.js';
import { meanAndSpread } from './vector-math.js';

export interface RankParams {
  /** Weight of the z-normalised dense score in the fused score. */
  denseWeight: number;
  /** Weight of the z-normalised BM25 score in the fused score. */
  lexicalWeight: number;
  /**
   * Share of `denseWeight` a call known by its title alone keeps (the rest moves to the lexical
   * weight, so the weights still sum the same and a lexical-only scorer stays lexical-only): one
   * title's vector is a noisier summary than a whole CFP's, while the words of a short title are
   * exactly what its papers repeat.
   */
  titleOnlyDenseShare: number;
  /** Spread floors for the per-query z-scores of raw scores (guards near-constant candidate lists). */
  minDenseSpread: number;
  minLexicalSpread: number;
  /** The same floor for scores already read against the reference population (z units). */
  minReferenceSpread: number;
  /** Lowest topic/sentence similarity at which a topic is listed as matched. */
  topicThreshold: number;
  maxMatchedTopics: number;
  /** The exemplar-paper term added to calls that have papers (exemplars.ts). */
  exemplar: ExemplarParams;
}

export const DEFAULT_RANK_PARAMS: RankParams = {
  // Measured on the ACL and arXiv suites (eval/README.md): 0.6/0.4 beat 0.5/0.5 on ACL acc@1 and MRR, equal on arXiv.
  denseWeight: 0.6,
  lexicalWeight: 0.4,
  // 2/3 (title-only calls fuse 0.4 dense / 0.6 lexical): eval/README.md "What we tried in round 6"
  // (special issues, ACL with half the calls cut to their title; calls with any text are unaffected).
  titleOnlyDenseShare: 2 / 3,
  minDenseSpread: 0.02,
  minLexicalSpread: 0.5,
  minReferenceSpread: 0.1,
  // USE-lite cosines: on-topic sentence/topic pairs score 0.5-0.85, an off-field draft 0.15-0.38
  // (bundled calls vs a paediatric dentistry abstract), so 0.3 listed topics for unrelated drafts.
  topicThreshold: 0.45,
  maxMatchedTopics: 5,
  exemplar: DEFAULT_EXEMPLAR_PARAMS,
};

export interface FusedCall extends CallFeatures {
  zDense: number;
  zLexical: number;
  score: number;
}

/** Mean and spread of the (reference-normalised) dense and lexical scores over a population of calls. */
export interface ScoreMoments {
  dense: { mean: number; sd: number };
  lexical: { mean: number; sd: number };
}

/**
 * Mean and (sample) spread of the features' dense and lexical scores.
 *
 * @example
 * scoreMoments(features).dense.mean
 */
export function scoreMoments(features: readonly CallFeatures[]): ScoreMoments {
  return { dense: meanAndSpread(features.map((f) => f.normDense)), lexical: meanAndSpread(features.map((f) => f.normLexical)) };
}

/**
 * Fuse dense and lexical evidence: z-scores against `moments` (default: those of `features`
 * themselves; a candidate path passes moments estimated over every call, and a scored draft
 * passes the moments it ranked with when it scores one more call), spreads floored, weighted.
 *
 * @example
 * fuseScores([{ callId: 'a', dense: 0.6, lexical: 8, coverage: 0.4 }])[0].score
 */
export function fuseScores(features: readonly CallFeatures[], params: RankParams = DEFAULT_RANK_PARAMS, moments: ScoreMoments = scoreMoments(features)): FusedCall[] {
  const first = features[0];
  const dSd = Math.max(moments.dense.sd, first?.denseRef ? params.minReferenceSpread : params.minDenseSpread);
  const lSd = Math.max(moments.lexical.sd, first?.lexicalRef ? params.minReferenceSpread : params.minLexicalSpread);
  const shifted = params.denseWeight * (1 - params.titleOnlyDenseShare);
  return features.map((f) => {
    const zDense = (f.normDense - moments.dense.mean) / dSd;
    const zLexical = (f.normLexical - moments.lexical.mean) / lSd;
    // Fields listed, not spread: a spread per candidate was ~5% of a query at 50k calls.
    return {
      callId: f.callId,
      dense: f.dense,
      lexical: f.lexical,
      coverage: f.coverage,
      normDense: f.normDense,
      normLexical: f.normLexical,
      denseRef: f.denseRef,
      lexicalRef: f.lexicalRef,
      zDense,
      zLexical,
      titleOnly: f.titleOnly,
      score: f.titleOnly ? (params.denseWeight - shifted) * zDense + (params.lexicalWeight + shifted) * zLexical : params.denseWeight * zDense + params.lexicalWeight * zLexical,
    };
  });
}
