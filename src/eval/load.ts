/**
 * Evaluation input: calls.jsonl and papers.jsonl, one JSON object a line,
 * unknown fields ignored. Every problem is an error that names the file and
 * the line (or the paper and the missing call id), never a silent zero.
 */
import { z } from 'zod';
import { readTextFile } from '../adapters/node/text-file.js';
import { createError } from '../core/errors.js';
import { EvalCall } from '../core/schema.js';
import { fieldIssues, issueSummary } from '../core/validate.js';

export const EvalPaper = z
  .object({
    id: z.string().min(1),
    title: z.string().nullish(),
    abstract: z.string().nullish(),
    /** A list, or one string separated by `;` or `,`. */
    keywords: z
      .union([z.array(z.string()), z.string()])
      .nullish()
      .transform((k) => (typeof k === 'string' ? k.split(/[;,]/).map((x) => x.trim()).filter(Boolean) : k))
      .optional(),
    /** The call the paper belongs to, or null when it fits none of the calls. */
    call_id: z.string().nullable(),
    /** arXiv cross-lists: categories (or call ids) under which a top-1 is arguably right. */
    all_categories: z.array(z.string()).nullish(),
  })
  .refine((p) => Boolean(p.abstract?.trim() || p.title?.trim()), { message: 'a paper needs an abstract or at least a title', path: ['abstract'] });
export type EvalPaper = z.infer<typeof EvalPaper>;

export class EvalInputError extends Error {
  readonly code = 'EVAL_INPUT';
}

/**
 * Parse JSON lines with a schema; blank lines are skipped.
 *
 * @example
 * parseJsonl('{"id":"a","title":"T"}\n', EvalCall, 'calls.jsonl') // [{ id: 'a', title: 'T' }]
 */
export function parseJsonl<T>(text: string, schema: z.ZodType<T>, file: string): T[] {
  const out: T[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch (err) {
      throw new EvalInputError(`${file}:${i + 1}: not valid JSON (${(err as Error).message})`);
    }
    const r = schema.safeParse(raw);
    if (!r.success) {
      const why = issueSummary(fieldIssues(r.error, '(line)'));
      throw new EvalInputError(`${file}:${i + 1}: ${why}`);
    }
    out.push(r.data);
  });
  return out;
}

/** Fail on duplicate ids and on papers whose call_id is not among the calls. */
export function checkEvalSet(calls: readonly EvalCall[], papers: readonly EvalPaper[]): void {
  const ids = new Set<string>();
  for (const c of calls) {
    if (ids.has(c.id)) throw new EvalInputError(`duplicate call id "${c.id}"`);
    ids.add(c.id);
  }
  if (ids.size === 0) throw new EvalInputError('no calls to rank against');
  const seen = new Set<string>();
  for (const p of papers) {
    if (seen.has(p.id)) throw new EvalInputError(`duplicate paper id "${p.id}"`);
    seen.add(p.id);
    if (p.call_id !== null && !ids.has(p.call_id)) {
      throw new EvalInputError(`paper "${p.id}" has call_id "${p.call_id}", which is not among the ${ids.size} candidate calls`);
    }
  }
}

const ERRNO_TEXT: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EISDIR: 'it is a directory, not a file',
  ENOTDIR: 'it (or a folder on its path) is not a directory',
  EACCES: 'permission denied',
};

/**
 * A BAD_INPUT error (exit 2) naming the flag and the path a file or folder could not be read from;
 * the raw errno message names neither the flag nor, for a directory, the path.
 *
 * @example
 * throw inputPathError('--calls', '/tmp/nope.jsonl', err) // "--calls /tmp/nope.jsonl: cannot read it: no such file or directory"
 */
export function inputPathError(flag: string, path: string, err: unknown): Error {
  const errno = (err as NodeJS.ErrnoException | undefined)?.code ?? '';
  return createError('BAD_INPUT', `${flag} ${path}: cannot read it: ${ERRNO_TEXT[errno] ?? (err as Error).message}`, { cause: err });
}

/**
 * Read an input file given by a flag; a missing or unreadable path is a BAD_INPUT naming both.
 *
 * @example
 * const text = await readInputFile('--papers', 'papers.jsonl');
 */
export async function readInputFile(flag: string, path: string): Promise<string> {
  try {
    return await readTextFile(path);
  } catch (err) {
    throw inputPathError(flag, path, err);
  }
}

export async function loadEvalFiles(callsPath: string, papersPath: string): Promise<{ calls: EvalCall[]; papers: EvalPaper[] }> {
  const calls = parseJsonl(await readInputFile('--calls', callsPath), EvalCall, callsPath);
  const papers = parseJsonl(await readInputFile('--papers', papersPath), EvalPaper, papersPath);
  checkEvalSet(calls, papers);
  return { calls, papers };
}
