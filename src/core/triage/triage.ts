/**
 * Editor triage: is each submission in scope of one call? Every submission
 * is scored against the whole corpus (the calibrated probability's features
 * are relative to the other calls, as in the fit), which also tells whether
 * another call fits much better.
 */
import type { Matcher } from '../matcher.js';
import { logitOf, type FeedbackModel } from '../feedback/model.js';
import { round } from '../rank/evidence.js';
import { sigmoid } from '../rank/vector-math.js';
import { NEAREST_TOPICS } from '../rank/ranking.js';
import { normalizeText } from '../text/normalize.js';
import type { Call, Submission, TriageRequest, TriageResponse, TriageResult } from '../schema.js';
import { triageReason } from './reason.js';
import { DEFAULT_TRIAGE_THRESHOLDS, resolveThresholds, verdictFor, type ResolvedThresholds } from './thresholds.js';

export interface TriageOptions {
  /** Service-wide defaults (before the call's and the request's overrides). */
  defaults?: ResolvedThresholds;
  /** How much higher another call's probability must be to report it as a better fit. Default 0.1. */
  betterFitMargin?: number;
  /** Stops the loop between submissions (the HTTP deadline, a client that went away). */
  signal?: AbortSignal;
  /** Submissions triaged at once (results keep the request's order). Default 4. */
  concurrency?: number;
  /** The call's editors' decisions (feedback/model.ts): they adjust the probability before the verdict. Editors only. */
  feedback?: FeedbackModel;
}

export const DEFAULT_TRIAGE_CONCURRENCY = 4;

// 0.1 (was 0.25): fits are now monotone in the fused score (calibration.ts callProbabilities), so calls of one draft
// differ only by the score's weight times their score gap, and 0.25 hid clearly better calls.
export const DEFAULT_BETTER_FIT_MARGIN = 0.1;

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
  const base = round(target?.probability ?? 0);
  const fb = opts.feedback;
  const probability = fb && target ? round(sigmoid(fb.adjust(logitOf(target.probability), sd.embedded.vector))) : base;
  // Evidence for the target call only (better_fit reports no topics): not computed for every candidate.
  const [evidence = []] = target ? await sd.evidence([call.id]) : [];
  const threshold = matcher.params.topicThreshold;
  const verdict = verdictFor(probability, thresholds);
  const reaching = evidence.filter((e) => e.similarity >= threshold);
  // Only an in-scope verdict has matched topics; below it the closest topics are weak evidence.
  const matched = verdict === 'in_scope' ? reaching : [];
  const nearest = verdict === 'in_scope' ? undefined : evidence.slice(0, NEAREST_TOPICS);
  const reached = new Set(reaching.map((m) => m.topic));
  const unmatched = call.topics.filter((t) => !reached.has(normalizeText(t)));
  const margin = opts.betterFitMargin ?? DEFAULT_BETTER_FIT_MARGIN;
  const other = sd.scored
    .filter((s) => s.callId !== call.id && s.probability >= thresholds.borderline && s.probability - probability >= margin)
    .sort((a, b) => b.probability - a.probability)[0];
  const otherCall = other ? matcher.corpus.calls.get(other.callId) : undefined;
  const betterFit = other && otherCall ? { call_id: otherCall.id, title: otherCall.title, probability: round(other.probability) } : undefined;
  return {
    id: submission.id ?? fallbackId,
    verdict,
    probability,
    matched_topics: matched,
    ...(nearest ? { nearest_topics: nearest } : {}),
    unmatched_topics: unmatched,
    reason: triageReason({ verdict, probability, matched, closest: evidence[0], ...(nearest ? { nearest } : {}), topicCount: call.topics.length, hasScope: call.scope.trim() !== '', topicThreshold: threshold, ...(betterFit ? { betterFit } : {}) }) + (fb ? feedbackNote(fb.decisions) : ''),
    ...(betterFit ? { better_fit: betterFit } : {}),
    ...(fb ? { feedback: { decisions: fb.decisions, in_scope: fb.inScope, out_of_scope: fb.outOfScope, base_probability: base } } : {}),
  };
}

/**
 * Triage every submission of a validated request, a few at a time, results in request order (UNKNOWN_CALL for an unknown call).
 *
 * @example
 * const { results } = await triageSubmissions(matcher, TriageRequest.parse({ call_id: 'x', submissions: [{ title: 'T', abstract: 'A' }] }));
 */
export async function triageSubmissions(matcher: Matcher, req: TriageRequest, opts: TriageOptions = {}): Promise<TriageResponse> {
  const call = matcher.getCall(req.call_id);
  const thresholds = resolveThresholds(call, req.thresholds, opts.defaults ?? DEFAULT_TRIAGE_THRESHOLDS);
  // A few submissions in flight at once: one submission's embeddings (its text, then its sentences)
  // keep at most one model thread busy at a time, so one by one left the second core idle (issue #19).
  const n = req.submissions.length;
  const results = new Array<TriageResult>(n);
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (next < n && !failed) {
      opts.signal?.throwIfAborted();
      const i = next++;
      try {
        results[i] = await triageOne(matcher, call, req.submissions[i] as Submission, String(i), thresholds, opts);
      } catch (err) {
        failed = true; // the others stop after the submission they are on
        throw err;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(n, Math.max(1, opts.concurrency ?? DEFAULT_TRIAGE_CONCURRENCY)) }, worker));
  return { call_id: call.id, thresholds, results };
}

/** The reason's note when editors' decisions adjusted the verdict. */
export function feedbackNote(decisions: number): string {
  return `; based on ${decisions} decision${decisions === 1 ? '' : 's'} of this call's editors`;
}
