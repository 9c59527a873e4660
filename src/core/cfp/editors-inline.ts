/**
 * Guest editors named inline rather than in a list: "Editors: X and Y",
 * "(Lead Guest Editor: X)", "Editor:X, Department of ...", "Issue edited by
 * X (Univ) and Y (Univ)", "Prof. X, Prof. Y, and Prof. Z will guest edit".
 */
import type { GuestEditor } from '../schema.js';
import type { Line } from './lines.js';
import { looksLikeName } from './editors.js';

const LABEL = /(?:^|\(|\b)(?:(?:lead|managing) )?(?:guest |special issue |issue )?editors?\s*(?:\([^)]{0,20}\))?\s*[:：]\s*([^()]{3,300})/i;
const EDITED_BY = /\b(?:(?:guest[- ])?edited|overseen|curated) by\s+([^.]{3,300})/i;
const WILL_EDIT = /^(.{3,300}?)\s+(?:will|are to|shall) (?:guest[- ]edit|serve as guest editors?)/i;
const HONORIFIC = /^(?:(?:assoc(?:iate)?\.?|assist(?:ant)?\.?)\s+)?(?:prof(?:essor)?\.?|dr\.?|mr\.?|ms\.?|mrs\.?)\s+/i;

/** Names in "A, B and C" (each possibly followed by "(Affiliation)" or ", Affiliation"). */
function namesIn(list: string): string[] {
  const cleaned = list.replace(/\([^)]*\)/g, ' ').replace(/\b[\w.+-]+@[\w.-]+\b/g, ' ');
  return cleaned
    .split(/\s*(?:,|;|\band\b|&)\s*/)
    .map((p) => p.replace(/^.*\bco-editor-in-chief\b\s*/i, '').replace(HONORIFIC, '').replace(HONORIFIC, '').trim())
    .filter((p) => looksLikeName(p));
}

/**
 * Editors named inline, with the lines that named them.
 *
 * @example
 * inlineEditors(toLines('Issue edited by Eleonora Federici (University of Ferrara) and Marilena Parlati (University of Padova)'))
 * // { editors: [{ name: 'Eleonora Federici' }, { name: 'Marilena Parlati' }], used: Set { 0 } }
 */
export function inlineEditors(lines: readonly Line[]): { editors: GuestEditor[]; used: Set<number> } {
  const editors: GuestEditor[] = [];
  const used = new Set<number>();
  const seen = new Set<string>();
  for (const l of lines) {
    if (l.kind === 'blank' || l.text.length > 600) continue;
    const label = LABEL.exec(l.text);
    // "Editor: Name, Department of X": the first part is the name, the rest its affiliation.
    const labelled = label?.[1] ? (namesIn(label[1].split(',')[0] ?? '').length > 0 ? namesIn(label[1].split(',')[0] ?? '') : namesIn(label[1])) : [];
    const m = EDITED_BY.exec(l.text)?.[1] ?? WILL_EDIT.exec(l.text)?.[1];
    const names = labelled.length > 0 ? labelled : m ? namesIn(m) : [];
    for (const name of names) {
      if (seen.has(name.toLowerCase())) continue;
      seen.add(name.toLowerCase());
      editors.push({ name, ...(/\blead\b/i.test(l.text) && names.length === 1 ? { lead: true } : {}) });
      used.add(l.index);
    }
  }
  return { editors, used };
}
