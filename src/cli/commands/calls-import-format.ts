import type { ImportReport } from '../../core/catalogue/import.js';

/**
 * The import report for people: one block per source, then the totals.
 *
 * @example
 * console.log(formatReports(reports, { dryRun: false, written: 3, embedded: 41, ms: 1200 }));
 */
export function formatReports(reports: readonly ImportReport[], t: { dryRun: boolean; written: number; embedded: number; ms: number }): string {
  const lines: string[] = [];
  for (const r of reports) {
    lines.push(`${r.source} (${r.kind}): ${r.added.length} added, ${r.updated.length} updated, ${r.merged.length} merged, ${r.withdrawn.length} withdrawn, ${r.unchanged} unchanged; ${r.fetched} fetched, ${r.not_modified} not modified, ${r.failures.length} failed`);
    for (const id of r.added) lines.push(`  + ${id}`);
    for (const id of r.updated) lines.push(`  ~ ${id}`);
    for (const m of r.merged) lines.push(`  = ${m.id} <- ${m.url} (${m.reason})`);
    for (const id of r.withdrawn) lines.push(`  - ${id} (withdrawn)`);
    for (const d of r.near_duplicates) lines.push(`  ? ${d.call} looks like ${d.other}: ${d.kind}, ${d.reason} (not merged)`);
  }
  lines.push(t.dryRun ? `dry run: nothing written (${t.ms} ms)` : `${t.written} calls written, ${t.embedded} passages embedded (${t.ms} ms)`);
  return lines.join('\n');
}
