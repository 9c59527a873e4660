/**
 * What the model answers when it extracts a call from CFP text. All fields
 * are required and nullable (OpenAI strict JSON-schema mode); the result is
 * mapped onto a Call and validated with the same `Call` schema as every
 * other call.
 */
import { z } from 'zod';
import type { CallInput } from '../schema.js';

const date = z.string().nullable().describe('YYYY-MM-DD (or YYYY-MM when only a month is given), or null');
const count = z.number().int().nullable();

export const ModelCall = z
  .object({
    title: z.string().describe('The special issue title, without the journal name or "Call for Papers".'),
    venue: z.string().nullable().describe('The journal or magazine, or null.'),
    scope: z.string().describe('The paragraphs describing the aims and scope, verbatim.'),
    topics: z.array(z.string()).describe('The listed topics of interest, one per item, verbatim.'),
    dates: z.object({
      submission_deadline: date,
      first_decision: date,
      revision: date,
      final_decision: date,
      final_manuscript: date,
      publication: date,
    }),
    guest_editors: z.array(z.object({ name: z.string(), affiliation: z.string().nullable(), email: z.string().nullable() })),
    rules: z.object({
      abstract_max_words: count,
      abstract_min_words: count,
      keywords_min: count,
      keywords_max: count,
      notes: z.array(z.string()).describe('Other stated submission requirements, verbatim.'),
    }),
  })
  .describe('The fields of a call for papers, as stated in the text.');
export type ModelCall = z.infer<typeof ModelCall>;

const defined = <T extends Record<string, unknown>>(o: T): Partial<{ [K in keyof T]: Exclude<T[K], null> }> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== '')) as Partial<{ [K in keyof T]: Exclude<T[K], null> }>;

/**
 * Map the model's answer onto Call input (nulls dropped), ready for `Call.parse`.
 *
 * @example
 * Call.parse(modelCallToInput(answer, 'my-call', text))
 */
export function modelCallToInput(m: ModelCall, id: string, sourceText: string): CallInput {
  const topics = m.topics.map((t) => t.trim()).filter((t) => t.length > 0);
  const { notes, ...counts } = m.rules;
  return {
    id,
    title: m.title.trim(),
    ...(m.venue?.trim() ? { venue: m.venue.trim() } : {}),
    scope: m.scope.trim(),
    topics,
    dates: defined(m.dates),
    guest_editors: m.guest_editors
      .filter((e) => e.name.trim().length > 0)
      .map((e) => ({ name: e.name.trim(), ...defined({ affiliation: e.affiliation, email: e.email }) })),
    rules: { ...defined(counts), ...(notes.length > 0 ? { notes } : {}) },
    source_text: sourceText,
  };
}
