import type { RankResponse } from '../../core/schema.js';
import { table, truncate } from '../io.js';

/**
 * The ranking as a table for a terminal, with the call id (what `triage --call` and `calls show`
 * take); an empty ranking says why and which option to drop instead of printing an empty table.
 *
 * @example
 * console.log(formatRanking(res));
 */
export function formatRanking(res: RankResponse): string {
  const footer = `(${res.total_calls} calls${res.filters && res.filters.matched < res.total_calls ? `, ${res.filters.matched} pass the filters` : ''}, as of ${res.as_of}, ${res.embedder}, ${res.timing_ms.total} ms)`;
  if (!res.results.length) {
    const e = res.filters?.empty;
    if (!e) return `No calls to show.\n${footer}`;
    const flags: Record<string, string> = { open_only: '--open-only', publisher: '--publisher', venue: '--venue', deadline_after: '--deadline-after', deadline_before: '--deadline-before' };
    const ways = e.relax.map((r) => `  without ${r.remove.map((k) => flags[k] ?? k).join(' ')}: ${r.label}`);
    return [`No calls to show. ${e.reason}`, e.hint, ...(ways.length ? ['Run again', ...ways] : []), footer].join('\n');
  }
  const rows = res.results.map((r, i) => [
    String(i + 1),
    r.fit.toFixed(1),
    r.call_id,
    truncate(r.title, 50),
    r.deadline.state === 'open' ? `open (${r.deadline.days_left}d)` : r.deadline.state.replace(/_/g, ' '),
    truncate(r.matched_topics[0]?.topic ?? '-', 40),
    r.requirements.filter((q) => !q.ok).map((q) => q.rule).join(',') || 'ok',
  ]);
  return `${table(['#', 'fit', 'id', 'call', 'deadline', 'best topic', 'requirements'], rows)}\n${footer}`;
}
