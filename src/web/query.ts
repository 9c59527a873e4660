/** Page queries and form filters checked one key at a time, so one bad value is named and the others still apply. */
import type { z } from 'zod';
import type { FieldIssue } from '../core/errors.js';

/**
 * Parse each key of `raw` that `shape` knows with its own schema; a key that fails is left out of
 * `values` and reported in `issues` (path `key` or `key.<inner path>`), absent keys stay absent.
 *
 * @example
 * parseEach(CallFilters.shape, { venue: ['IEEE Network'], deadline_after: '2026-02-30' })
 * // { values: { venue: ['IEEE Network'] }, issues: [{ path: 'deadline_after', message: 'not a calendar date' }] }
 */
export function parseEach<S extends Record<string, z.ZodType>>(shape: S, raw: Record<string, unknown>): { values: Partial<{ [K in keyof S]: z.output<S[K]> }>; issues: FieldIssue[] } {
  const values: Partial<{ [K in keyof S]: z.output<S[K]> }> = {};
  const issues: FieldIssue[] = [];
  for (const key of Object.keys(shape) as Array<keyof S & string>) {
    if (raw[key] === undefined) continue;
    const parsed = shape[key]?.safeParse(raw[key]);
    if (!parsed) continue;
    if (parsed.success) values[key] = parsed.data as z.output<S[typeof key]>;
    else issues.push(...parsed.error.issues.map((i) => ({ path: [key, ...i.path.map(String)].join('.'), message: i.message })));
  }
  return { values, issues };
}
