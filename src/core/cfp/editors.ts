/**
 * Guest editors: `Name, Affiliation, Country, email` lines, or a linked
 * name (optionally "(Lead Guest Editor)") followed by affiliation lines.
 */
import type { GuestEditor } from '../schema.js';
import type { Line } from './lines.js';
import type { SectionKind } from './sections.js';
import { inlineEditors } from './editors-inline.js';

/** Bounded and anchored at a word start, so a long run of letters cannot make it quadratic. */
const EMAIL = /(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}/;
const EMAIL_G = new RegExp(EMAIL.source, 'g');
const LEAD = /\(\s*lead\b[^)]{0,40}\)|\blead guest editor\b|\blead GE\b/i;
const TITLE_PREFIX = /^(?:(?:assoc(?:iate)?\.?|assist(?:ant)?\.?)\s+)?(?:prof(?:essor)?\.?|dr\.?)\s+(?:(?:prof(?:essor)?\.?|dr\.?)\s+)?/i;
const PARTICLE = "(?:de|van|von|der|den|da|di|du|la|le|del|dos|bin|al|el|y)";
const NAME_WORD = "[\\p{Lu}][\\p{L}'’.\\-]*";
const NAME = new RegExp(`^${NAME_WORD}(?:\\s+(?:${PARTICLE}\\s+)?${NAME_WORD}){1,4}$`, 'u');

/**
 * Whether a string looks like a person's name (2-5 capitalised words).
 *
 * @example
 * looksLikeName('Tony Q.S. Quek') // true
 * looksLikeName('Generative artificial intelligence') // false
 */
export function looksLikeName(s: string): boolean {
  const t = s.replace(TITLE_PREFIX, '').trim();
  return t.length <= 60 && NAME.test(t) && !NOT_NAME.test(t);
}

/** Capitalised phrases that are roles, salutations or organisations, not people. */
const NOT_NAME =
  /\b(?:University|Institute|Special|Issue|Journal|IEEE|Call|Dear|Colleagues|Editors?|Assistant|E-?Mail|Website|Interests|Department|School|College|Centre|Center|Laboratory|Guest|Topics?|Collections?|Papers?|Submission|Deadline|Information|Important|Dates|Keywords|MDPI|Elsevier|Springer|Wiley|Frontiers|Welcome|Research|Science)\b/;

/** `Name, Affiliation...`: a name, then at least one more comma-separated part. */
export function isEditorLine(text: string): boolean {
  if (text.length > 300 || /[.:]\s*$/.test(text.replace(EMAIL_G, ''))) return false;
  const [first, ...rest] = text.replace(LEAD, ' ').split(',');
  return first !== undefined && rest.join('').trim().length > 1 && looksLikeName(first.replace(/\([^)]*\)/g, ' ').trim());
}

function emailOf(line: Line): string | undefined {
  const mail = line.links.find((l) => l.url.toLowerCase().startsWith('mailto:'));
  if (mail) return mail.url.slice('mailto:'.length).split('?')[0];
  return EMAIL.exec(line.text)?.[0];
}

function clean(s: string): string {
  return s
    .replace(EMAIL_G, ' ')
    .replace(/\b(?:e-?mail|mailto)\s*:?/gi, ' ')
    .replace(/\(\s*\)|\[\s*\]/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s,;:|–—-]+|[\s,;:|–—-]+$/g, '');
}

/** "Name (email)" or "Name" alone on a line in an editors section. */
function nameOnly(line: Line): GuestEditor | undefined {
  const email = emailOf(line);
  const lead = LEAD.test(line.text);
  const name = clean(line.text.replace(LEAD, ' ').replace(/\([^)]*\)/g, ' ')).replace(TITLE_PREFIX, '');
  if (!looksLikeName(name)) return undefined;
  return { name, ...(email ? { email } : {}), ...(lead ? { lead: true } : {}) };
}

function editorFromLine(line: Line): GuestEditor {
  const lead = LEAD.test(line.text);
  const text = lead ? line.text.replace(LEAD, ' ') : line.text;
  const [first0 = '', ...rest] = text.split(',');
  const first = first0.replace(/\([^)]*\)/g, ' ');
  const affiliation = clean(rest.join(','));
  const email = emailOf(line);
  return {
    name: clean(first).replace(TITLE_PREFIX, ''),
    ...(affiliation ? { affiliation } : {}),
    ...(email ? { email } : {}),
    ...(lead ? { lead: true } : {}),
  };
}

/** A paragraph whose first line is a name (often a mailto link), the rest affiliation or email lines. */
function editorFromBlock(block: Line[]): GuestEditor | undefined {
  const [head, ...rest] = block;
  if (!head) return undefined;
  const lead = LEAD.test(head.text);
  const name = clean(head.text.replace(LEAD, ' ')).replace(TITLE_PREFIX, '');
  if (!looksLikeName(name)) return undefined;
  const email = emailOf(head) ?? rest.map(emailOf).find((e) => e !== undefined);
  const affiliation = rest.map((l) => clean(l.text)).filter((s) => s.length > 0).join(', ');
  return {
    name,
    ...(affiliation ? { affiliation } : {}),
    ...(email ? { email } : {}),
    ...(lead ? { lead: true } : {}),
  };
}

function blocks(lines: readonly Line[]): Line[][] {
  const out: Line[][] = [];
  let cur: Line[] = [];
  for (const l of lines) {
    if (l.kind === 'blank' || l.kind === 'heading' || l.kind === 'rule') {
      if (cur.length) out.push(cur);
      cur = [];
    } else cur.push(l);
  }
  if (cur.length) out.push(cur);
  return out;
}

/**
 * Guest editors from the editors section, or from a run of `Name, Affiliation`
 * lines that follows the dates when the CFP has no editors heading.
 *
 * @example
 * parseEditors(toLines('## Guest Editors\nPeng Li, The University of Aizu, Japan, pengli@u-aizu.ac.jp'), sections)
 * // [{ name: 'Peng Li', affiliation: 'The University of Aizu, Japan', email: 'pengli@u-aizu.ac.jp' }]
 */
export function parseEditors(
  lines: readonly Line[],
  sections: readonly SectionKind[],
  isDateLine: (l: Line) => boolean,
): { editors: GuestEditor[]; used: Set<number> } {
  const editors: GuestEditor[] = [];
  const used = new Set<number>();
  const inSection = lines.filter((l, i) => sections[i] === 'editors' && !isDateLine(l));
  for (const block of blocks(inSection)) {
    if (block.length > 1 && block.every((l) => nameOnly(l) !== undefined)) {
      for (const l of block) {
        const e = nameOnly(l);
        if (e) editors.push(e);
        used.add(l.index);
      }
      continue;
    }
    // List items end with ";" or "." like any list; that is not a sentence.
    if (block.every((l) => isEditorLine(l.kind === 'bullet' ? l.text.replace(/[.;]\s*$/, '') : l.text))) {
      for (const l of block) {
        editors.push(editorFromLine(l));
        used.add(l.index);
      }
      continue;
    }
    const e = editorFromBlock(block);
    if (e) {
      editors.push(e);
      block.forEach((l) => used.add(l.index));
    }
  }
  if (editors.length > 0) return { editors, used };
  const inline = inlineEditors(lines);
  if (inline.editors.length > 0) return inline;
  // No editors heading: accept a run of editor lines right after the dates.
  let afterDates = false;
  for (const l of lines) {
    if (l.kind === 'blank') continue;
    if (isDateLine(l)) afterDates = true;
    else if (afterDates && l.kind === 'text' && isEditorLine(l.text)) {
      editors.push(editorFromLine(l));
      used.add(l.index);
    } else afterDates = false;
  }
  return { editors, used };
}
