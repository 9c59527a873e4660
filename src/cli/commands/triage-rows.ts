/**
 * Streaming readers and writers for batch triage: submissions from JSONL or
 * CSV one row at a time (never the whole file in memory), results appended
 * as JSONL or CSV, and the ids already in an output file for --resume.
 * CSV goes through csv-parse/csv-stringify: quoted fields with commas,
 * quotes and line breaks are common in abstracts and easy to get wrong by hand.
 */
import { createReadStream } from 'node:fs';
import { stat, truncate } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { parse } from 'csv-parse';
import { stringify } from 'csv-stringify/sync';
import { createError } from '../../core/errors.js';
import type { TriageResult } from '../../core/schema.js';
import { stripBom } from '../../core/text/normalize.js';

export type RowFormat = 'jsonl' | 'csv';

/** One input row: the parsed object, or why it could not be read. Never holds more than one row. */
export type InputRow = { line: number; value: unknown } | { line: number; error: string };

export function formatOf(path: string): RowFormat {
  if (/\.jsonl?$/i.test(path)) return 'jsonl';
  if (/\.csv$/i.test(path)) return 'csv';
  throw createError('BAD_INPUT', `${path}: expected a .jsonl or .csv file`);
}

/**
 * A CSV's header row must name an abstract column; without one every row would be skipped with
 * the same message. Throws BAD_INPUT listing the columns it has.
 *
 * @example
 * await requireCsvColumns('subs.csv') // throws for a header "Paper,Text"
 */
export async function requireCsvColumns(path: string): Promise<void> {
  const parser = createReadStream(path).pipe(parse({ bom: true, to_line: 1, relax_column_count: true, relax_quotes: true }));
  let header: string[] = [];
  for await (const rec of parser as AsyncIterable<string[]>) header = rec.map((h) => h.trim().toLowerCase());
  if (header.includes('abstract')) return;
  const has = header.filter(Boolean).slice(0, 10).join(', ');
  throw createError('BAD_INPUT', `${path}: the header row has no "abstract" column (${has ? `it has: ${has}` : 'it is empty'}); the columns are id,title,abstract,keywords`);
}

/**
 * Stream rows with their line numbers.
 *
 * @example
 * for await (const row of readRows('subs.csv', (bytes) => progress(bytes))) if ('value' in row) use(row.value);
 */
export async function* readRows(path: string, onBytes?: (bytesRead: number) => void): AsyncGenerator<InputRow> {
  const stream = createReadStream(path);
  stream.on('data', () => onBytes?.(stream.bytesRead));
  if (formatOf(path) === 'jsonl') {
    let line = 0;
    for await (const text of createInterface({ input: stream, crlfDelay: Infinity })) {
      line++;
      if (!text.trim()) continue;
      try {
        yield { line, value: JSON.parse(line === 1 ? stripBom(text) : text) as unknown };
      } catch {
        yield { line, error: 'not valid JSON' };
      }
    }
    return;
  }
  const skipped: InputRow[] = [];
  const parser = stream.pipe(
    parse({
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      info: true,
      skip_records_with_error: true,
      on_skip: (err) => {
        skipped.push({ line: Number(err?.lines ?? 0), error: `malformed CSV (${err?.code ?? 'parse error'})` });
        return undefined;
      },
    }),
  );
  for await (const rec of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
    while (skipped.length) yield skipped.shift() as InputRow;
    yield { line: rec.info.lines, value: csvRecord(rec.record) };
  }
  while (skipped.length) yield skipped.shift() as InputRow;
}

/** CSV cells to a submission object: empty id means none, keywords are `;`-separated. */
function csvRecord(r: Record<string, string>): Record<string, unknown> {
  return {
    ...(r.id?.trim() ? { id: r.id.trim() } : {}),
    title: r.title ?? '',
    abstract: r.abstract,
    ...(r.keywords?.trim() ? { keywords: r.keywords.split(';').map((k) => k.trim()).filter(Boolean) } : {}),
  };
}

export const CSV_COLUMNS = ['id', 'verdict', 'probability', 'matched_topics', 'unmatched_topics', 'reason', 'better_fit_call_id', 'better_fit_probability'];

/** One result as the text to append (a JSONL line or a CSV row). */
export function formatResult(r: TriageResult, format: RowFormat): string {
  if (format === 'jsonl') return `${JSON.stringify(r)}\n`;
  return stringify([
    [
      r.id,
      r.verdict,
      r.probability,
      r.matched_topics.map((m) => `${m.topic} (${m.similarity.toFixed(2)})`).join(' | '),
      r.unmatched_topics.join(' | '),
      r.reason,
      r.better_fit?.call_id ?? '',
      r.better_fit?.probability ?? '',
    ],
  ]);
}

export const csvHeader = (): string => stringify([CSV_COLUMNS]);

/**
 * Byte length of the complete records at the start of a report: up to the last newline that ends a
 * record. In CSV a newline inside a quoted field does not (every `""` escape toggles the quote state
 * twice, so counting quotes is enough); in JSONL every newline does.
 *
 * @example
 * await completeLength('report.csv', 'csv') // 1024 when the file is 1040 bytes and ends mid-row
 */
export async function completeLength(path: string, format: RowFormat): Promise<number> {
  let inQuote = false;
  let pos = 0;
  let end = 0;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i];
      if (b === 0x22 && format === 'csv') inQuote = !inQuote;
      else if (b === 0x0a && !inQuote) end = pos + i + 1;
    }
    pos += chunk.length;
  }
  return end;
}

/**
 * Prepare an output file for --resume: a last row cut off by a crash (no final newline, or an open
 * quote in CSV) is removed so it is triaged again, then the ids of the complete rows are read.
 * Appending after a torn CSV row would otherwise swallow the redone row into the torn row's open
 * quote, or keep a half-written verdict (`in_`) forever under that id.
 */
export async function existingOutput(path: string): Promise<{ ids: Set<string>; empty: boolean; tornBytes: number }> {
  const ids = new Set<string>();
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { ids, empty: true, tornBytes: 0 };
    throw createError('BAD_INPUT', `cannot read ${path}`, { cause: err });
  }
  const complete = size === 0 ? 0 : await completeLength(path, formatOf(path));
  if (complete < size) await truncate(path, complete);
  for await (const row of readRows(path)) {
    if (!('value' in row)) continue;
    const id = (row.value as { id?: unknown } | null)?.id;
    if (typeof id === 'string' && id) ids.add(id);
  }
  return { ids, empty: complete === 0, tornBytes: size - complete };
}
