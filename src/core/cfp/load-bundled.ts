/**
 * Combining a parsed call with its hand-curated JSON. No file access here:
 * reading `data/calls/<id>.txt` and `<id>.json` is the store adapter's job.
 */
import { settledWarnings } from './missing.js';
import { Call } from '../schema.js';
import { createError } from '../errors.js';
import { fieldIssues } from '../validate.js';

/**
 * The parsed call with the curated fields laid over it. Curated fields win;
 * `dates` and `rules` are merged key by key so a curated file can fix one
 * date without repeating the rest; lists (topics, editors, warnings) are
 * replaced whole. `source_text` stays the parsed one unless curated gives one. The parser's "not
 * found" warning for a field the curated values set is dropped.
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
  // A field the curated values set settles the parser's "not found" warning for it (curated warnings stay as given).
  if (!defined.warnings) {
    const settled = settledWarnings(merged);
    merged.warnings = merged.warnings.filter((w) => !settled.has(w));
  }
  const result = Call.safeParse(merged);
  if (!result.success) {
    throw createError('BAD_CFP', `curated call "${String(merged.id)}" is not a valid call`, {
      fields: fieldIssues(result.error),
    });
  }
  return result.data;
}
