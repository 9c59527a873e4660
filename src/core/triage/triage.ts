/**
 * Editor triage: is each submission in scope of one call? Every submission
 * is scored against the whole corpus (the calibrated probability's features
 * are relative to the other calls, as in the fit), which also tells whether
 * another call fits much better.
 */
import type { Matcher } from '../matcher.js';
import { round } from '../rank/evidence.js';
import { normalizeText } from '../text/normalize.js';
import type { Call, Submission, TriageRequest, TriageResponse, TriageResult } from '../schema.js';
import { triageReason } from './reason.js';
import { DEFAULT_TRIAGE_THRESHOLDS, resolveThresholds, verdictFor, type ResolvedThresholds } from './thresholds.js';

export interface TriageOptions {
  /** Service-wide defaults (before the call's and the request's overrides). */
  defaults?: ResolvedThresholds;
  /** How much higher another call's probability must be to report it as a better fit. Default 0.25. */
  betterFitMargin?: number;
  /** Stops the loop between submissions (the HTTP deadline, a client that went away). */
  signal?: AbortSignal;
}

export const DEFAULT_BETTER_FIT_MARGIN = 0.25;

/**
 * Triage one validated submission against one call.
 *
 * @example
 * const r = await triageOne(matcher, matcher.getCall('ieee-network-lam-ioe'), submission, '0', { in_scope: 0.5, borderline: 0.25 });
 * r.verdict // 'in_scope' | 'borderline' | 'out_of_scope'
 */
export async function triageOne(
  matcher: Matcher,
  call: Call,
  submission: Submission,
  fallbackId: string,
  thresholds: ResolvedThresholds,
  opts: TriageOptions = {},
): Promise<TriageResult> {
  const sd = await matcher.scoreDraft({ title: submission.title, abstract: submission.abstract, keywords: submission.keywords });
  // Above the exact-scoring limit the call may not be among the candidates: scoreOf scores it with the same moments.
  const target = await sd.scoreOf(call.id);
  const probability = round(target?.probability ?? 0);
  // Evidence for the target call only (better_fit reports no topics): not computed for every candidate.
  const [evidence = []] = target ? await sd.evidence([call.id]) : [];
  const threshold = matcher.params.topicThreshold;
  const matched = evidence.filter((e) => e.similarity >= threshold);
  const reached = new Set(matched.map((m) => m.topic));
  const unmatched = call.topics.filter((t) => !reached.has(normalizeText(t)));
  const margin = opts.betterFitMargin ?? DEFAULT_BETTER_FIT_MARGIN;
  const other = sd.scored
    .filter((s) => s.callId !== call.id && s.probability >= thresholds.borderline && s.probability - probability >= margin)
    .sort((a, b) => b.probability - a.probability)[0];
  const otherCall = other ? matcher.corpus.calls.get(other.callId) : undefined;
  const betterFit = other && otherCall ? { call_id: otherCall.id, title: otherCall.title, probability: round(other.probability) } : undefined;
  const verdict = verdictFor(probability, thresholds);
  return {
    id: submission.id ?? fallbackId,
    verdict,
    probability,
    matched_topics: matched,
    unmatched_topics: unmatched,
    reason: triageReason({ verdict, probability, matched, closest: evidence[0], topicCount: call.topics.length, topicThreshold: threshold, ...(betterFit ? { betterFit } : {}) }),
    ...(betterFit ? { better_fit: betterFit } : {}),
  };
}

/**
 * Triage every submission of a validated request, in order (UNKNOWN_CALL for an unknown call).
 *
 * @example
 * const { results } = await triageSubmissions(matcher, TriageRequest.parse({ call_id: 'x', submissions: [{ title: 'T', abstract: 'A' }] }));
 */
export async function triageSubmissions(matcher: Matcher, req: TriageRequest, opts: TriageOptions = {}): Promise<TriageResponse> {
  const call = matcher.getCall(req.call_id);
  const thresholds = resolveThresholds(call, req.thresholds, opts.defaults ?? DEFAULT_TRIAGE_THRESHOLDS);
  const results: TriageResult[] = [];
  for (const [i, s] of req.submissions.entries()) {
    opts.signal?.throwIfAborted();
    results.push(await triageOne(matcher, call, s, String(i), thresholds, opts));
  }
  return { call_id: call.id, thresholds, results };
}
