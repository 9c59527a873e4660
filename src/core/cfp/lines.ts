/**
 * Split CFP text into classified lines: blank, heading, bullet, rule or text.
 * Everything downstream works on these, never on the raw string.
 */
import { extractLinks, stripInline, type Link } from './markdown.js';
import { EDITOR_LABEL_WORDS, looksLikeName, startsWithHonorific } from './names.js';
import { TOPIC_SECTION_WORDS_ABROAD } from './topic-words.js';

export type LineKind = 'blank' | 'heading' | 'bullet' | 'rule' | 'text';

export interface Line {
  index: number;
  kind: LineKind;
  /** Plain text: markdown, bullet marker and heading markers removed. */
  text: string;
  raw: string;
  /** Leading whitespace width, for nested bullets and continuation lines. */
  indent: number;
  /** A bullet's kind of mark ('-', '*', '•', 'num', 'alpha', ...): a change of mark inside a list nests items. */
  marker?: string;
  links: Link[];
}

const HR = /^\s{0,3}(?:[-=_*]\s*){3,}$/;
const ATX = /^\s{0,3}#{1,6}\s*(.*?)\s*#*\s*$/;
const BOLD_LINE = /^\s*(?:\*\*|__)([^*_]{2,200})(?:\*\*|__)\s*:?\s*$/;
/**
 * List marks. Unicode bullets (and the Symbol-font bullets Word leaves in
 * pasted text, U+F0B7 and kin) may touch the text; ASCII marks, numbers and
 * letters need a space, except a hyphen straight before a capital ("-What are
 * ..."), which is a list mark in pasted e-mails and never a word. An "o"
 * followed by a tab or several spaces is Word's second-level bullet as it
 * pastes into plain text. A run of question marks is a bullet (or, alone on a
 * line, a space) whose character a crawl could not encode ("??????? Cloud").
 */
const BULLET =
  /^(\s*)([•●▪◦‣○■□➢►✓➤∙·\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf0a8](?:\s*)|--?\s+|[*+–—]\s+|o(?:\t|\s{2,})(?=\S)|\?{2,}\s+|-(?=\p{Lu})|\d{1,3}[.)]\s+|\(\d{1,3}\)\s+|\(?(?:[a-z]|i{1,3}|iv|vi{0,3}|ix|x)\)\s+|(?:[a-z]|i{1,3}|iv|vi{0,3}|ix|x)\.\s+)(\S.*)$/u;
const WIKI_HEADING = /^\s{0,3}(={1,4})\s*([^=]{2,80}?)\s*\1\s*$/;
/** Section names that are headings even as plain lines. */
const KNOWN_HEADING = new RegExp(
  `${String.raw`^(?:\d{1,2}\.?\s+)?(?:call for (?:papers|contributions|submissions)|important dates|key dates|tentative (?:schedule|dates)|timeline|schedule|(?:[\p{L} /]{0,30} )?(?:guest|special issue|(?:thematic |themed )?issue|topic|managing guest|guest associate|leading|lead|co-?) ?editors?(?:\s*\(s\))?(?:\s*\((?:guest |special issue )?editors?\))?|(?:lead )?guest editorial (?:team|board)|editors?\s*\(s\)|editors|(?:co-?|guest |special )?editors? of (?:the|this) (?:special )?issue|submission (?:guidelines?|instructions|information|procedure)|how to submit|paper submission|manuscript submission|topics(?: of interest)?|scope|aims and scope|overview|background|motivation|special issue information|about (?:the|this) (?:special issue|research topic|collection)|(?:associate editors|editorial board)(?: of the special issue)?`}|advisory editors?|keywords|(?:[\\p{L} ]{0,30} )?organi[sz]ers?|${EDITOR_LABEL_WORDS}|${TOPIC_SECTION_WORDS_ABROAD})\\s*[:：–—-]?$`,
  'iu',
);

function indentOf(raw: string): number {
  const m = /^[ \t\u00a0]*/.exec(raw);
  return m ? m[0].replace(/\t/g, '    ').length : 0;
}

/** The kind of a list mark, so a change of mark can be told from more of the same. */
function markerOf(mark: string): string {
  const m = mark.trim();
  if (/^\(?\d/.test(m)) return m.startsWith('(') ? 'pnum' : 'num';
  if (/^\(?[a-z]+[.)]$/.test(m)) return 'alpha';
  return m.replace(/\s+/g, '') || '-';
}

function classify(raw: string, next: string | undefined): { kind: LineKind; text: string; marker?: string } {
  if (/^[\s?]*$/.test(raw)) return { kind: 'blank', text: '' };
  if (HR.test(raw)) return { kind: 'rule', text: '' };
  const atx = ATX.exec(raw);
  // A person's name with an honorific as a heading is an editor card's name ("<h4>Prof. Dr. X</h4><p>University of Y</p>"), not a section.
  if (atx && /^\s{0,3}#/.test(raw)) return startsWithHonorific(cleanHeading(atx[1] ?? '')) ? { kind: 'text', text: cleanHeading(atx[1] ?? '') } : { kind: 'heading', text: cleanHeading(atx[1] ?? '') };
  const bold = BOLD_LINE.exec(raw);
  // A bold person's name ("**Dr. Shaokun Fan**" over an affiliation line) is an editor, not a heading.
  if (bold && !looksLikeName((bold[1] ?? '').trim())) return { kind: 'heading', text: cleanHeading(bold[1] ?? '') };
  // A "= Guest editors =" line is a heading as wiki-style plain text writes one.
  const wiki = WIKI_HEADING.exec(raw);
  if (wiki?.[2]) return { kind: 'heading', text: cleanHeading(wiki[2]) };
  // "– Guest Editors –", "*** Topics ***": the same mark on both sides decorates a heading; it is no bullet.
  const framed = /^\s*([–—-]{1,3}|\*{1,3}|~{1,3})\s+([^–—*~]{2,80}?)\s+\1\s*$/u.exec(raw);
  if (framed?.[2]) return { kind: 'heading', text: cleanHeading(framed[2]) };
  // "*Name, Affiliation": a star touching a capital, with no closing star on the line, is a list mark, not emphasis.
  const star = /^(\s*)\*(?=\p{Lu})([^*]+)$/u.exec(raw);
  if (star?.[2]) return { kind: 'bullet', text: stripInline(star[2]), marker: '*' };
  const bullet = BULLET.exec(raw);
  if (bullet) return { kind: 'bullet', text: stripInline(bullet[3] ?? ''), marker: markerOf(bullet[2] ?? '') };
  const text = stripInline(raw);
  // A setext underline; a dashed separator far longer than the line above is a rule under it, not an underline.
  if (next !== undefined && /^\s{0,3}(?:={2,}|-{2,})\s*$/.test(next) && text.length < 200 && (next.trim().startsWith('=') || next.trim().length <= 1.5 * text.length + 8)) {
    return { kind: 'heading', text: cleanHeading(text) };
  }
  if (KNOWN_HEADING.test(text)) return { kind: 'heading', text: cleanHeading(text) };
  return { kind: 'text', text };
}

/** A heading's words without its decoration ("#### Guest editors *****", "== Topics =="). */
function cleanHeading(s: string): string {
  return stripInline(s)
    .replace(/^[*=~]+\s*|\s*[*=~]+$|^[#_-]{2,}\s+|\s+[#_-]{2,}$/g, '')
    .replace(/[:：]\s*$/, '')
    .trim();
}

/**
 * Classify every line of a CFP.
 *
 * @example
 * toLines('### Important Dates\n- Submission Deadline: 1 May 2025').map((l) => l.kind) // ['heading', 'bullet']
 */
export function toLines(text: string): Line[] {
  // Zero-width characters (pasted from web pages) would hide a line's markers from the patterns below.
  const raws = text.replace(/\r\n?/g, '\n').replace(/[\u2028\u2029]/g, '\n').replace(/[\u200b-\u200d\u2060\ufeff]/g, '').split('\n');
  const lines: Line[] = raws.map((raw, index) => {
    const { kind, text: plain, marker } = classify(raw, raws[index + 1]);
    return { index, kind, text: plain, raw, indent: indentOf(raw), links: extractLinks(raw), ...(marker ? { marker } : {}) };
  });
  return framedHeadings(starLists(hashLists(lines)));
}

/** A short line between two rule lines ("*****\nJournal Editor-in-Chief\n*****") is a heading, as e-mails draw them. */
function framedHeadings(lines: Line[]): Line[] {
  return lines.map((l, i) =>
    l.kind === 'text' && l.text.length <= 80 && lines[i - 1]?.kind === 'rule' && lines[i + 1]?.kind === 'rule'
      ? { ...l, kind: 'heading', text: cleanHeading(l.text) }
      : l,
  );
}

const HASH_MARK = /^\s*(#{1,6})\s/;

/**
 * Lines that start with the same `#` mark one after another, with no blank
 * line between them, are a list written with `#` marks ("  #  applications of
 * deep learning"), not a run of markdown headings: headings have content
 * under them.
 */
function hashLists(lines: Line[]): Line[] {
  const mark = (l: Line | undefined) => (l && l.kind === 'heading' ? HASH_MARK.exec(l.raw)?.[1] : undefined);
  return lines.map((l, i) => {
    const m = mark(l);
    if (!m || (mark(lines[i - 1]) !== m && mark(lines[i + 1]) !== m)) return l;
    return { ...l, kind: 'bullet', marker: '#', text: stripInline(l.raw.replace(HASH_MARK, '')) };
  });
}

const STAR_MARK = /^\s*\*\*\s+(?=\S)(?!.*\*\*\s*$)/;

/**
 * Lines that each open with "** " one after another ("** Barney Roe, University of X\n** Petter Doe, University of Y") are a list a
 * plain-text e-mail doubled its asterisks for; one such line alone is the e-mail's heading ("** Guest editors:"), left as it reads.
 */
function starLists(lines: Line[]): Line[] {
  const starred = (l: Line | undefined) => l !== undefined && STAR_MARK.test(l.raw);
  return lines.map((l, i) => (starred(l) && (starred(lines[i - 1]) || starred(lines[i + 1])) ? { ...l, kind: 'bullet', marker: '*', text: stripInline(l.raw.replace(STAR_MARK, '')) } : l));
}

/** The previous non-blank line before `i`, if any. */
export function prevNonBlank(lines: readonly Line[], i: number): Line | undefined {
  for (let j = i - 1; j >= 0; j--) {
    const l = lines[j];
    if (l && l.kind !== 'blank') return l;
  }
  return undefined;
}
