/**
 * Every plausible title of a call, for the learned chooser: each cascade way's
 * answer (title.ts), each announcing pattern on its own, the announcing,
 * quoted and title-like first lines, every heading, short blocks of two or
 * three lines near the top read as one (a wrapped title), a page's meta and heading
 * titles, and variants of each (the issue words stripped, the venue tail
 * dropped). A candidate found by several sources is one candidate that
 * remembers them all: agreement between sources is itself evidence.
 */
import type { FieldSource } from '../schema.js';
import type { Line } from './lines.js';
import {
  ANNOUNCED, CALL_ON, capitalise, ENTITLED, ENTITLED_PLAIN, INVITED_ISSUE, ISSUE_NAMED, NAMED_COLLECTION, QUOTED, THEME_IS,
  type TitleResult, type TriedWay,
} from './title.js';
import { cleanTitle, fromSpecial } from './title-parts.js';
import { fromAnnouncement, titleFromLines, titleLike } from './title-lines.js';
import { quotedIssue } from './title-quoted.js';
import { HOME_WORDS, isFurnitureTitle } from './title-sanity.js';
import { withoutVenueTail } from './title-venue.js';
import { isJournalName } from './venue-lines.js';
import { afterLeadIn, sidesOf, withoutFurniturePieces } from './title-sides.js';
import { EDS_MARK } from './names.js';
import { continuesAsList } from './venue-widen.js';
import { betweenAnnouncements, joinedLines, quotedAnnounced, titleCaseAfterIssue } from './title-runon.js';

/** A breadcrumb's first word run into the name ("AccueilÉpistémologies du pluriel"); case-sensitive, so "Homework" stays whole. */
const HOME_RUN_IN = new RegExp(`^(?:${HOME_WORDS.join('|')})(?=\\p{Lu}\\p{Ll})`, 'u');

/** A title candidate from a web page's own markup (meta, `<h1>`, `<title>`), found before the page is turned into text. */
export interface PageTitle {
  text: string;
  /** Which part of the page: `page-reader`, `page-meta`, `page-announcing`, `page-h1`, `page-heading`, `page-doctitle`, or `page-raw` (any of them as written). */
  source: string;
  where: FieldSource;
  /** A document `<title>` the page body never repeats (a site's label for every page). */
  unrepeated?: boolean;
}

export interface TitleCandidate {
  text: string;
  /** Every source that produced this text (`way:<cascade way>`, `entitled`, `heading-line`, `page-h1`, `variant-tail`, ...). */
  sources: string[];
  /** Lines of the text that hold it (empty for prose matches and page markup). */
  lines: number[];
  venue?: string;
  /** How the parser reports it (field provenance and the synthesised warning). */
  kind: TitleResult['source'] | 'page' | 'scope-start';
  page?: FieldSource;
  unrepeated?: boolean;
}

const key = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

const PROSE_PATTERNS: Array<[string, RegExp, 'prose' | 'whole']> = [
  ['entitled', ENTITLED, 'prose'], ['announced', ANNOUNCED, 'prose'], ['theme-is', THEME_IS, 'prose'], ['entitled-plain', ENTITLED_PLAIN, 'prose'],
  ['call-on', CALL_ON, 'whole'], ['named-collection', NAMED_COLLECTION, 'whole'], ['invited-issue', INVITED_ISSUE, 'whole'],
  ['quoted-feature', QUOTED, 'prose'], ['issue-named', ISSUE_NAMED, 'whole'],
];

/**
 * Quoted phrases anywhere in the text (“X”, "X", „X“, «X»): calls quote their theme in the prose ("invites submissions on the “X”").
 * Between curly quotes and guillemets, whose opening and closing marks differ, a phrase may go on over one line break (a
 * hard-wrapped copy: 'Schwerpunktthema „Anerkennung ... Bildung?' / 'Religionspädagogische Herausforderungen ...“').
 */
const QUOTES = /“([^“”\n]{2,200}(?:\n[^“”\n]{1,200})?)”|"([^"\n]{2,200})"|„([^„“”\n]{2,200}(?:\n[^„“”\n]{1,200})?)[“”]|«([^«»\n]{2,200}(?:\n[^«»\n]{1,200})?)»|‘([^‘’\n]{2,200})’(?!\p{L})/gu;

/** Words before a quote that make it a name of the issue rather than a document's or a section's ("see the “Information for Authors”"). */
const NAMING = /(?:\b(?:issue|theme|themed|topic|collection|section|focus|entitled|titled|called|named|intitul[ée]e?s?|intitolat[oa]|titulad[oa]|intitulad[oa]|mit dem titel|around|on|into|explore|exploration of|dossier|tema|thema|themenheft|schwerpunkt(?:thema|heft)?|numero|appel à contributions?|consacr[ée]e?s? (?:à|au|aux)|d[ée]di[ée]e?s? (?:à|au|aux)|dedicad[oa]s? (?:a|ao|à)|dedicat[oa] (?:a|al|alla)|gewidmet)|th[eè]me|th[ée]matique|num[ée]ro|n[o°º]\.?\s*\d+)(?:\s*[:：])?[^.;:]{0,25}$/i;

function quotedPhrases(text: string): string[] {
  return [...text.matchAll(QUOTES)]
    .slice(0, 40)
    .filter((m) => NAMING.test(text.slice(Math.max(0, (m.index ?? 0) - 60), m.index ?? 0)))
    .map((m) => (m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5] ?? '').replace(/\s*\n\s*/, ' ').trim().replace(/[.,;:]+$/, ''))
    .filter((q) => q.split(/\s+/).length <= 20 && /\p{L}{3}/u.test(q));
}

/**
 * Shorter readings of a candidate: a leading year dropped ("2026 Emerging Media ..."), the prose after
 * the name cut ("X to be published in 2020"), each side of a colon ("IEEE X 2023: The 14th ...").
 */
function cuts(text: string): string[] {
  const out: string[] = [];
  const year = /^(?:19|20)\d{2}\s+(.{4,})$/.exec(text)?.[1];
  if (year) out.push(year);
  const cut = /^(.{4,}?),?\s+(?:to be (?:published|released)|will be|which|that will|is (?:a|an|the)|are)\b/i.exec(text)?.[1];
  if (cut) out.push(cut);
  // The name with the call's own verb after it ("Special Issue in Memory of X calls for papers") or its acronym ("X (GASHES-21)").
  const calls = /^(.{8,}?)\s+(?:calls?|invites?|welcomes?|seeks?)\s+(?:for\s+)?(?:papers|submissions|contributions|manuscripts|articles)\W*$/i.exec(text)?.[1];
  if (calls) out.push(calls);
  // A quoted name before the issue's kind, its opening quote already gone ('Fashion" Special Issue').
  const quotedKind = /^[“"]?([^“”"]{3,150})[”"]\s+(?:[Ss]pecial|[Tt]hemed?|[Tt]hematic|[Ff]ocus)\s+(?:[Ii]ssue|[Ss]ection|[Cc]ollection)\b/.exec(text)?.[1];
  if (quotedKind) out.push(quotedKind);
  // The issue's number in brackets after the name, and whatever the line adds after it ("X [Issue 14.1]: Last date to submit ...").
  const numbered = /^(.{8,}?)\s*\[(?:[Ii]ssue|[Vv]ol(?:ume)?|[Nn]o|[Nn]umber)\.?\s*\d[^\]]{0,20}\]/.exec(text)?.[1];
  if (numbered) out.push(numbered);
  // What the issue is, in brackets after its name, once or repeated ("X (NHESS/BG/HESS inter-journal SI)(NHESS/BG/HESS inter-journal SI)").
  const kindInBrackets = /^(.{8,}?)\s*(?:\((?:[^()]*\b(?:SI|special issue|inter-journal|joint issue|collection)\b[^()]*)\)\s*)+$/i.exec(text)?.[1];
  if (kindInBrackets) out.push(kindInBrackets);
  // The name after its journal, named by kind and in quotation marks ("CFP: Jahrbuch „Prace X“: Y. Z", "Revista «X»: Y").
  const afterJournal = /^(?:(?:CFP|Call for Papers)\s*:\s*)?(?:Jahrbuch|Zeitschrift|Journal|Yearbook|Revue|Revista|Rivista)\s+[„“"«‘]\s?[^”“"»’„]{2,80}?\s?[“”"»’]\s*[:–—-]\s*(.{4,})$/u.exec(text)?.[1];
  if (afterJournal) out.push(afterJournal.replace(/\s*\(\d{1,2}\.\d{1,2}\.\d{4}\)$/, ''));
  // The name before its editors after a dash ("X – Eds A, B, C").
  const beforeEds = BEFORE_EDS.exec(text)?.[1];
  if (beforeEds) out.push(beforeEds);
  // The name before its guest editors on one line ("X? Guest Editors: A and B ...").
  const beforeEditors = /^(.{8,200}?)\s+(?:[Gg]uest\s+)?[Ee]ditors?\s*:/.exec(text)?.[1];
  if (beforeEditors) out.push(beforeEditors);
  const acronym = /^(.{8,}?)\s*\((?:\p{Lu}[\p{Lu}\d&]{1,14})(?:[-–\s]?(?:19|20)?\d{2})?\)\s*$/u.exec(text)?.[1];
  if (acronym && acronym.split(/\s+/).length >= 3) out.push(acronym);
  // Each side of a colon, then of a dash: a status or announcement before the name, the journal or "Call for Papers" after it
  // ("IEEE X 2023: The 14th ...", "CLOSED—X", "X – Geographical Research"); the name after an announcement or a prose lead-in.
  for (const [a, b] of sidesOf(text)) out.push(a, b);
  const piece = withoutFurniturePieces(text, []);
  if (piece) out.push(piece);
  const lead = afterLeadIn(text);
  if (lead) out.push(lead);
  // A bracketed part: the journal outside and the issue inside ("Environmental Geotechnics (Sustainable Recycling of Geo-Waste)"),
  // or the issue outside and its volume inside ("Systematic Musicology (vol. 29, issue June 2019)").
  const bracket = /^(.{3,}?)\s*\(([^()]{8,})\)\s*$/.exec(text);
  if (bracket?.[1] && bracket[2]) {
    if (bracket[2].split(/\s+/).length >= 3 && /^\p{Lu}/u.test(bracket[2]) && !/\b(?:vol|no|issue|pp)\b\.?\s*\d|\d{4}/i.test(bracket[2])) out.push(bracket[2]);
    if (bracket[1].split(/\s+/).length >= 2) out.push(bracket[1]);
  }
  // The issue, then the journal it appears in ("Space Climate in the Journal of Space Weather and Space Climate").
  const inJournal = /^(.{4,}?)\s+(?:in|of|for)\s+(?:the\s+)?(\S.{6,})$/.exec(text);
  if (inJournal?.[1] && inJournal[2] && isJournalName(inJournal[2])) out.push(inJournal[1]);
  // A publication form named before the issue ("Public Health Reports Supplement on X", "Thematic issue on X").
  const form = /\b(?:supplement|thematic issue|topical issue|themed issue|topical collection|special collection|article collection|focus issue|(?:focus|special|thematic) (?:series|feature))\s+(?:on|about|of|for)\s+(\S.{3,})$/i.exec(text)?.[1];
  if (form) out.push(form);
  // A journal, then the issue after a comma ("Library Trends Journal, The Joy of Information").
  const comma = /^([^,]{3,80}),\s+(.{4,})$/.exec(text);
  // Not when the rest ends the journal's own name as a list does ("Journal of Health Politics, Policy and Law").
  if (comma?.[1] && comma[2] && isJournalName(comma[1]) && !continuesAsList(`, ${comma[2]}`)) out.push(comma[2]);
  return out;
}

/** Lines of a block at the top that together make one heading (a title wrapped over two or three short lines). */
function wrappedBlocks(lines: readonly Line[]): Array<{ text: string; lines: number[] }> {
  const out: Array<{ text: string; lines: number[] }> = [];
  let block: Line[] = [];
  const flush = () => {
    const words = block.reduce((n, l) => n + l.text.split(/\s+/).length, 0);
    const short = block.every((l) => l.text.length <= 120 && !/@|https?:/.test(l.text));
    if (block.length >= 2 && block.length <= 3 && short && words <= 30 && !/[.;!?]$/.test(block[0]?.text ?? '')) {
      out.push({ text: block.map((l) => l.text.trim()).join(' '), lines: block.map((l) => l.index) });
    }
    block = [];
  };
  for (const l of lines) {
    if (l.kind === 'text' || l.kind === 'heading') block.push(l);
    else flush();
  }
  flush();
  return out;
}

const DEADLINE = /\b(?:deadline|due date|last date to submit|closing date)s?\b/i;
/** A name does not end on a joining word: "For an Article Collection on" leads into the name on the next line. */
const JOINING_END = /\s(?:on|of|for|and|or|the|to|with|in|by|a|an|from|into|at|between)$/i;

/** A whole line whose sentence goes on in lower case on the next line is a hard-wrapped paragraph's first line, not a title. */
function cutSentence(text: string, at: readonly number[] | undefined, lines: readonly Line[]): boolean {
  const i = at?.length === 1 ? at[0] : undefined;
  const line = i === undefined ? undefined : lines[i];
  const next = i === undefined ? undefined : lines[i + 1];
  return line !== undefined && next?.kind === 'text' && key(line.text) === key(text) && /^\p{Ll}/u.test(next.text);
}

/**
 * The lines up to the head's last one and, when those hold no list, the first list after them: a listing of calls as bullets under
 * its headings alone ("Special Issues\n\nCall for Papers\n\n  • Special Issue on X. Guest Editors: ...") names its call in the list.
 */
function withFirstList(lines: readonly Line[], upToHead: readonly Line[]): readonly Line[] {
  if (upToHead.some((l) => l.kind === 'bullet')) return upToHead;
  let end = upToHead.length;
  while (lines[end]?.kind === 'blank') end++;
  if (lines[end]?.kind !== 'bullet') return upToHead;
  while (lines[end]?.kind === 'bullet') end++;
  return lines.slice(0, end);
}

/** The name before its editors after a dash ("X – Eds A, B, C"). */
const BEFORE_EDS = new RegExp(String.raw`^(.{8,200}?)\s+[–—-]\s+${EDS_MARK}\s+\p{Lu}`, 'u');

/** How many first content lines the line sources read: titles sit at the top of a call. */
const HEAD_LINES = 25;

/**
 * All title candidates of a call, deduplicated by their words, in the order first found.
 *
 * @example
 * const lines = toLines('Special Issue on Soil Carbon\n\nThis special issue entitled "Soil Carbon Markets" ...');
 * titleCandidates({ lines, prose: lines[2].text, tried: [], plain: '' }).map((c) => c.text)
 * // ['Soil Carbon Markets', 'Soil Carbon', 'Special Issue on Soil Carbon']
 */
export function titleCandidates(input: {
  lines: readonly Line[];
  prose: string;
  tried: readonly TriedWay[];
  /** The call's text, for the venue-tail variant. */
  plain: string;
  venue?: string;
  page?: readonly PageTitle[];
  scopeStart?: string;
}): TitleCandidate[] {
  const out = new Map<string, TitleCandidate>();
  const add = (raw: string | undefined, source: string, extra: Omit<Partial<TitleCandidate>, 'text' | 'sources'> = {}, variants = true) => {
    // Punctuation a page left in front of a line (", Humans and the Environment, ...") is no part of a name.
    // So is an ellipsis ("Call for Papers ... X" read after its announcing words).
    // And a breadcrumb's first word run into the name ("AccueilÉpistémologies du pluriel", "HomeSoil Carbon").
    const text = cleanTitle(raw ?? '').replace(/^(?:[,;:|–—-]|\.{2,}|…)\s*(?=\S)/u, '').replace(HOME_RUN_IN, '');
    const k = key(text);
    // Furniture (a search label, a digest header, a date, an editors line), a deadline's label and a phrase cut at a joining word never name an issue: they are not candidates,
    // so a text with nothing else is still refused as no call.
    // The scope's first words stay the last resort, as in the cascade, whatever they say.
    if (k.length < 3 || text.length > 300 || (source !== 'scope-start' && (isFurnitureTitle(text) || DEADLINE.test(text) || JOINING_END.test(text) || cutSentence(text, extra.lines, input.lines)))) {
      // A deadline run onto the title ("US Election Series: Proposal Deadline Extended"): its other part may still be the name.
      if (variants && DEADLINE.test(text) && !isFurnitureTitle(text)) for (const v of cuts(text)) if (!DEADLINE.test(v) && !/\d{4}/.test(v)) add(v, 'variant-cut', extra, false);
      return;
    }
    const have = out.get(k);
    if (have) {
      if (!have.sources.includes(source)) have.sources.push(source);
      if (have.lines.length === 0 && extra.lines) have.lines = extra.lines;
      if (!have.venue && extra.venue) have.venue = extra.venue;
      // The page's markup says where a title came from more surely than the text made from it.
      if (!have.page && extra.page) have.page = extra.page;
    } else {
      out.set(k, { text, sources: [source], lines: extra.lines ?? [], kind: extra.kind ?? 'heading', ...(extra.venue ? { venue: extra.venue } : {}), ...(extra.page ? { page: extra.page } : {}), ...(extra.unrepeated ? { unrepeated: true } : {}) });
    }
    if (!variants) return;
    // Variants: the issue's name inside an announcement, and the title without a journal after it.
    const sp = fromSpecial(text);
    if (sp && key(sp.title) !== k) add(sp.title, 'variant-special', { ...extra, ...(sp.venue ? { venue: sp.venue } : {}) }, false);
    const tail = withoutVenueTail(text, input.venue ?? extra.venue, input.plain).title;
    if (key(tail) !== k) add(tail, 'variant-tail', extra, false);
    for (const v of cuts(text)) if (key(v) !== k) add(v, 'variant-cut', extra, false);
  };
  for (const t of input.tried) {
    const r = t.result;
    if (r?.title) add(r.title, `way:${t.way}`, { lines: r.lines, kind: r.source, ...(r.venue ? { venue: r.venue } : {}) });
  }
  const whole = input.lines.map((l) => l.text).join(' ');
  for (const [name, re, where] of PROSE_PATTERNS) {
    // A sentence the prose leaves out (it names the editors too, "... entitled X, edited by A and B") still names the issue.
    const m = re.exec(where === 'prose' ? input.prose : whole) ?? (where === 'prose' ? re.exec(whole) : null);
    const raw = m?.[1] ?? m?.[2];
    if (raw) add(name === 'invited-issue' ? capitalise(raw) : raw, name, { kind: 'quoted' });
  }
  const fl = titleFromLines(input.lines);
  if (fl) add(fl.title, 'lines-reader', { lines: [fl.line], ...(fl.venue ? { venue: fl.venue } : {}) });
  const head = input.lines.filter((l) => l.kind === 'text' || l.kind === 'heading').slice(0, HEAD_LINES);
  const upToHead = withFirstList(input.lines, input.lines.slice(0, (head.at(-1)?.index ?? -1) + 1));
  // A page listing its calls as bullets ("• Special Issue on X"): the announcing line counts wherever it sits.
  for (const l of upToHead.filter((b) => b.kind === 'bullet')) {
    const sp = fromSpecial(l.text);
    if (sp) add(sp.title, 'special-line', { lines: [l.index], ...(sp.venue ? { venue: sp.venue } : {}) });
  }
  for (const l of head) {
    const at = { lines: [l.index] };
    const sp = fromSpecial(l.text);
    if (sp) add(sp.title, 'special-line', { ...at, ...(sp.venue ? { venue: sp.venue } : {}) });
    add(quotedIssue(l.text), 'quoted-line', at);
    const an = fromAnnouncement(l.text);
    if (an) add(an.title, 'announce-line', { ...at, ...(an.venue ? { venue: an.venue } : {}) });
    if (l.kind === 'heading' && l.text.length <= 250) add(l.text, 'heading-line', at);
    else if (titleLike(l)) add(l.text, 'title-like-line', at);
  }
  for (const l of head) {
    // A looser line source: any short line near the top that does not end as a sentence or a label does.
    const n = l.text.split(/\s+/).length;
    if (n >= 2 && n <= 25 && l.text.length <= 200 && !/[.;:,]$/.test(l.text) && !/@|https?:/.test(l.text)) add(l.text, 'short-line', { lines: [l.index] });
    // A name and "Call for papers." as two short sentences of one line ("Journal X: The Future of Y. Call for papers."): each sentence alone.
    const parts = l.text.length <= 250 ? l.text.split(/(?<=\p{Ll}{2}|\))[.!]\s+(?=\p{Lu})/u) : [];
    // Not where a sentence of prose follows ("Theme: Soils store carbon. This issue asks ..."): that line describes the theme, it does not name it.
    const prose = parts.slice(1).some((p) => /^(?:this|these|that|we|it|its|our|they|i|you|he|she)\b/i.test(p));
    if (parts.length >= 2 && parts.length <= 3 && !prose && parts.every((p) => p.split(/\s+/).length <= 15)) for (const p of parts) add(p.replace(/[.!]$/, ''), 'short-line', { lines: [l.index] });
  }
  for (const b of wrappedBlocks(upToHead)) add(b.text, 'wrapped-lines', { lines: b.lines });
  for (const b of joinedLines(head)) add(b.text, 'joined-lines', { lines: b.lines });
  // The name between announcing words on one line, also where a page was flattened to one long line.
  for (const l of head) for (const seg of betweenAnnouncements(l.text)) add(seg, 'run-on', { lines: [l.index] });
  for (const q of quotedAnnounced(whole)) add(q, 'quoted-text', { kind: 'quoted' });
  for (const n of titleCaseAfterIssue(whole)) add(n, 'issue-title-case', { kind: 'quoted' });
  for (const q of quotedPhrases(whole)) add(q, 'quoted-text', { kind: 'quoted' });
  for (const p of input.page ?? []) add(p.text, p.source, { kind: 'page', page: p.where, ...(p.unrepeated ? { unrepeated: true } : {}) });
  if (input.scopeStart) add(input.scopeStart, 'scope-start', { kind: 'scope-start' }, false);
  return [...out.values()];
}
