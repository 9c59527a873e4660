/**
 * Titles that copied text spreads over two lines: a quoted title whose
 * closing quote is on the next line ('Special Issue "Current Trends in ...
 * High Performance' / 'Computing (HPC) ..."'), and an announcing line with
 * no title on it ("Special Issue on:" over the title).
 */
import type { Line } from './lines.js';
import { isJournalName } from './venue-lines.js';

/**
 * Words a title does not end on in the languages calls come in: a line that ends on one goes on
 * on the next line ("Forschung für die" / "Praxis", "Políticas de" / "Memoria"). Single letters
 * other than English "a" are left out ("Vitamin E", "Plan B").
 */
export const FOREIGN_JOINING: readonly string[] = [
  // German
  'für', 'die', 'der', 'des', 'dem', 'den', 'und', 'oder', 'von', 'zur', 'zum', 'im', 'mit', 'auf', 'über', 'aus', 'bei', 'nach', 'durch', 'zwischen', 'als',
  // French
  'de', 'du', 'la', 'le', 'les', 'et', 'ou', 'en', 'pour', 'sur', 'dans', 'aux', 'au', 'par', 'entre', 'à',
  // Spanish, Italian, Portuguese
  'del', 'el', 'los', 'las', 'para', 'por', 'con', 'sobre', 'di', 'della', 'dei', 'degli', 'delle', 'il', 'gli', 'per', 'tra', 'fra', 'nel', 'nella',
  'do', 'da', 'dos', 'das', 'os', 'as', 'em', 'no', 'na', 'nos', 'nas', 'com',
];
/** The English joining words and {@link FOREIGN_JOINING} as one alternation, for a `\b(?:...)$` test. */
export const JOINING_WORDS = ['for', 'of', 'and', 'or', 'as', 'at', 'in', 'on', 'the', 'to', 'with', 'a', 'an', 'from', 'towards?', 'via', 'by', 'between', 'into', 'among', 'through', 'beyond', 'across', ...FOREIGN_JOINING].join('|');

/** A line with only the words that announce an issue: the title is on the next line. */
const BARE_ISSUE =
  /^(?:call for papers\W*)?(?:an?\s+)?(?:special (?:issue|section|collection|feature)|article collection|research topic|themed? issue|feature topic)\s*(?:on|in|about)?\s*[:：–—-]?$/i;

const nextContent = (lines: readonly Line[], at: number): Line | undefined =>
  lines.slice(at + 1).find((l) => l.kind !== 'blank' && l.kind !== 'rule');

/**
 * The closing marks a line's last unclosed quote waits for: English “…”, German „…“ (or „…”),
 * French «…», straight "…"; undefined when every quote on the line is closed.
 */
function openQuote(text: string): RegExp | undefined {
  const german = text.lastIndexOf('„');
  if (german >= 0 && !/[“”]/.test(text.slice(german))) return /[“”]/;
  const french = text.lastIndexOf('«');
  if (french >= 0 && !text.slice(french).includes('»')) return /»/;
  const english = text.lastIndexOf('“');
  if (english >= 0 && english > german && !text.slice(english).includes('”')) return /”/;
  if ((text.match(/"/g) ?? []).length % 2 === 1) return /"/;
  return undefined;
}

/**
 * The line's text, joined with the next line when it opens a quote the next
 * line closes.
 *
 * @example
 * withClosedQuote(toLines('Special Issue "Soil Carbon and\nWater"'), 0) // 'Special Issue "Soil Carbon and Water"'
 */
export function withClosedQuote(lines: readonly Line[], at: number): string {
  const text = lines[at]?.text ?? '';
  const close = openQuote(text);
  if (!close) return text;
  const next = nextContent(lines, at);
  if (!next || next.text.length > 200 || !close.test(next.text)) return text;
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
