import type { z } from 'zod';
import { createError, type FieldIssue } from './errors.js';

/**
 * zod issues as `{ path, message }` pairs, paths dotted (`submissions.3.abstract`); an issue of the
 * whole value gets `root` as its path. The one mapping from zod issues to error fields.
 *
 * @example
 * fieldIssues(Draft.safeParse({}).error) // [{ path: 'abstract', message: '...' }]
 */
export function fieldIssues(error: z.ZodError, root = '(root)'): FieldIssue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.') || root, message: i.message }));
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
