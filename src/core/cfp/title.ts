/**
 * The call's title, and the venue named next to it: a `Title:` line, a
 * "Special Issue: X" heading, another non-generic heading, a quoted
 * feature-topic title in the prose, or (last) a title synthesised from the
 * "aims to explore ..." sentence.
 */
import type { Line } from './lines.js';
import { acronymsIn, expandAcronyms } from './acronyms.js';
import { sectionKindOf } from './sections.js';
import { titleFromLines } from './title-lines.js';

export interface TitleResult {
  title?: string;
  /** A venue the title line names ("IEEE IoT Journal Special Issue: ..."). */
  venue?: string;
  /** How the title was found; `synthesised` titles get a warning. */
  source: 'field' | 'heading' | 'quoted' | 'synthesised' | 'none';
  /** Lines that held the title (not scope prose). */
  lines: number[];
}

const FIELD = /^(title|journal|venue|publisher)\s*[:：]\s*(.+)$/i;
const SPECIAL = /^(.*?)\b(?:special (?:issue|section)|feature topic|focus(?:ed)? issue|themed? issue)\s*(?:on|:|–|—|-)\s*(.+)$/i;
/** Page and section headings that are never a call's title. */
const GENERIC =
  /^(?:(?:current |open |new |upcoming )?calls? for (?:papers|contributions|submissions|abstracts|proposals)(?: for (?:a |the )?special issues?)?|cfp|(?:(?:current|open|upcoming) )?special (?:issues?|collections?)(?: information)?|important dates|key dates|guest editors?|special issue editors?|submission guidelines?|topics(?: of interest)?|scope|aims and scope|overview|background|introduction|dear colleagues|home|welcome|news|announcements?|submit a manuscript\b.*|welcome to the\b.*call for papers!?|keywords|editors?|editorial board|about (?:the|this) (?:journal|special issue|research topic))$/i;

/**
 * Whether a heading is a page or section heading rather than a call's title.
 *
 * @example
 * isGenericTitle('Current Calls for Papers') // true
 * isGenericTitle('Soil Health and Food Security') // false
 */
export function isGenericTitle(s: string): boolean {
  return GENERIC.test(s.replace(/[:!.\s]+$/, '').trim());
}
const QUOTED =
  /\b(?:feature topic|special (?:issue|section)|themed? issue|focus issue)\s+(?:of|on|entitled|titled|called|named)?\s*[“"‘']([^”"’'“]{8,250})[”"’'“]/i;
/** "... a Special Issue of Sustainability entitled ‘X’", "... on the topic "X"": a named issue, surer than any heading. */
const ENTITLED =
  /\b(?:special (?:issue|section|collection)|themed? issue|focus issue|feature topic)\b[^.“"‘]{0,60}?\b(?:entitled|titled|called|named|on the (?:topic|theme))\s*[“"‘']([^”"’'“]{8,250})[”"’'“]/i;
const AIM =
  /\b(?:aims?|seeks?|intends?|sets? out|is dedicated)\s+(?:to|at)\s+(?:[^.]{0,120}?\b)?(?:explor(?:e|ing)|investigat(?:e|ing)|address(?:ing)?|examin(?:e|ing)|stud(?:y|ying)|showcas(?:e|ing))\s+([^.;:]{8,300})|\bfocus(?:es)? on\s+([^.;:]{8,300})/i;

/** Strip quotes, markdown leftovers and trailing punctuation. */
export function cleanTitle(s: string): string {
  return s
    .replace(/^[\s“"‘'«]+|[\s”"’'»]+$/g, '')
    .replace(/^call for papers\s*[:\-–—]\s*/i, '')
    .replace(/[\s.:;,]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The journal named before "Special Issue": announcement words, labels
 * ("Publication and issue:"), issue numbers and years removed; '' when no
 * capitalised name is left ("Call for Papers for the").
 *
 * @example
 * cleanVenue('Publication and issue: From the European South, no. 19, Fall 2026.') // 'From the European South'
 */
export function cleanVenue(raw: string): string {
  const v = raw
    .replace(/^.*[:：]\s*(?=\S)/, '')
    .replace(/^(?:call for (?:papers|proposals|submissions)\b[\s:-]*)/i, '')
    .replace(/,?\s*(?:no\.|vol\.|volume|issue)\s*\d.*$/i, '')
    .replace(/[\s:,.–—-]+$/, '')
    .replace(/^(?:(?:for|of|in|to)\s+)?(?:the|a|an)?\s*/i, '')
    .trim();
  return /\p{Lu}/u.test(v) && !/^(?:for|of|the|a|an)$/i.test(v) ? v : '';
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * "Venue Special Issue on Title" split into title and venue.
 *
 * @example
 * fromSpecial('IEEE IoT Journal Special Issue: Symbiotic IoT') // { title: 'Symbiotic IoT', venue: 'IEEE IoT Journal' }
 */
export function fromSpecial(text: string): { title: string; venue?: string } | undefined {
  const m = SPECIAL.exec(text);
  if (!m) return undefined;
  const title = cleanTitle(m[2] ?? '');
  const venue = cleanVenue(m[1] ?? '');
  if (title.length < 3) return undefined;
  return { title, ...(venue.length > 2 && venue.length < 80 ? { venue } : {}) };
}

/**
 * Synthesise a title from the sentence saying what the issue aims to explore.
 *
 * @example
 * synthesiseTitle('This SI aims to engage researchers to explore the in-depth integration of Large AI Models (LAMs) with the IoE, focusing on ...')
 * // 'In-depth integration of Large AI Models with the IoE'
 */
export function synthesiseTitle(prose: string): string | undefined {
  const m = AIM.exec(prose);
  const raw = m?.[1] ?? m?.[2];
  if (!raw) return undefined;
  let phrase = raw.split(/,|\s+(?:focusing|by|in order|through|so that|which|while|as well as|from the)\b/)[0] ?? '';
  phrase = expandAcronyms(phrase.trim().replace(/^(?:the|a|an|how)\s+/i, ''), acronymsIn(prose));
  const words = phrase.split(/\s+/).filter(Boolean);
  if (words.length < 2) return undefined;
  return capitalise(cleanTitle(words.slice(0, 16).join(' ')));
}

/**
 * Find the title (and a venue named beside it).
 *
 * @example
 * findTitle(toLines('## IEEE IoT Journal Special Issue: Symbiotic IoT'), '')
 * // { title: 'Symbiotic IoT', venue: 'IEEE IoT Journal', source: 'heading', lines: [0] }
 */
export function findTitle(lines: readonly Line[], prose: string): TitleResult & { fields: Record<string, string> } {
  const fields: Record<string, string> = {};
  const fieldLines: number[] = [];
  for (const l of lines) {
    const m = l.kind === 'text' || l.kind === 'heading' ? FIELD.exec(l.text) : null;
    if (m && !(m[1]!.toLowerCase() in fields)) {
      fields[m[1]!.toLowerCase()] = cleanTitle(m[2] ?? '');
      fieldLines.push(l.index);
    }
  }
  const venueField = fields['journal'] ?? fields['venue'];
  const withVenue = (r: TitleResult): TitleResult & { fields: Record<string, string> } => ({
    ...r,
    ...(venueField ? { venue: venueField } : {}),
    fields,
    lines: [...r.lines, ...fieldLines],
  });
  if (fields['title']) {
    const sp = fromSpecial(fields['title']);
    return withVenue({ title: sp?.title ?? fields['title'], ...(sp?.venue ? { venue: sp.venue } : {}), source: 'field', lines: [] });
  }
  const headings = lines.filter((l) => l.kind === 'heading' && l.text.length > 0);
  for (const h of headings) {
    const sp = fromSpecial(h.text);
    if (sp) return withVenue({ ...sp, source: 'heading', lines: [h.index] });
  }
  const entitled = ENTITLED.exec(prose);
  if (entitled?.[1]) return withVenue({ title: cleanTitle(entitled[1]), source: 'quoted', lines: [] });
  // A first line saying "Special Issue on X" is a title even without heading markup.
  const first = lines.find((l) => l.kind !== 'blank');
  if (first && first.kind === 'text' && first.text.length < 300) {
    const sp = fromSpecial(first.text);
    if (sp) return withVenue({ ...sp, source: 'heading', lines: [first.index] });
  }
  const named = headings.find((h) => !isGenericTitle(h.text) && sectionKindOf(h.text) === 'scope' && /\s/.test(h.text));
  const fromLines = titleFromLines(lines);
  // A title-like first line before any heading beats a later heading (pages put the title first).
  if (fromLines && (!named || fromLines.line < named.index)) {
    return withVenue({ title: fromLines.title, ...(fromLines.venue ? { venue: fromLines.venue } : {}), source: 'heading', lines: [fromLines.line] });
  }
  if (named) return withVenue({ title: cleanTitle(named.text), source: 'heading', lines: [named.index] });
  const quoted = QUOTED.exec(prose);
  if (quoted?.[1]) return withVenue({ title: cleanTitle(quoted[1]), source: 'quoted', lines: [] });
  const synth = synthesiseTitle(prose);
  if (synth) return withVenue({ title: synth, source: 'synthesised', lines: [] });
  return withVenue({ source: 'none', lines: [] });
}
