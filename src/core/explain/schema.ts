/**
 * zod schemas for the LLM explainer: what the model must answer
 * ({@link ModelExplanation}), the evidence it is given ({@link ExplainEvidence})
 * and what the API returns ({@link Explanation}).
 */
import { z } from 'zod';
import { CallId, Draft } from '../schema.js';

/**
 * The model's answer. Every field is required and no length limits are set,
 * because OpenAI's strict JSON-schema mode rejects optional fields and
 * `maxLength`; lengths are capped after validation instead.
 */
export const ModelExplanation = z
  .object({
    verdict: z.string().min(1).describe('One or two sentences: how well the draft fits the call, consistent with the given fit score.'),
    topics: z
      .array(
        z.object({
          topic: z.string().describe('A topic from evidence.matched_topics, verbatim.'),
          rationale: z.string().describe('Why the draft addresses this topic.'),
          quote: z.string().describe("Words copied exactly from the draft's title, abstract or keywords that support the rationale."),
        }),
      )
      .describe('One entry per matched topic.'),
    gaps: z
      .array(z.object({ topic: z.string().describe('A topic from evidence.gaps, verbatim.'), note: z.string() }))
      .describe('Topics the call stresses that the draft does not address.'),
    suggestions: z.array(z.string()).describe('Concrete edits that would make the draft fit the call better.'),
  })
  .describe('An explanation of how a draft paper fits a call for papers.');
export type ModelExplanation = z.infer<typeof ModelExplanation>;

/** What the ranker computed for one call: the only facts the model may use. */
export const ExplainEvidence = z.object({
  call: z.object({
    id: z.string(),
    title: z.string(),
    venue: z.string().optional(),
    topics: z.array(z.string()),
    scope: z.string(),
  }),
  /** Calibrated fit 0..100, as in the ranking. */
  fit: z.number(),
  score: z.number(),
  matched_topics: z.array(z.object({ topic: z.string(), similarity: z.number(), sentence: z.string() })),
  /** The call's topics the draft is furthest from, lowest similarity first. */
  gaps: z.array(z.object({ topic: z.string(), similarity: z.number() })),
});
export type ExplainEvidence = z.infer<typeof ExplainEvidence>;

export const TopicRationale = z.object({
  topic: z.string(),
  rationale: z.string(),
  /** Present only when it was found, word for word, in the draft. */
  quote: z.string().optional(),
  /** False when the model's quote was not in the draft (the quote is then dropped). */
  quote_verified: z.boolean(),
});

export const Explanation = z.object({
  call_id: z.string(),
  verdict: z.string(),
  topics: z.array(TopicRationale),
  gaps: z.array(z.object({ topic: z.string(), note: z.string() })),
  suggestions: z.array(z.string()),
  /** Quotes the model gave that are not in the draft and were dropped. */
  unverified_quotes: z.number().int().nonnegative(),
  model: z.string(),
  cached: z.boolean(),
});
export type Explanation = z.infer<typeof Explanation>;

/** Body of `POST /v1/explain`. */
export const ExplainRequest = z.strictObject({ draft: Draft, call_id: CallId });
export type ExplainRequest = z.infer<typeof ExplainRequest>;

/** `{ code, message }` attached to a ranking when the explanation failed. */
export const ExplanationError = z.object({ code: z.string(), message: z.string() });
export type ExplanationError = z.infer<typeof ExplanationError>;
