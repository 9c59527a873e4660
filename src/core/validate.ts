import type { z } from 'zod';
import { createError, type FieldIssue } from './errors.js';

/** zod issues as `{ path, message }` pairs, paths dotted (`submissions.3.abstract`). */
export function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(root)', message: i.message }));
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
  const summary = fields.map((f) => `${f.path}: ${f.message}`).join('; ');
  throw createError('VALIDATION', `invalid ${what}: ${summary}`, { fields });
}
