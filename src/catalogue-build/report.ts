import type { ImportReport } from '../core/catalogue/import.js';
import { deadlineStatus } from '../core/rank/deadline.js';
import type { Call } from '../core/schema.js';

const count = (keys: string[]): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const k of keys.sort()) out[k] = (out[k] ?? 0) + 1;
  return Object.fromEntries(Object.entries(out).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)));
};

/**
 * The build's summary: totals, calls per publisher, field and deadline state on `asOf`, and
 * what the importer merged, reported as near duplicates, or could not read.
 *
 * @example
 * buildReport(built, seeds, reports, fieldOf, '2026-11-30').by_state // { closed: 120, open: 30, ... }
 */
export function buildReport(built: Call[], seeds: Call[], reports: ImportReport[], fieldOf: Map<string, string>, asOf: string) {
  const all = [...seeds, ...built];
  return {
    as_of: asOf,
    totals: { calls: all.length, imported: built.length, seeds: seeds.length, with_topics: all.filter((c) => c.topics.length > 0).length, with_deadline: all.filter((c) => c.dates.submission_deadline).length },
    by_state: count(all.map((c) => deadlineStatus(c, asOf).state)),
    by_publisher: count(all.map((c) => c.publisher ?? '(unknown)')),
    by_field: count(all.map((c) => fieldOf.get(c.id) ?? (c.sources ? '(unknown)' : 'telecommunications (seed)'))),
    sources: reports.map((r) => ({ source: r.source, kind: r.kind, added: r.added.length, merged: r.merged.length, failed: r.failures.length })),
    merged: reports.flatMap((r) => r.merged),
    near_duplicates: reports.flatMap((r) => r.near_duplicates),
    failures: reports.flatMap((r) => r.failures),
  };
}
