import { stat } from 'node:fs/promises';
import { readTextFile } from '../adapters/node/text-file.js';
import { createError } from '../core/errors.js';
import { stripBom } from '../core/text/normalize.js';

/** Read a file, or stdin when the path is missing or `-`. */
export async function readInput(path: string | undefined): Promise<string> {
  if (path && path !== '-') {
    try {
      return await readTextFile(path);
    } catch {
      throw createError('BAD_INPUT', `cannot read ${path}`);
    }
  }
  if (process.stdin.isTTY) throw createError('BAD_INPUT', 'no input: give a file or pipe JSON on stdin');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return stripBom(Buffer.concat(chunks).toString('utf8'));
}

/** Fixed-width table for humans. */
export function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

export function truncate(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}

/**
 * The size of the file at `path`, or BAD_INPUT naming `shown` (the path as the user wrote it) when it
 * is missing or not a file; `missing` is what to say for a missing one.
 *
 * @example
 * await requireFile('subs.csv') // 5357
 */
export async function requireFile(path: string, shown = path, missing = 'no such file'): Promise<number> {
  let s;
  try {
    s = await stat(path);
  } catch (err) {
    throw createError('BAD_INPUT', `cannot read ${shown}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? missing : (err as Error).message}`, { cause: err });
  }
  if (!s.isFile()) throw createError('BAD_INPUT', `cannot read ${shown}: not a file`);
  return s.size;
}
