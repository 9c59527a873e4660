import type { Call } from '../../core/schema.js';

/**
 * One call's parsed fields for a terminal.
 *
 * @example
 * console.log(formatCall(call)); // "Large AI Models for ...\n  venue: IEEE Network\n..."
 */
export function formatCall(call: Omit<Call, 'source_text'>): string {
  const out: string[] = [call.title, `  id: ${call.id}`];
  if (call.venue) out.push(`  venue: ${call.venue}${call.publisher ? ` (${call.publisher})` : ''}`);
  if (call.submission_url) out.push(`  submit: ${call.submission_url}`);
  const dates = Object.entries(call.dates).filter(([, v]) => v);
  if (dates.length) out.push('', 'Dates:', ...dates.map(([k, v]) => `  ${k.replace(/_/g, ' ')}: ${v}`));
  // Catalogue lifecycle: extensions and withdrawal (docs/catalogue.md).
  for (const h of call.deadline_history ?? []) out.push(`  (deadline was ${h.deadline}; changed ${h.replaced_at.slice(0, 10)})`);
  if (call.status === 'withdrawn') out.push('  status: withdrawn (gone from its sources before the deadline)');
  out.push('', `Topics (${call.topics.length}):`, ...call.topics.map((t, i) => `  ${i + 1}. ${t}`));
  if (call.guest_editors.length) {
    out.push('', 'Guest editors:', ...call.guest_editors.map((g) => `  - ${g.name}${g.lead ? ' (lead)' : ''}${g.affiliation ? `, ${g.affiliation}` : ''}`));
  }
  const rules = Object.entries(call.rules).filter(([k]) => k !== 'notes');
  if (rules.length || call.rules.notes?.length) {
    out.push('', 'Rules:', ...rules.map(([k, v]) => `  ${k.replace(/_/g, ' ')}: ${Array.isArray(v) ? v.join(', ') : String(v)}`), ...(call.rules.notes ?? []).map((n) => `  - ${n}`));
  }
  if (call.sources?.length) {
    out.push('', 'Sources:', ...call.sources.map((s) => `  - ${s.url} (${s.kind}${s.via ? ` via ${s.via}` : ''}, ${s.fetched_at.slice(0, 10)}${s.licence ? `; ${s.licence}` : ''}${s.removed_at ? `; gone since ${s.removed_at.slice(0, 10)}` : ''})`));
  }
  if (call.warnings.length) out.push('', 'Warnings:', ...call.warnings.map((w) => `  ! ${w}`));
  return out.join('\n');
}
