/**
 * Explanations on top of the ranker: one call (`POST /v1/explain`) or the
 * top results of a ranking (`explain: true`). The ranking is computed first
 * and returned unchanged; explanations sit beside it, and a failure becomes
 * `explanation_error` instead of failing the request.
 */
import { createError, isCfpError } from '../errors.js';
import type { Matcher } from '../matcher.js';
import type { ScoredDraft } from '../rank/scored-draft.js';
import type { Draft, RankResponse } from '../schema.js';
import { evidenceFor } from './evidence.js';
import type { ExplainCallOptions, Explainer } from './explainer.js';
import type { ExplainEvidence, ExplainRequest, Explanation, ExplanationError } from './schema.js';

/** How many top results `explain: true` explains. */
export const EXPLAIN_TOP = 3;

export const NOT_CONFIGURED = 'no LLM is configured: set LLM_BASE_URL and LLM_MODEL (and LLM_API_KEY if the server needs one)';

/** The explanation's fields at the top level, plus the fit and evidence it was grounded in. */
export type ExplainedCall = Explanation & { fit: number; evidence: ExplainEvidence };

/**
 * Score the request's draft and compute the evidence of its call (UNKNOWN_CALL for an unknown id).
 * The request is validated at the edge.
 *
 * @example
 * const { evidence } = await prepareExplain(matcher, { draft: { title: '', abstract: '...', keywords: [] }, call_id: 'x' });
 */
export async function prepareExplain(matcher: Matcher, req: ExplainRequest): Promise<{ draft: Draft; evidence: ExplainEvidence }> {
  const call = matcher.getCall(req.call_id);
  const sd = await matcher.scoreDraft(req.draft);
  const [evidence] = await evidenceFor(sd, [call], matcher.params);
  if (!evidence) throw createError('UNKNOWN_CALL', `no call with id "${req.call_id}"`);
  return { draft: sd.draft, evidence };
}

/**
 * Explain one call for one draft. Without an explainer: LLM_UNAVAILABLE (503), before any embedding.
 *
 * @example
 * const out = await explainOne(explainer, matcher, { draft: { title, abstract, keywords: [] }, call_id });
 */
export async function explainOne(explainer: Explainer | undefined, matcher: Matcher, req: ExplainRequest, opts?: ExplainCallOptions): Promise<ExplainedCall> {
  if (!explainer) throw createError('LLM_UNAVAILABLE', NOT_CONFIGURED);
  const { draft, evidence } = await prepareExplain(matcher, req);
  const explanation = await explainer.explain(draft, evidence, opts);
  return { ...explanation, fit: evidence.fit, evidence };
}

export type ExplainedRanking = RankResponse & { explanations?: Explanation[]; explanation_error?: ExplanationError };

/**
 * Add explanations for the top {@link EXPLAIN_TOP} results of a ranking computed from `sd`.
 * `results` and every score in it are returned untouched; the evidence comes from the same
 * scored draft, so nothing is embedded or scored again.
 *
 * @example
 * const sd = await matcher.scoreDraft(req);
 * const ranking = await matcher.rankScored(sd, req);
 * return c.json(await explainRanking(explainer, matcher, sd, ranking));
 */
export async function explainRanking(explainer: Explainer | undefined, matcher: Matcher, sd: ScoredDraft, ranking: RankResponse): Promise<ExplainedRanking> {
  if (!explainer) return { ...ranking, explanations: [], explanation_error: { code: 'LLM_UNAVAILABLE', message: NOT_CONFIGURED } };
  const top = ranking.results.slice(0, EXPLAIN_TOP);
  try {
    const calls = top.flatMap((r) => matcher.corpus.calls.get(r.call_id) ?? []);
    const evidence = await evidenceFor(sd, calls, matcher.params);
    // The ranking's own numbers win, so the model sees exactly what the client sees.
    const grounded = evidence.map((e) => {
      const r = top.find((x) => x.call_id === e.call.id);
      return r ? { ...e, fit: r.fit, score: r.score, matched_topics: r.matched_topics.map((m) => ({ topic: m.topic, similarity: m.similarity, sentence: m.sentence })) } : e;
    });
    const settled = await Promise.allSettled(grounded.map((e) => explainer.explain(sd.draft, e)));
    const explanations = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    return { ...ranking, explanations, ...(failed ? { explanation_error: errorBody(failed.reason) } : {}) };
  } catch (err) {
    return { ...ranking, explanations: [], explanation_error: errorBody(err) };
  }
}

/** `{ code, message }` of a failure; unknown errors are not described (they may quote data). */
export function errorBody(err: unknown): ExplanationError {
  return isCfpError(err) ? { code: err.code, message: err.message } : { code: 'INTERNAL', message: 'the explanation failed' };
}
