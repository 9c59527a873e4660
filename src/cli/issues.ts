import { isCfpError, type FieldIssue } from '../core/errors.js';

/**
 * A failing field in words for a batch line: zod's "expected string, received undefined" for a
 * field that is simply not there becomes "missing (every line needs \"abstract\")".
 *
 * @example
 * describeIssue({ path: 'abstract', message: 'Invalid input: expected string, received undefined' })
 * // 'abstract: missing (every line needs "abstract")'
 */
export function describeIssue(f: FieldIssue): string {
  return /received undefined/.test(f.message) ? `${f.path}: missing (every line needs "${f.path}")` : `${f.path}: ${f.message}`;
}

/** One line for a bad batch row: the code and the fields in words (never the row's text). */
export function describeError(err: unknown): string {
  if (isCfpError(err) && err.code === 'VALIDATION' && err.fields?.length) return `VALIDATION: invalid draft: ${err.fields.map(describeIssue).join('; ')}`;
  return `${isCfpError(err) ? `${err.code}: ` : ''}${err instanceof Error ? err.message : String(err)}`;
}
