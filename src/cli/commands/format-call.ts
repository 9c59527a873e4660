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
  out.push('', `Topics (${call.topics.length}):`, ...call.topics.map((t, i) => `  ${i + 1}. ${t}`));
  if (call.guest_editors.length) {
    out.push('', 'Guest editors:', ...call.guest_editors.map((g) => `  - ${g.name}${g.lead ? ' (lead)' : ''}${g.affiliation ? `, ${g.affiliation}` : ''}`));
  }
  const rules = Object.entries(call.rules).filter(([k]) => k !== 'notes');
  if (rules.length || call.rules.notes?.length) {
    out.push('', 'Rules:', ...rules.map(([k, v]) => `  ${k.replace(/_/g, ' ')}: ${Array.isArray(v) ? v.join(', ') : String(v)}`), ...(call.rules.notes ?? []).map((n) => `  - ${n}`));
  }
  if (call.warnings.length) out.push('', 'Warnings:', ...call.warnings.map((w) => `  ! ${w}`));
  return out.join('\n');
}
