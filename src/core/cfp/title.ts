/**
 * The call's title, and the venue named next to it: a `Title:` line, a
 * "Special Issue: X" heading, another non-generic heading, a quoted
 * feature-topic title in the prose, or (last) a title synthesised from the
 * "aims to explore ..." sentence.
 */
import type { Line } from './lines.js';
import { acronymsIn, expandAcronyms } from './acronyms.js';
import { sectionKindOf } from './sections.js';
import { chooseVenue, nearJournal, titleFromLines } from './title-lines.js';
import { isJournalName } from './venue-lines.js';
import { cleanTitle, cleanVenue, fromSpecial, isGenericTitle } from './title-parts.js';
import { fieldTitle, namesNoIssue } from './title-announce.js';

export { cleanTitle, cleanVenue, fromSpecial, isGenericTitle } from './title-parts.js';

export interface TitleResult {
  title?: string;
  /** A venue the title line names ("IEEE IoT Journal Special Issue: ..."). */
  venue?: string;
  /** How the title was found; `synthesised` titles get a warning. */
  source: 'field' | 'heading' | 'quoted' | 'synthesised' | 'none';
  /** Lines that held the title (not scope prose). */
  lines: number[];
}

/** The cascade's ways, in its order: the learned chooser reads which way found a candidate as a feature. */
export const CASCADE_WAYS = ['field', 'special-heading', 'entitled', 'call-on', 'first-lines', 'quoted-feature', 'issue-named', 'synthesised'] as const;

/** One cascade way's answer, kept whether or not the cascade took it. */
export interface TriedWay {
  way: string;
  result: TitleResult | undefined;
}

/** Labelled fields of a call's header; "Theme:" names the issue and "Publication:" its journal, as calls circulated by mailing lists write them. */
const FIELD = /^(title|theme|journal|venue|publication|publisher)\s*[:：]\s*(.+)$/i;
/** A "Publication:" value that is a journal's name, not a date or a mode of publication ("Immediate after acceptance"): capitalised words only. */
const NAME_VALUE = /^[\p{Lu}\d][\p{L}\d’'&-]*(?:[ ,.:]+(?:of|and|on|for|in|the|an?|&|[\p{Lu}\d][\p{L}\d’'&-]*))*[,.:]?$/u;
export const QUOTED =
  /\b(?:feature topic|special (?:issue|section)|themed? issue|focus issue)\s+(?:of|on|entitled|titled|called|named)?\s*[“"‘']([^”"’'“]{8,250})[”"’'“]/i;
/** "... a Special Issue of Sustainability entitled ‘X’", "... on the topic "X"": a named issue, surer than any heading. */
export const ENTITLED =
  /\b(?:special[\s-](?:issue|section|collection)|themed? issue|focus issue|feature topic)\b[^.“"‘]{0,60}?\b(?:entitled|titled|called|named|on the (?:topic|theme))\s*[“"‘']([^”"’'“‘]{8,250})[”"’'“‘]/i;
/** "The issue entitled Soil Carbon will be published in ...": an unquoted capitalised name, ended by the sentence's verb or a comma. */
export const ENTITLED_PLAIN =
  /\b(?:special[\s-](?:issue|section|collection)|themed? issue|issue|collection)\s+(?:is\s+)?(?:entitled|titled)\s+([\p{Lu}][^.,;:“”"\n]{3,150}?)\s*(?:,|\.\s|\s(?:will|is|which|to be|shall)\b)/u;
/** "This year’s topic is “X.”": the theme a call quotes is the issue's name. */
export const THEME_IS = /\b(?:topic|theme)(?:\s+of\s+(?:the|this)\s+(?:special\s+)?issue)?\s+(?:is|will be)\s*[“"]([^”"“]{8,250})[”"]/i;
/** "the upcoming themed issue Creating the Medieval Now, which ...": a capitalised name straight after the issue words, ended by a comma. */
export const ISSUE_NAMED = /\b(?:[Ss]pecial|[Tt]hemed?|[Uu]pcoming) [Ii]ssue ((?:[\p{Lu}][\p{L}’'-]*)(?: (?:of|and|on|for|in|the|a|an|to|[\p{Lu}][\p{L}’'-]*)){1,12}),/u;
/** "our open-access special-issue call on “X”": a quoted name straight after "special issue (call) on" is as sure as "entitled". */
export const CALL_ON = /\bspecial[\s-](?:issue|section|collection)(?:\s+call)?\s+on\s+[“"]([^”"“]{8,250})[”"]/i;
/** "X invites papers for a special issue on Y.", "... is pleased to announce a call for papers for Issue 31.1: Y.": the issue named in the sentence that announces it. */
export const INVITED_ISSUE =
  /\b(?:invites?|announce[sd]?|(?:is|are)\s+(?:calling\s+for|seeking|inviting|welcoming))\s+(?:papers|submissions|contributions|a call for (?:papers|submissions))\s+(?:for|to)\s+(?:a\s+|an\s+|the\s+|our\s+|its\s+)?(?:(?:special|themed?|next)\s+)?(?:issue|collection|research topic)(?:\s+\d+(?:\.\d+)?)?\s*(?:\bon\b|[:：])\s+([^.;:]{4,150}?)\.(?:\s|$)/i;
/** "... is calling for submissions to our “X” Collection": the collection's name before its issue word, its quotes sometimes lost or left open. */
export const NAMED_COLLECTION =
  /\b(?:submissions|papers|contributions|articles|manuscripts)\s+(?:to|for)\s+(?:our|its)\s+[“"‘]?([\p{Lu}][^.“”"’\n]{3,150}?)[”"’]?\s+(?:[Cc]ollection|[Ss]pecial [Ii]ssue|[Rr]esearch [Tt]opic|[Tt]hemed [Ii]ssue)\b/u;
/** "eLife is pleased to announce Mechanistic microbiome studies: a Special Issue": the issue named in the announcing sentence. */
export const ANNOUNCED =
  /\bannounc(?:e|es|ing)\s+(?:the\s+|a\s+new\s+)?([\p{Lu}][^.:;“”"]{3,150}?)\s*[:,–—-]\s*an?\s+(?:new\s+)?(?:[Ss]pecial [Ii]ssue|[Ss]pecial [Cc]ollection|[Tt]hemed? [Ii]ssue|[Cc]ollection)\b/u;
const AIM =
  /\b(?:aims?|seeks?|intends?|sets? out|is dedicated)\s+(?:to|at)\s+(?:[^.]{0,120}?\b)?(?:explor(?:e|ing)|investigat(?:e|ing)|address(?:ing)?|examin(?:e|ing)|stud(?:y|ying)|showcas(?:e|ing))\s+([^.;:]{8,300})|\bfocus(?:es|ed)?\s+(?:this (?:special )?issue\s+)?on\s+([^.;:]{8,300})/i;

export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
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
 * findTitle(toLines('## IEEE IoT Journal Special Issue: Symbiotic IoT'), '', [])
 * // { title: 'Symbiotic IoT', venue: 'IEEE IoT Journal', source: 'heading', lines: [0] }
 */
export function findTitle(lines: readonly Line[], prose: string, venues: readonly string[] = []): TitleResult & { fields: Record<string, string>; tried: TriedWay[] } {
  const fields: Record<string, string> = {};
  const fieldLines: number[] = [];
  for (const l of lines) {
    // A copied page's field label alone on its line ("Title:" / "Planning for ..."): the value is the next line.
    const below = /^title\s*[:：]\s*$/i.test(l.text) ? lines.slice(l.index + 1).find((n) => n.kind !== 'blank') : undefined;
    const text = below && below.kind !== 'heading' && below.text.length <= 250 ? `${l.text.trim()} ${below.text}` : l.text;
    const m = l.kind === 'text' || l.kind === 'heading' ? FIELD.exec(text) : null;
    const key = m?.[1]?.toLowerCase() === 'theme' ? 'title' : m?.[1]?.toLowerCase() === 'publication' ? 'venue' : m?.[1]?.toLowerCase();
    const value = m?.[2]?.trim() ?? '';
    // A "Theme:" that is a paragraph describes the issue; a "Publication:" with a year is a date.
    // A generic "title:" (a blog post's front matter: "Call for papers for a special issue (until June 2024)") names no issue.
    const fits =
      key === 'title'
        ? !isGenericTitle(cleanTitle(value)) && (m?.[1]?.toLowerCase() !== 'theme' || (value.split(/\s+/).length <= 25 && !/[.!]\s/.test(value)))
        : key !== 'venue' || (value.length <= 200 && NAME_VALUE.test(value) && !/\b(?:19|20)\d{2}\b/.test(value));
    if (m && key && !(key in fields) && fits) {
      fields[key] = cleanTitle(m[2] ?? '');
      fieldLines.push(l.index);
    }
  }
  const venueField = cleanVenue(fields['journal'] ?? fields['venue'] ?? '') || undefined;
  const withVenue = (r: TitleResult): TitleResult & { fields: Record<string, string> } => ({
    ...r,
    ...(venueField ? { venue: venueField } : {}),
    fields,
    lines: [...r.lines, ...fieldLines],
  });
  const headings = lines.filter((l) => l.kind === 'heading' && l.text.length > 0);
  const whole = lines.map((l) => l.text).join(' ');
  let fromLines: ReturnType<typeof titleFromLines> | null = null;
  const notOnlyVenue = (t: string) => !namesNoIssue(t, [...venues, ...(venueField ? [venueField] : [])]);
  const linesTitle = () => (fromLines === null ? (fromLines = titleFromLines(lines, notOnlyVenue)) : fromLines);
  // Ways a call names its issue, surest first; each gives a title or nothing.
  const candidates: Array<() => TitleResult | undefined> = [
    () => {
      if (!fields['title']) return undefined;
      const sp = fieldTitle(fields['title']);
      return { title: sp.title, ...(sp.venue ? { venue: sp.venue } : {}), source: 'field', lines: [] };
    },
    () => {
      for (const h of headings) {
        const sp = fromSpecial(h.text);
        if (!sp) continue;
        // The same issue announced on other lines (an e-mail's subject) may name the journal; a journal line near either spells it out.
        const others = lines.filter((l) => l.kind === 'text' && l.index < h.index + 15 && fromSpecial(l.text)?.title.toLowerCase() === sp.title.toLowerCase());
        const beside = sp.venue ?? others.map((l) => fromSpecial(l.text)?.venue).find((v) => v !== undefined);
        const venue = chooseVenue(beside, nearJournal(lines, [h.index, ...others.map((l) => l.index)]));
        return { title: sp.title, ...(venue ? { venue } : {}), source: 'heading', lines: [h.index] };
      }
      return undefined;
    },
    () => {
      const entitled = ENTITLED.exec(prose) ?? ANNOUNCED.exec(prose) ?? THEME_IS.exec(prose) ?? ENTITLED_PLAIN.exec(prose);
      return entitled?.[1] ? { title: cleanTitle(entitled[1]), source: 'quoted', lines: [] } : undefined;
    },
    () => {
      // All the text, not only the prose: a one-line page's announcing sentence shares its line with the deadline.
      const callOn = CALL_ON.exec(whole)?.[1] ?? NAMED_COLLECTION.exec(whole)?.[1] ?? capitalise(INVITED_ISSUE.exec(whole)?.[1] ?? '');
      const fl = linesTitle();
      // The journal the first lines name still names the venue of an issue named in the prose.
      return callOn && !fl?.announced ? { title: cleanTitle(callOn), ...(fl?.venue ? { venue: fl.venue } : {}), source: 'quoted', lines: [] } : undefined;
    },
    () => {
      const fl = linesTitle();
      // A heading that is the journal's name ("Applied Stochastic Models in Business and Industry (ASMBI)") names the venue, not the issue.
      const named = headings.find((h) => !isGenericTitle(h.text) && sectionKindOf(h.text) === 'scope' && /\s/.test(h.text) && !isJournalName(h.text));
      // A title-like first line before any heading beats a later heading (pages put the title first).
      if (fl && (!named || fl.line < named.index)) return { title: fl.title, ...(fl.venue ? { venue: fl.venue } : {}), source: 'heading', lines: [fl.line] };
      return named ? { title: cleanTitle(named.text), source: 'heading', lines: [named.index] } : undefined;
    },
    () => {
      const quoted = QUOTED.exec(prose);
      return quoted?.[1] ? { title: cleanTitle(quoted[1]), source: 'quoted', lines: [] } : undefined;
    },
    () => {
      const named = ISSUE_NAMED.exec(whole)?.[1];
      return named && named.split(' ').length >= 2 ? { title: named, source: 'quoted', lines: [] } : undefined;
    },
    () => {
      const synth = synthesiseTitle(prose);
      return synth ? { title: synth, source: 'synthesised', lines: [] } : undefined;
    },
  ];
  // Every way's answer is kept (the learned chooser weighs them all); the cascade takes the first that names an issue.
  const tried = candidates.map((next, i) => ({ way: CASCADE_WAYS[i] ?? `way-${i}`, result: next() }));
  for (const { result: r } of tried) {
    // A "title" that only announces a call in a journal ("Call for papers for a special issue of X") names no issue: the next way may.
    // Page and mail furniture ("Search", a digest header, "Editors: ...") names no issue either.
    if (r?.title && !namesNoIssue(r.title, [...venues, ...(r.venue ? [r.venue] : []), ...(venueField ? [venueField] : [])])) return { ...withVenue(r), tried };
  }
  return { ...withVenue({ source: 'none', lines: [] }), tried };
}
