/**
 * Split CFP text into classified lines: blank, heading, bullet, rule or text.
 * Everything downstream works on these, never on the raw string.
 */
import { extractLinks, stripInline, type Link } from './markdown.js';

export type LineKind = 'blank' | 'heading' | 'bullet' | 'rule' | 'text';

export interface Line {
  index: number;
  kind: LineKind;
  /** Plain text: markdown, bullet marker and heading markers removed. */
  text: string;
  raw: string;
  /** Leading whitespace width, for nested bullets and continuation lines. */
  indent: number;
  links: Link[];
}

const HR = /^\s{0,3}(?:[-=_]\s*){3,}$/;
const ATX = /^\s{0,3}#{1,6}\s*(.*?)\s*#*\s*$/;
const BOLD_LINE = /^\s*(?:\*\*|__)([^*_]{2,200})(?:\*\*|__)\s*:?\s*$/;
/** Unicode bullets may touch the text; ASCII markers and numbers need a space. */
const BULLET = /^(\s*)(?:[•●▪◦‣○■□➢►✓➤∙·]\s*|[*+\-–—]\s+|\d{1,3}[.)]\s+|\(\d{1,3}\)\s+|[a-z]\)\s+)(\S.*)$/;
/** Section names that are headings even as plain lines. */
const KNOWN_HEADING =
  /^(?:call for (?:papers|contributions|submissions)|important dates|key dates|tentative (?:schedule|dates)|timeline|schedule|(?:[\p{L} ]{0,30} )?(?:guest|special issue|topic|managing guest) editors?|(?:lead )?guest editorial (?:team|board)|editors|submission (?:guidelines?|instructions|information|procedure)|how to submit|paper submission|manuscript submission|topics(?: of interest)?|scope|aims and scope|overview|background|motivation|special issue information|about (?:the|this) (?:special issue|research topic|collection)|(?:associate editors|editorial board)(?: of the special issue)?)\s*[:：–—-]?$/iu;

function indentOf(raw: string): number {
  const m = /^[ \t\u00a0]*/.exec(raw);
  return m ? m[0].replace(/\t/g, '    ').length : 0;
}

function classify(raw: string, next: string | undefined): { kind: LineKind; text: string } {
  if (raw.trim().length === 0) return { kind: 'blank', text: '' };
  if (HR.test(raw)) return { kind: 'rule', text: '' };
  const atx = ATX.exec(raw);
  if (atx && /^\s{0,3}#/.test(raw)) return { kind: 'heading', text: cleanHeading(atx[1] ?? '') };
  const bold = BOLD_LINE.exec(raw);
  if (bold) return { kind: 'heading', text: cleanHeading(bold[1] ?? '') };
  const bullet = BULLET.exec(raw);
  if (bullet) return { kind: 'bullet', text: stripInline(bullet[2] ?? '') };
  const text = stripInline(raw);
  if (next !== undefined && /^\s{0,3}(?:={2,}|-{2,})\s*$/.test(next) && text.length < 200) {
    return { kind: 'heading', text: cleanHeading(text) };
  }
  if (KNOWN_HEADING.test(text)) return { kind: 'heading', text: cleanHeading(text) };
  return { kind: 'text', text };
}

function cleanHeading(s: string): string {
  return stripInline(s).replace(/[:：]\s*$/, '').trim();
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
  return raws.map((raw, index) => {
    const { kind, text: plain } = classify(raw, raws[index + 1]);
    return { index, kind, text: plain, raw, indent: indentOf(raw), links: extractLinks(raw) };
  });
}

/** The previous non-blank line before `i`, if any. */
export function prevNonBlank(lines: readonly Line[], i: number): Line | undefined {
  for (let j = i - 1; j >= 0; j--) {
    const l = lines[j];
    if (l && l.kind !== 'blank') return l;
  }
  return undefined;
}
