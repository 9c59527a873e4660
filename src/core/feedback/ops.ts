/**
 * Editors' decisions as operations: record one (only for a submission this server triaged for the
 * call, proven by its feedback key), list and delete a call's decisions, and the per-call model a
 * triage applies. Ranking for authors never calls any of these.
 */
import { createError } from '../errors.js';
import type { Matcher } from '../matcher.js';
import type { FeedbackStore } from '../ports.js';
import { round } from '../rank/evidence.js';
import type { Submission } from '../schema.js';
import type { FeedbackKeys } from './key.js';
import { submissionId } from './key.js';
import { DEFAULT_FEEDBACK_MODEL, fitFeedbackModel, logitOf, type FeedbackModel, type FeedbackModelOptions } from './model.js';
import { MAX_FEEDBACK_PER_CALL, type FeedbackList, type FeedbackRecord, type FeedbackRequest, type FeedbackResult } from './schema.js';
import { decodeVector, encodeVector } from './vector-codec.js';

const draftOf = (s: Submission) => ({ title: s.title, abstract: s.abstract, keywords: s.keywords });

/**
 * Store an editor's decision (UNKNOWN_CALL; BAD_INPUT when the submission was not triaged for the
 * call by this server; VALIDATION when the call holds the most decisions it may).
 *
 * @example
 * await recordFeedback(matcher, store, keys, FeedbackRequest.parse({ call_id, submission, feedback_key, label: 'in_scope' }));
 */
export async function recordFeedback(matcher: Matcher, store: FeedbackStore, keys: FeedbackKeys, req: FeedbackRequest, now: () => Date = () => new Date()): Promise<FeedbackResult> {
  const call = matcher.getCall(req.call_id);
  const draft = draftOf(req.submission);
  if (!(await keys.verify(req.feedback_key, call.id, draft))) {
    const message = 'this submission was not triaged for this call by this server: send the feedback_key of its triage result (POST /v1/triage with the admin token), with the submission exactly as triaged';
    throw createError('BAD_INPUT', message, { fields: [{ path: 'feedback_key', message: 'does not match the call and the submission' }] });
  }
  const id = await submissionId(call.id, draft);
  const existing = await store.list(call.id);
  if (existing.length >= MAX_FEEDBACK_PER_CALL && !existing.some((r) => r.id === id)) {
    const message = `a call holds at most ${MAX_FEEDBACK_PER_CALL} decisions; delete some first`;
    throw createError('VALIDATION', message, { fields: [{ path: 'call_id', message }] });
  }
  const sd = await matcher.scoreDraft(draft);
  const target = await sd.scoreOf(call.id);
  const record: FeedbackRecord = {
    id,
    call_id: call.id,
    label: req.label,
    ...(req.submission.id ? { ref: req.submission.id } : {}),
    embedder: matcher.embedder.id,
    vector: encodeVector(sd.embedded.vector),
    features: { dense: round(target?.dense ?? 0), coverage: round(target?.coverage ?? 0), score: round(target?.score ?? 0), probability: round(target?.probability ?? 0, 6) },
    created_at: now().toISOString(),
    ...(req.keep_text ? { text: draft } : {}),
  };
  await store.put(record);
  const decisions = existing.filter((r) => r.id !== id).length + 1;
  return { call_id: call.id, id, label: req.label, decisions, stored: { vector: true, text: req.keep_text } };
}

/**
 * A call's decisions without their vectors (UNKNOWN_CALL for an unknown call).
 *
 * @example
 * (await listFeedback(matcher, store, 'call-1')).decisions
 */
export async function listFeedback(matcher: Matcher, store: FeedbackStore, callId: string): Promise<FeedbackList> {
  const call = matcher.getCall(callId);
  const records = await store.list(call.id);
  const inScope = records.filter((r) => r.label === 'in_scope').length;
  return {
    call_id: call.id,
    decisions: records.length,
    in_scope: inScope,
    out_of_scope: records.length - inScope,
    feedback: records.map(({ vector: _v, features, text, ...r }) => ({ ...r, probability: features.probability, has_text: text !== undefined, ...(text ? { text } : {}) })),
  };
}

/**
 * Delete one decision (NOT_FOUND when the call has none with that id) or, without an id, all of them.
 *
 * @example
 * await deleteFeedback(matcher, store, 'call-1'); // { removed: 12 }
 */
export async function deleteFeedback(matcher: Matcher, store: FeedbackStore, callId: string, id?: string): Promise<{ call_id: string; removed: number }> {
  const call = matcher.getCall(callId);
  if (id === undefined) return { call_id: call.id, removed: await store.clear(call.id) };
  if (!(await store.delete(call.id, id))) throw createError('NOT_FOUND', `the call has no decision with id "${id}"`);
  return { call_id: call.id, removed: 1 };
}

/**
 * The call's triage adjustment from its decisions made with this embedder; undefined when there are none.
 *
 * @example
 * const model = await feedbackModelFor(store, 'call-1', matcher.embedder.id);
 */
export async function feedbackModelFor(store: FeedbackStore, callId: string, embedderId: string, opts: FeedbackModelOptions = DEFAULT_FEEDBACK_MODEL): Promise<FeedbackModel | undefined> {
  const examples = (await store.list(callId)).flatMap((r) => {
    const vector = r.embedder === embedderId ? decodeVector(r.vector) : undefined;
    return vector ? [{ vector, logit: logitOf(r.features.probability), label: r.label === 'in_scope' ? (1 as const) : (0 as const) }] : [];
  });
  return examples.length ? fitFeedbackModel(examples, opts) : undefined;
}
