/**
 * Bulk files: a JSON array (or `{calls|records|items: [...]}`), JSON lines, or CSV with a header
 * row. Each record becomes a call through callFromRecord; a bad record is a failure that names it,
 * and the rest still import.
 */
import { parse as parseCsv } from 'csv-parse/browser/esm/sync';
import { createError, isCfpError } from '../errors.js';
import type { Call } from '../schema.js';
import { sha256Hex } from '../text/hash.js';
import type { DocumentFormat } from './document.js';
import { callFromRecord, recordUrl } from './records.js';
import type { ImportFailure } from './types.js';

type Rec = Record<string, unknown>;

export interface BulkRecord {
  call: Call;
  /** The record's own page URL, else `<file>#<id>`. */
  url: string;
  hash: string;
}

function recordsOf(text: string, format: DocumentFormat, name: string): Rec[] {
  const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (format === 'csv') {
    try {
      return parseCsv(text, { columns: true, skip_empty_lines: true, bom: true, relax_column_count: true, trim: true }) as Rec[];
    } catch (err) {
      throw createError('BAD_INPUT', `${name}: not readable CSV (${(err as Error).message})`, { cause: err });
    }
  }
  if (format === 'jsonl') {
    return text.split('\n').flatMap((line, i): Rec[] => {
      if (!line.trim()) return [];
      try {
        const v = JSON.parse(line) as unknown;
        return isRec(v) ? [v] : [{ __error: `line ${i + 1}: not a JSON object` }];
      } catch {
        return [{ __error: `line ${i + 1}: not valid JSON` }];
      }
    });
  }
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (err) {
    throw createError('BAD_JSON', `${name}: not valid JSON`, { cause: err });
  }
  const list = Array.isArray(v) ? v : isRec(v) ? (['calls', 'records', 'items', 'data'].map((k) => v[k]).find(Array.isArray) ?? [v]) : undefined;
  if (!list) throw createError('BAD_INPUT', `${name}: expected a JSON array of calls`);
  return list.map((r, i) => (isRec(r) ? r : { __error: `item ${i + 1}: not a JSON object` }));
}

/**
 * Read a bulk file's calls.
 *
 * @example
 * const { records, failures } = await readBulk(text, 'jsonl', 'https://x.org/calls.jsonl');
 */
export async function readBulk(
  text: string,
  format: DocumentFormat,
  fileUrl: string,
  map?: Record<string, string>,
): Promise<{ records: BulkRecord[]; failures: ImportFailure[] }> {
  const records: BulkRecord[] = [];
  const failures: ImportFailure[] = [];
  const recs = recordsOf(text, format, fileUrl);
  for (const [i, rec] of recs.entries()) {
    const where = `${fileUrl} record ${i + 1}`;
    if (typeof rec.__error === 'string') {
      failures.push({ url: fileUrl, code: 'BAD_JSON', message: `${fileUrl}: ${rec.__error}` });
      continue;
    }
    try {
      const call = callFromRecord(rec, { ...(map ? { map } : {}), where });
      records.push({ call, url: recordUrl(rec, map) ?? `${fileUrl}#${call.id}`, hash: await sha256Hex(JSON.stringify(rec)) });
    } catch (err) {
      failures.push({ url: `${fileUrl}#${i + 1}`, code: isCfpError(err) ? err.code : 'VALIDATION', message: (err as Error).message });
    }
  }
  if (recs.length === 0) throw createError('BAD_INPUT', `${fileUrl}: no records`);
  return { records, failures };
}
