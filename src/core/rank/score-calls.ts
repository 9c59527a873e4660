/**
 * Inner ranking step: the features of the given calls for one embedded draft, fused into one
 * score each. Returns scored ids; paging, deadlines, evidence and timing are the outer step's
 * job (scored-draft.ts, ranking.ts).
 */
import type { Corpus } from '../corpus/corpus.js';
import { callFeature, callFeatures, type CallFeatures, type EmbeddedDraft } from './features.js';
import { withExemplarTerms, type ExemplarMoments } from './exemplars.js';
import { fuseScores, type FusedCall, type RankParams, type ScoreMoments } from './fusion.js';
import { populationMoments, populationSample } from './population.js';

/**
 * Score the given calls. `moments` and `exemplarMoments`: z-score the fusion and the exemplar term
 * against these instead of the scored calls' own (see {@link candidateMoments}; a scored draft
 * passes its first scoring's when it scores more calls).
 *
 * @example
 * const scored = scoreCalls(corpus, embeddedDraft, ['call-a', 'call-b'], DEFAULT_RANK_PARAMS);
 */
export function scoreCalls(corpus: Corpus, draft: EmbeddedDraft, callIds: readonly string[], params: RankParams, moments?: ScoreMoments, exemplarMoments?: ExemplarMoments): FusedCall[] {
  // Calls with exemplar papers get their term after the fusion, outside its moments (exemplars.ts).
  return withExemplarTerms(corpus, draft, fuseScores(callFeatures(corpus, draft, callIds), params, moments), params.exemplar, exemplarMoments).scored;
}

/**
 * Moments over all `corpus.calls` estimated from the candidates' exact features plus an evenly
 * spread sample of `sampleSize` other calls (population.ts): candidates out of a large corpus are
 * then z-scored as if every call had been scored. Undefined when there is nothing to estimate.
 *
 * @example
 * const features = callFeatures(corpus, draft, ids);
 * const scored = fuseScores(features, params, candidateMoments(corpus, draft, features, 200));
 */
export function candidateMoments(corpus: Corpus, draft: EmbeddedDraft, features: readonly CallFeatures[], sampleSize: number): ScoreMoments | undefined {
  if (sampleSize <= 0 || corpus.calls.size <= features.length) return undefined;
  return populationMoments(features, corpus.calls.size, populationSample(corpus, sampleSize), (id) => {
    const f = callFeature(corpus, draft, id);
    return { dense: f.normDense, lexical: f.normLexical };
  });
}

/**
 * The ranking order: best score first, ties broken by call id, so equal scores rank the same on every run.
 *
 * @example
 * scored.sort(byScore);
 */
export function byScore(a: { score: number; callId: string }, b: { score: number; callId: string }): number {
  return b.score - a.score || (a.callId < b.callId ? -1 : a.callId > b.callId ? 1 : 0);
}

/**
 * The first call in {@link byScore} order, without sorting the rest; undefined for none.
 *
 * @example
 * topCall(scoreCalls(corpus, draft, ids, params))?.callId
 */
export function topCall<T extends { score: number; callId: string }>(scored: readonly T[]): T | undefined {
  let best: T | undefined;
  for (const s of scored) if (!best || byScore(s, best) < 0) best = s;
  return best;
}
