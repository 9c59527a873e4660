/**
 * Batch triage with bounded memory: rows stream in, are triaged in small
 * chunks and their results are appended to the output before the next chunk
 * is read. A bad row is reported (line number, failing field) and skipped.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { requireFile } from '../io.js';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { createError } from '../../core/errors.js';
import type { Matcher } from '../../core/matcher.js';
import { Submission, type TriageThresholds, type TriageVerdict } from '../../core/schema.js';
import { DEFAULT_TRIAGE_THRESHOLDS, resolveThresholds, type ResolvedThresholds } from '../../core/triage/thresholds.js';
import { triageOne, type TriageOptions } from '../../core/triage/triage.js';
import { fieldIssues } from '../../core/validate.js';
import { describeIssue } from '../issues.js';
import { createProgress } from '../progress.js';
import { csvHeader, existingOutput, formatOf, formatResult, readRows, requireCsvColumns } from './triage-rows.js';

export interface TriageBatchOptions extends TriageOptions {
  matcher: Matcher;
  callId: string;
  input: string;
  /** Report file (.csv or .jsonl); absent: stdout, as `format` (default csv). */
  out?: string;
  /** Format of a report written to stdout. */
  format?: 'csv' | 'jsonl';
  /** Skip rows whose id is already in the output and append. */
  resume?: boolean;
  thresholds?: TriageThresholds;
  /** Rows triaged between writes (default 16). */
  chunkSize?: number;
  /** Where problems and progress go (default process.stderr); progress only when it is a TTY. */
  stderr?: Pick<NodeJS.WriteStream, 'write'> & { isTTY?: boolean };
}

export interface TriageBatchSummary {
  call_id: string;
  /** The report file, or "-" for stdout. */
  out: string;
  thresholds: ResolvedThresholds;
  triaged: number;
  skipped_existing: number;
  bad_rows: number;
  verdicts: Record<TriageVerdict, number>;
  seconds: number;
}

interface Pending {
  line: number;
  submission: Submission;
  id: string;
}

/**
 * @example
 * const summary = await runTriageBatch({ matcher, callId: 'ieee-network-lam-ioe', input: 'subs.csv', out: 'report.csv' });
 * summary.verdicts.in_scope
 */
export async function runTriageBatch(opts: TriageBatchOptions): Promise<TriageBatchSummary> {
  const t0 = performance.now();
  const call = opts.matcher.getCall(opts.callId);
  const thresholds = resolveThresholds(call, opts.thresholds, opts.defaults ?? DEFAULT_TRIAGE_THRESHOLDS);
  formatOf(opts.input); // an unknown input extension fails before the output is touched
  // So does a missing or unreadable input, or a CSV without an abstract column: no empty report (or CSV header on stdout).
  const total = (await checkInput(opts.input)) || 1;
  const outFormat = opts.out ? formatOf(opts.out) : (opts.format ?? 'csv');
  const err = opts.stderr ?? process.stderr;
  if (opts.resume && !opts.out) throw createError('BAD_INPUT', '--resume needs --out <report>: it appends to that file');
  const prior = opts.resume && opts.out ? await existingOutput(opts.out) : { ids: new Set<string>(), empty: true, tornBytes: 0 };
  if (prior.tornBytes > 0) err.write(`cfpmatch triage: ${opts.out}: removed a row cut off mid-write (${prior.tornBytes} bytes); it is triaged again\n`);
  const out: Writable = opts.out ? createWriteStream(opts.out, { flags: opts.resume ? 'a' : 'w' }) : process.stdout;
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  if (outFormat === 'csv' && prior.empty) await write(csvHeader());

  const summary: TriageBatchSummary = {
    call_id: call.id, out: opts.out ?? '-', thresholds, triaged: 0, skipped_existing: 0, bad_rows: 0,
    verdicts: { in_scope: 0, borderline: 0, out_of_scope: 0 }, seconds: 0,
  };
  let bytes = 0;
  const bar = createProgress(total, err);
  const progress = () => bar.update(bytes, `${summary.triaged} triaged, ${summary.bad_rows} bad`);
  const seen = new Set<string>();
  const chunkSize = Math.max(1, opts.chunkSize ?? 16);
  let chunk: Pending[] = [];
  const flush = async () => {
    for (const p of chunk) {
      const r = await triageOne(opts.matcher, call, p.submission, p.id, thresholds, opts);
      await write(formatResult(r, outFormat));
      summary.triaged++;
      summary.verdicts[r.verdict]++;
    }
    chunk = [];
    progress();
  };
  const bad = (line: number, why: string) => {
    summary.bad_rows++;
    // Field names and line numbers only: row contents are confidential.
    bar.finish();
    err.write(`cfpmatch triage: ${opts.input}:${line}: ${why} (row skipped)\n`);
  };
  try {
    for await (const row of readRows(opts.input, (b) => (bytes = b))) {
      if (!('value' in row)) {
        bad(row.line, row.error);
        continue;
      }
      const parsed = Submission.safeParse(pick(row.value));
      if (!parsed.success) {
        bad(row.line, fieldIssues(parsed.error).map(describeIssue).join('; '));
        continue;
      }
      const id = parsed.data.id ?? `line-${row.line}`;
      if (prior.ids.has(id)) {
        summary.skipped_existing++;
        continue;
      }
      if (seen.has(id)) {
        bad(row.line, `id "${id}" appears twice in the input`);
        continue;
      }
      seen.add(id);
      chunk.push({ line: row.line, submission: parsed.data, id });
      if (chunk.length >= chunkSize) await flush();
    }
    await flush();
  } finally {
    bar.finish();
    if (out !== process.stdout) await closeStream(out as WriteStream);
  }
  summary.seconds = Math.round((performance.now() - t0) / 100) / 10;
  return summary;
}

/**
 * The size of a submissions file, or BAD_INPUT naming it when it is missing, not a file, or a CSV
 * whose header has no abstract column.
 *
 * @example
 * await checkInput('subs.csv') // 5357
 */
export async function checkInput(path: string): Promise<number> {
  const size = await requireFile(path);
  if (size > 0 && formatOf(path) === 'csv') await requireCsvColumns(path);
  return size;
}

/** The submission fields of an input row (extra columns or fields are ignored, unlike the strict API). */
function pick(v: unknown): unknown {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
  const o = v as Record<string, unknown>;
  return Object.fromEntries(['id', 'title', 'abstract', 'keywords'].filter((k) => o[k] !== undefined).map((k) => [k, o[k]]));
}

async function closeStream(s: WriteStream): Promise<void> {
  await new Promise<void>((resolve, reject) => s.end((e?: Error | null) => (e ? reject(e) : resolve())));
}
