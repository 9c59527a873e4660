/**
 * Editors' triage decisions (feedback): what an editor sends, what is stored and what is listed.
 * A stored decision holds what the per-call model needs (the submission's vector, the features
 * the calibration read, the label), never the text unless the editor asks for it (`keep_text`).
 */
import { z } from 'zod';
import { CallId, Submission } from '../schema.js';

export const FeedbackLabel = z.enum(['in_scope', 'out_of_scope']);
export type FeedbackLabel = z.infer<typeof FeedbackLabel>;

/** Decisions one call may hold: a special issue sees hundreds of submissions, not tens of thousands. */
export const MAX_FEEDBACK_PER_CALL = 5_000;

/** `POST /v1/triage/feedback`: an editor's decision on one submission they triaged. */
export const FeedbackRequest = z
  .object({
    call_id: CallId,
    /** The submission as it was triaged (the page and the CLI still have it); it is scored again, not stored. */
    submission: Submission,
    /** `feedback_key` of the submission's triage result: proves this server triaged it for this call. */
    feedback_key: z.string().min(1).max(100),
    label: FeedbackLabel,
    /** Also keep the title, abstract and keywords (default: only the vector and the label). */
    keep_text: z.boolean().default(false),
  })
  .strict();
export type FeedbackRequest = z.output<typeof FeedbackRequest>;

/** Features of the submission for the call when it was labelled: what the calibration read, and its logit. */
export const FeedbackFeatures = z.object({ dense: z.number(), coverage: z.number(), score: z.number(), probability: z.number().min(0).max(1) });

/** One stored decision. `id` is the submission's key for the call, so labelling it again replaces the decision. */
export const FeedbackRecord = z
  .object({
    id: z.string().min(1).max(100),
    call_id: CallId,
    label: FeedbackLabel,
    /** The editor's own id for the submission, when it had one (not its text). */
    ref: z.string().max(200).optional(),
    /** The embedder the vector is from; decisions of another embedder are not used. */
    embedder: z.string().min(1),
    /** The submission's unit vector, float32 little-endian, base64. */
    vector: z.string().min(1),
    features: FeedbackFeatures,
    created_at: z.string(),
    text: z.object({ title: z.string(), abstract: z.string(), keywords: z.array(z.string()) }).optional(),
  })
  .strict();
export type FeedbackRecord = z.infer<typeof FeedbackRecord>;

/** A decision as listed: no vector. */
export const FeedbackSummary = FeedbackRecord.omit({ vector: true, features: true }).extend({ probability: z.number(), has_text: z.boolean() });
export type FeedbackSummary = z.infer<typeof FeedbackSummary>;

export const FeedbackList = z.object({
  call_id: z.string(),
  decisions: z.number().int(),
  in_scope: z.number().int(),
  out_of_scope: z.number().int(),
  feedback: z.array(FeedbackSummary),
});
export type FeedbackList = z.infer<typeof FeedbackList>;

export const FeedbackResult = z.object({
  call_id: z.string(),
  id: z.string(),
  label: FeedbackLabel,
  /** Decisions the call holds now. */
  decisions: z.number().int(),
  stored: z.object({ vector: z.boolean(), text: z.boolean() }),
});
export type FeedbackResult = z.infer<typeof FeedbackResult>;

export { FeedbackUse } from '../schema.js';
