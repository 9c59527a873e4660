/**
 * Guest editors: `Name, Affiliation, Country, email` lines, or a linked
 * name (optionally "(Lead Guest Editor)") followed by affiliation lines.
 */
import type { GuestEditor } from '../schema.js';
import type { Line } from './lines.js';
import type { SectionKind } from './sections.js';
import { inlineEditors } from './editors-inline.js';
import { DEGREE, peopleOnLine, withoutFootnote } from './editors-multi.js';
import { JOURNAL_ROLE_ABROAD, LINK_LABEL_WORDS, looksLikeName, TITLE_PREFIX } from './names.js';
import { EMAIL_G, emailsOf, isEditorLine, LEAD, splitNameLine } from './editor-lines.js';

export { splitNameLine } from './editor-lines.js';

/** A publisher page's link labels after a name ("Dr. X Website E-Mail"): labels, not words of the name. */
const LINK_LABELS = new RegExp(String.raw`(?:\s+(?:${LINK_LABEL_WORDS}))+\s*$`);
/** Journal roles named beside a person in a list of editors: not guest editors of the issue. */
const JOURNAL_ROLE = /\((?![^)]*\bguest\b)[^)]*\b(?:associate editor|editor[- ]in[- ]chief|managing editor|advisory editor|section editor)\b[^)]*\)/i;

/** A form's field label before an editor's name ("Name: Prof. Ana Lima", "Nom : Ana Lima"), as a proposal's template gives it: not part of the name. */
const NAME_FIELD = /^(?:full )?(?:name|nom|nombre|nome)\s*[:：]\s*(?=\S)/i;

const JOURNAL_ROLE_LABEL = /^(?!.*\b(?:guest|special issue|topic|lead|co-?|issue)\b)[\p{L} -]{2,40}\beditors?\s*[:：]$/iu;
/** A journal role heading its paragraph, in the languages calls are written in ("Editora associada da RBHE", "Associate Editor of X",
 * "Rédactrice en chef"): the people under it are the journal's, even inside the editors' section. */
const JOURNAL_ROLE_LINE = new RegExp(String.raw`^(?!.*\b(?:special issue|this issue|guest)\b)(?:(?:associate|managing|section) editors?|editors?[- ]in[- ]chief|${JOURNAL_ROLE_ABROAD})\b.{0,50}$`, 'iu');

const emailOf = (line: Line): string | undefined => emailsOf(line)[0];

function clean(s: string): string {
  return s
    .replace(EMAIL_G, ' ')
    .replace(/\b(?:e-?mail|mailto)\s*:?/gi, ' ')
    .replace(/\(\s*\)|\[\s*\]/g, ' ')
    .replace(/\s+/g, ' ')
    // A "?" left at a line's end is a non-breaking space a crawl could not encode; no name ends with one.
    .replace(/^[\s,;:|–—-]+|[\s,;:|–—?-]+$/g, '');
}

/** "Name (email)" or "Name" alone on a line in an editors section. */
function nameOnly(line: Line): GuestEditor | undefined {
  const email = emailOf(line);
  const lead = LEAD.test(line.text);
  // A degree after the name ("Prof. Sherry Simon, PhD") is not part of it.
  const name = withoutFootnote(clean(line.text.replace(NAME_FIELD, '').replace(LINK_LABELS, '').replace(LEAD, ' ').replace(/\([^)]*\)/g, ' ').replace(DEGREE, '')).replace(TITLE_PREFIX, ''));
  if (!looksLikeName(name)) return undefined;
  return { name, ...(email ? { email } : {}), ...(lead ? { lead: true } : {}) };
}

function editorFromLine(line: Line, text = line.text): GuestEditor {
  const lead = LEAD.test(text);
  const split = splitNameLine(text);
  const affiliation = clean((split?.rest ?? '').replace(/^\(|\)$/g, ''));
  const email = emailOf(line);
  return {
    name: clean(split?.name ?? line.text).replace(TITLE_PREFIX, ''),
    ...(affiliation ? { affiliation } : {}),
    ...(email ? { email } : {}),
    ...(lead ? { lead: true } : {}),
  };
}

function blocks(lines: readonly Line[]): Line[][] {
  const out: Line[][] = [];
  let cur: Line[] = [];
  for (const l of lines) {
    // A bold line of names reads as a heading; in the editors section it is a line of people.
    if (l.kind === 'blank' || (l.kind === 'heading' && peopleOnLine(l.text) === undefined) || l.kind === 'rule') {
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
  for (const block of blocks(inSection)) editors.push(...editorsOfBlock(block, used));
  if (editors.length > 0) return { editors: unique(editors), used };
  const above = namesAboveLabel(lines, used);
  if (above.length > 0) return { editors: unique(above), used };
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
  return { editors: unique(editors), used };
}

/** The label MDPI special-issue pages put under their editors' names ("Prof. X\nDr. Y\nGuest Editors"). */
const LABEL_BELOW = /^(?:lead |managing )?guest editors?$|^special issue editors?$/i;

/**
 * Names listed above their "Guest Editor(s)" label, as MDPI special-issue
 * pages (and e-mails copied from them) print them: the name lines right above
 * the label, one person a line, up to the first line that is not a name.
 */
function namesAboveLabel(lines: readonly Line[], used: Set<number>): GuestEditor[] {
  const out: GuestEditor[] = [];
  for (const label of lines.filter((l) => LABEL_BELOW.test(l.text.replace(/[:\s]+$/, '')))) {
    const found: GuestEditor[] = [];
    // A blank line may part the names from their label ("- Prof. X\n- Dr. Y\n\n_Guest Editors_").
    let top = label.index - 1;
    while (top > 0 && lines[top]?.kind === 'blank' && label.index - top < 3) top--;
    for (let i = top; i >= 0 && label.index - i <= 12; i--) {
      const l = lines[i];
      const e = l && (l.kind === 'text' || l.kind === 'bullet') ? nameOnly(l) : undefined;
      if (!e || !l) break;
      found.unshift(e);
      used.add(l.index);
    }
    out.push(...found);
  }
  return out;
}

/** One entry per person: the same name twice ("Lead guest editor: X" after the list) is one editor. */
function unique(editors: readonly GuestEditor[]): GuestEditor[] {
  const byName = new Map<string, GuestEditor>();
  for (const e of editors) {
    const key = e.name.toLowerCase().replace(/[^\p{L}]+/gu, ' ').trim();
    const seen = byName.get(key);
    if (!seen) byName.set(key, e);
    else if (e.lead && !seen.lead) byName.set(key, { ...seen, lead: true });
  }
  return [...byName.values()];
}

/**
 * The editors in one paragraph of an editors section. A line that names a
 * person starts an editor ("Name, Affiliation", "Name - Affiliation", a bare
 * name); the lines after it add that editor's affiliation and e-mail, until
 * the next person. People marked with a journal role ("(Associate editor
 * for X)") are not guest editors of the issue.
 */
function editorsOfBlock(block: readonly Line[], used: Set<number>): GuestEditor[] {
  // A journal role's label over its people ("Corresponding TETC editor:", "Advisory Editor:"): not the guest editors.
  if (JOURNAL_ROLE_LABEL.test(block[0]?.text ?? '') || JOURNAL_ROLE_LINE.test(block[0]?.text ?? '')) return [];
  const names = block.map(nameOnly);
  if (block.length > 1 && names.every((e) => e !== undefined)) {
    block.forEach((l) => used.add(l.index));
    return names.filter((e): e is GuestEditor => e !== undefined);
  }
  const out: GuestEditor[] = [];
  let cur: GuestEditor | undefined;
  // After a journal role's line inside the paragraph ("Editor associado da RBHE"), the next person is the journal's: read, not kept.
  let journals = false;
  for (const l of block) {
    // Pasted text separates name and affiliation by two spaces at times; keep that gap, which the line's text squashes.
    const spaced = l.kind === 'text' && !l.raw.includes('](') ? l.raw.trim() : l.text;
    // MDPI's page gives each editor's links after the name ("Dr. X Website E-Mail"): labels, not words of the name.
    const text = (l.kind === 'bullet' ? l.text.replace(/[.;]\s*$/, '') : spaced).replace(LINK_LABELS, '').replace(NAME_FIELD, '');
    if (JOURNAL_ROLE.test(text) || JOURNAL_ROLE_LINE.test(text)) {
      cur = undefined;
      journals = JOURNAL_ROLE_LINE.test(text);
      continue;
    }
    // Several people on one line ("A, PhD and B, DrPH", "A1 | B2 | C3") are several editors; the lines after add to the last.
    const many = peopleOnLine(text);
    if (many) {
      out.push(...many.map((name) => ({ name })));
      cur = out[out.length - 1];
      used.add(l.index);
      continue;
    }
    // A name line starts an editor, unless it is the affiliation of a bare name just above ("X" then "Nokia Bell Labs, Ireland").
    const bare = cur !== undefined && cur.affiliation === undefined && cur.email === undefined;
    const next = bare ? undefined : isEditorLine(text) ? editorFromLine(l, text) : nameOnly(l);
    if (next) {
      cur = next;
      if (!journals) out.push(cur);
      journals = false;
      used.add(l.index);
      continue;
    }
    if (!cur || /^(?:https?:\/\/|www\.)\S+$/i.test(text) || text.length > 200) continue;
    const email = emailOf(l);
    const rest = clean(text);
    if (email && !cur.email) cur.email = email;
    if (rest && !/^\(?\s*\)?$/.test(rest)) cur.affiliation = cur.affiliation ? `${cur.affiliation}, ${rest}` : rest;
    used.add(l.index);
  }
  return out;
}
