/**
 * Titles that copied text spreads over two lines: a quoted title whose
 * closing quote is on the next line ('Special Issue "Current Trends in ...
 * High Performance' / 'Computing (HPC) ..."'), and an announcing line with
 * no title on it ("Special Issue on:" over the title).
 */
import type { Line } from './lines.js';
import { isJournalName } from './venue-lines.js';

/** A line with only the words that announce an issue: the title is on the next line. */
const BARE_ISSUE =
  /^(?:call for papers\W*)?(?:an?\s+)?(?:special (?:issue|section|collection|feature)|article collection|research topic|themed? issue|feature topic)\s*(?:on|in|about)?\s*[:：–—-]?$/i;

const nextContent = (lines: readonly Line[], at: number): Line | undefined =>
  lines.slice(at + 1).find((l) => l.kind !== 'blank' && l.kind !== 'rule');

/**
 * The line's text, joined with the next line when it opens a quote the next
 * line closes.
 *
 * @example
 * withClosedQuote(toLines('Special Issue "Soil Carbon and\nWater"'), 0) // 'Special Issue "Soil Carbon and Water"'
 */
export function withClosedQuote(lines: readonly Line[], at: number): string {
  const text = lines[at]?.text ?? '';
  const open = (text.includes('“') && !text.includes('”')) || (text.match(/"/g) ?? []).length % 2 === 1;
  if (!open) return text;
  const next = nextContent(lines, at);
  if (!next || next.text.length > 200 || !/[”"]/.test(next.text)) return text;
  return `${text} ${next.text}`;
}

/**
 * The title under a bare announcing line ("Special Issue on:"), as its
 * line index; undefined when the line announces nothing or has a title.
 *
 * @example
 * titleUnderBare(toLines('Special Issue on:\nSoil Carbon Markets'), 0) // 1
 */
export function titleUnderBare(lines: readonly Line[], at: number): number | undefined {
  const text = (lines[at]?.text ?? '').trim();
  let next = nextContent(lines, at);
  // "Special Issue" / "<Journal>" / "<Title>": a masthead puts the journal between the issue words and the title.
  if (next && isJournalName(next.text.trim())) next = nextContent(lines, next.index);
  // "... a special issue of the X journal:" over a quoted title: the sentence leads into the issue's name.
  const leadsIn = /\bspecial (?:issue|section|collection)\b[^.]{0,80}[:：]$/i.test(text) && /^[“"][^”"]{4,200}[”"]$/.test(next?.text ?? '');
  if (!BARE_ISSUE.test(text) && !leadsIn) return undefined;
  if (!next || next.kind === 'bullet' || next.text.length > 200 || /https?:|@/.test(next.text) || next.text.split(/\s+/).length < 2) return undefined;
  return next.index;
}
