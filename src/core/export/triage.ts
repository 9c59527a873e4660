/** An editor's triage as CSV (opens in Excel) or JSON. */
import type { TriageResponse } from '../schema.js';
import { toCsv } from './csv.js';

const TRIAGE_COLUMNS = ['id', 'title', 'verdict', 'probability', 'best_matched_topic', 'matched_topics', 'unmatched_topics', 'reason', 'better_fit_call_id', 'better_fit_title', 'better_fit_probability'];

/**
 * @example
 * exportTriage(res, 'csv', new Map([['s1', 'A title']]))
 */
export function exportTriage(res: TriageResponse, format: 'csv' | 'json', titles: ReadonlyMap<string, string> = new Map()): string {
  if (format === 'json') return `${JSON.stringify(res, null, 2)}\n`;
  return toCsv(TRIAGE_COLUMNS, res.results.map((r) => [
    r.id, titles.get(r.id) ?? '', r.verdict, r.probability, r.matched_topics[0]?.topic ?? '',
    r.matched_topics.map((t) => t.topic).join(' | '), r.unmatched_topics.join(' | '), r.reason,
    r.better_fit?.call_id ?? '', r.better_fit?.title ?? '', r.better_fit?.probability ?? '',
  ]));
}
