/**
 * Combining a parsed call with its hand-curated JSON. No file access here:
 * reading `data/calls/<id>.txt` and `<id>.json` is the store adapter's job.
 */
import { Call } from '../schema.js';
import { createError } from '../errors.js';
import { fieldIssues } from '../validate.js';

/**
 * The parsed call with the curated fields laid over it. Curated fields win;
 * `dates` and `rules` are merged key by key so a curated file can fix one
 * date without repeating the rest; lists (topics, editors, warnings) are
 * replaced whole. `source_text` stays the parsed one unless curated gives one.
 * Throws `BAD_CFP` (with the failing fields) if the result is not a valid call.
 *
 * @example
 * const call = mergeCurated(parseCfp(text), { id: 'ieee-network-lam-ioe', title: 'Large AI Models for the Internet of Everything' });
 * call.title // 'Large AI Models for the Internet of Everything'
 */
export function mergeCurated(parsed: Call, curated: Partial<Call>): Call {
  const defined = Object.fromEntries(Object.entries(curated).filter(([, v]) => v !== undefined)) as Partial<Call>;
  const merged = {
    ...parsed,
    ...defined,
    dates: { ...parsed.dates, ...(defined.dates ?? {}) },
    rules: { ...parsed.rules, ...(defined.rules ?? {}) },
  };
  const result = Call.safeParse(merged);
  if (!result.success) {
    throw createError('BAD_CFP', `curated call "${String(merged.id)}" is not a valid call`, {
      fields: fieldIssues(result.error),
    });
  }
  return result.data;
}
