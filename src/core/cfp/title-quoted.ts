/**
 * An announcement that quotes the issue's name among its own words
 * ("Special issue, "Cultural Heritage in Crisis," Library Trends",
 * "Calls: Sociolinguistics - "Special Issue: X" (Jrnl)", "*CFP* "X", SPECIAL
 * ISSUE, JOURNAL"): the quotes mark the name; what is around them is the
 * announcement and the journal, never part of the title.
 */
import { cleanTitle, fromSpecial } from './title-parts.js';

const QUOTE = /[“"«„]([^“”"«»„]{4,250})[”"»“]/g;
/** Words that make the text around the quotes an announcement. */
const ANNOUNCING = /\b(?:special[\s-](?:issue|section|collection)|themed? issue|call for (?:papers|submissions|contributions|abstracts)|cfp|calls?|theme|entitled|titled|appel à (?:contributions?|communications?|articles?|textes)|dossier|th[eè]me|chamada|convocatoria|themenheft)(?![\p{L}])/iu;

/**
 * The quoted issue name in an announcing line, or undefined when the line
 * quotes nothing, quotes more than one thing, or does not announce.
 *
 * @example
 * quotedIssue('Special issue, "Cultural Heritage in Crisis," Library Trends') // 'Cultural Heritage in Crisis'
 * quotedIssue('Calls: Linguistics - "Special Issue: Soil Words" (Jrnl)') // 'Soil Words'
 * quotedIssue('Subject: Linguistics - "Special Issue: Soil Words" (Jrnl)') // 'Soil Words'
 * quotedIssue('A "New" Deal for Soil') // undefined
 */
export function quotedIssue(text: string): string | undefined {
  const quotes = [...text.matchAll(QUOTE)];
  if (quotes.length !== 1 || !quotes[0]?.[1]) return undefined;
  const inner = quotes[0][1].trim();
  const at = quotes[0].index ?? 0;
  // The announcement beside the quotes (a mail run into one line has other prose further off): eight words before, four after.
  const before = text.slice(0, at).split(/\s+/).filter(Boolean).slice(-8).join(' ');
  const after = text.slice(at + quotes[0][0].length).split(/\s+/).filter(Boolean).slice(0, 4).join(' ');
  // "This special issue belongs to the section "X"": the quotes name a section or a series, not the issue.
  if (/\b(?:section|series|category|keywords?|journal)\s*$/i.test(before)) return undefined;
  if (!(ANNOUNCING.test(`${before} ${after}`) || fromSpecial(inner) !== undefined) || inner.split(/\s+/).length < 2) return undefined;
  const title = cleanTitle((fromSpecial(inner)?.title ?? inner).replace(/[,;:.]+$/, ''));
  return title.split(/\s+/).length >= 2 ? title : undefined;
}
