import type { z } from 'zod';
import { createError, type FieldIssue } from './errors.js';

/**
 * zod issues as `{ path, message }` pairs, paths dotted (`submissions.3.abstract`); an issue of the
 * whole value gets `root` as its path. Unknown keys of a strict object are one field each, named by
 * the key (`submissions.0.Title`), not the object holding them: that is the field to fix. The one
 * mapping from zod issues to error fields.
 *
 * @example
 * fieldIssues(Draft.safeParse({}).error) // [{ path: 'abstract', message: '...' }]
 * fieldIssues(Draft.strict().safeParse({ abstract: 'a', Title: 't' }).error) // [{ path: 'Title', message: 'unknown field "Title"' }]
 */
export function fieldIssues(error: z.ZodError, root = '(root)'): FieldIssue[] {
  return error.issues.flatMap((i) => {
    const at = i.path.map(String);
    if (i.code === 'unrecognized_keys') return i.keys.map((k) => ({ path: [...at, k].join('.'), message: `unknown field "${k}"` }));
    return [{ path: at.join('.') || root, message: i.message }];
  });
}

/**
 * One line naming every failing field.
 *
 * @example
 * issueSummary([{ path: 'abstract', message: 'must not be empty' }]) // 'abstract: must not be empty'
 */
export function issueSummary(fields: readonly FieldIssue[]): string {
  return fields.map((f) => `${f.path}: ${f.message}`).join('; ');
}

/**
 * Parse with a schema or throw a VALIDATION error that names each bad field.
 *
 * @example
 * const draft = parseOrThrow(Draft, body, 'draft');
 */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, what: string): z.infer<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const fields = fieldIssues(r.error);
  throw createError('VALIDATION', `invalid ${what}: ${issueSummary(fields)}`, { fields });
}

/**
 * A setting that takes one of a few named values (an environment variable or option): unset or
 * empty gives `fallback`; anything else not in `choices` is BAD_INPUT naming the setting and them.
 *
 * @example
 * parseChoice('USE_LITE_ENGINE', process.env.USE_LITE_ENGINE, ['onnx', 'tfjs'] as const, 'onnx') // 'onnx'
 */
export function parseChoice<T extends string>(name: string, value: string | undefined, choices: readonly T[], fallback: T): T {
  const v = value === undefined || value === '' ? fallback : value;
  if (!(choices as readonly string[]).includes(v)) throw createError('BAD_INPUT', `${name} must be one of ${choices.join(', ')} (got "${value}")`);
  return v as T;
}
