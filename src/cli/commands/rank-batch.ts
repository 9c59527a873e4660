/**
 * `cfpmatch rank --batch in.jsonl`: rank many drafts, streaming. Each input
 * line is a draft (`{"id"?, "title", "abstract", "keywords"?}`); each output
 * line is `{"line", "id"?, "results"}`, written as soon as it is ranked. A bad
 * line is reported on stderr with its number and skipped.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { rename, stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { createError } from '../../core/errors.js';
import type { Matcher } from '../../core/matcher.js';
import { Draft, type RankOptions } from '../../core/schema.js';
import { parseOrThrow } from '../../core/validate.js';
import { stripBom } from '../../core/text/normalize.js';
import { describeError } from '../issues.js';
import { createProgress } from '../progress.js';

export interface BatchSummary {
  ranked: number;
  skipped: number;
}

/**
 * @example
 * const { ranked, skipped } = await rankBatch(matcher, 'drafts.jsonl', 'ranked.jsonl', { top_k: 5 });
 */
export async function rankBatch(matcher: Matcher, input: string, output: string | undefined, opts: Partial<RankOptions>): Promise<BatchSummary> {
  let size: number;
  try {
    size = (await stat(input)).size;
  } catch {
    throw createError('BAD_INPUT', `cannot read ${input}`);
  }
  // Written beside the target and renamed at the end, so a crash never leaves half a report under the real name.
  const tmp = output ? `${output}.${process.pid}.tmp` : undefined;
  const out: Writable = tmp ? createWriteStream(tmp) : process.stdout;
  const bar = createProgress(size);
  const lines = createInterface({ input: createReadStream(input, 'utf8'), crlfDelay: Infinity });
  let n = 0;
  let bytes = 0;
  const summary: BatchSummary = { ranked: 0, skipped: 0 };
  for await (const line of lines) {
    n += 1;
    bytes += Buffer.byteLength(line) + 1;
    if (!line.trim()) continue;
    try {
      const raw = parseLine(n === 1 ? stripBom(line) : line);
      const draft = parseOrThrow(Draft, raw, 'draft');
      const res = await matcher.rank({ ...draft, ...opts });
      const id = typeof raw.id === 'string' || typeof raw.id === 'number' ? { id: raw.id } : {};
      if (!out.write(`${JSON.stringify({ line: n, ...id, as_of: res.as_of, results: res.results })}\n`)) await once(out, 'drain');
      summary.ranked += 1;
    } catch (err) {
      summary.skipped += 1;
      bar.finish();
      console.error(`${input}:${n}: ${describeError(err)}`);
    }
    bar.update(bytes, `${summary.ranked} ranked`);
  }
  bar.finish();
  if (tmp && output) {
    out.end();
    await once(out, 'finish');
    await rename(tmp, output);
  }
  return summary;
}

function parseLine(line: string): Record<string, unknown> {
  let obj: unknown;
  try {
    obj = JSON.parse(line);
  } catch {
    throw createError('BAD_INPUT', 'not valid JSON');
  }
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) throw createError('BAD_INPUT', 'expected a JSON object {"title", "abstract", "keywords"?}');
  return obj as Record<string, unknown>;
}
