/**
 * Prose paragraphs, and which of them describe the call (its scope).
 */
import type { Line } from './lines.js';
import type { SectionKind } from './sections.js';

export interface Paragraph {
  text: string;
  start: number;
  end: number;
  section: SectionKind;
}

/** A web page's cookie banner copied with its text: never the call's prose. */
const COOKIE_BANNER = /^we use cookies\b|\bby (?:closing|dismissing) this (?:message|banner)\b.*\bcookies\b/i;

/**
 * Consecutive text lines joined into paragraphs, skipping lines already
 * claimed (dates, editors, title fields). Short link-only or label-only lines
 * ("Submit a Paper") are not prose.
 *
 * @example
 * paragraphs(toLines('One sentence here.\nSame paragraph.\n\nAnother one.'), sections, new Set())
 * // [{ text: 'One sentence here. Same paragraph.', ... }, { text: 'Another one.', ... }]
 */
export function paragraphs(
  lines: readonly Line[],
  sections: readonly SectionKind[],
  claimed: ReadonlySet<number>,
): Paragraph[] {
  const out: Paragraph[] = [];
  let cur: Paragraph | undefined;
  lines.forEach((l, i) => {
    const prose = l.kind === 'text' && !claimed.has(i) && l.text.length > 0 && !COOKIE_BANNER.test(l.text);
    if (!prose) {
      cur = undefined;
      return;
    }
    // A tab- or space-indented line starts a new paragraph in plain-text CFPs.
    if (cur && l.indent === 0 && i === cur.end + 1) {
      cur.text = `${cur.text} ${l.text}`;
      cur.end = i;
      return;
    }
    cur = { text: l.text, start: i, end: i, section: sections[i] ?? 'scope' };
    out.push(cur);
  });
  return out.filter((p) => /\p{L}{2}/u.test(p.text) && (p.text.split(/\s+/).length >= 6 || /[.!?:]$/.test(p.text)));
}

const SUBMISSION_TALK =
  /\b(?:submit(?:ted)?\s+(?:through|via|to|at|online|by)|manuscript central|author (?:portal|guidelines)|submission (?:site|system|portal)|must be accompanied|as your manuscript type)\b/i;

/**
 * The scope paragraphs: prose before the topic list in the call's own
 * sections; with no topic list, prose in those sections that is not about
 * how to submit.
 *
 * @example
 * scopeParagraphs(paras, 12).map((p) => p.text) // ['The Internet of Everything (IoE) integrates ...', ...]
 */
export function scopeParagraphs(paras: readonly Paragraph[], topicsStart: number | undefined): Paragraph[] {
  const own = paras.filter((p) => p.section === 'scope' || p.section === 'topics');
  return topicsStart === undefined
    ? own.filter((p) => !SUBMISSION_TALK.test(p.text))
    : own.filter((p) => p.start < topicsStart);
}
