/**
 * A venue candidate described by numbers the learned venue chooser weighs:
 * which sources found it and how many, how often and how early the text
 * names it, its shape (words, capitals, an acronym, a journal's word, a
 * person's name, a date, an organisation), whether the title or the links
 * name it, and what stands just before and after its mentions. The abstain
 * candidate ("no venue") has features of its own that describe the call,
 * so the model can learn when nothing is credible. Every feature is 0/1 or
 * scaled into about 0..1.
 */
import type { Link } from './markdown.js';
import { looksLikeName } from './names.js';
import { JOURNAL_WORDS, type VenueCandidate } from './venue-candidates.js';
import { isKnownVenue } from './venue.js';
import { isListedJournal, journalKey } from './journal-names.js';
import { escapeRegExp } from '../text/normalize.js';

const CONTEXT_SOURCES = [
  'before-issue', 'before-cfp', 'issue-of', 'published-in', 'the-journal', 'x-journal', 'issn', 'submit-to', 'is-journal', 'x-is-doing', 'x-number', 'editor-of', 'revue-de', 'x-invites', 'la-revue', 'x-will', 'appositive', 'label', 'x-welcomes', 'welcome',
].map((s) => `ctx:${s}`);
/** Sources with a feature of their own (venue-candidates.ts names them). */
const SOURCES = [
  'rule', 'hint', 'title-tail', 'page-reader', 'page-meta', 'page-site', 'page-title', 'page-description', 'page-header',
  ...['submission-link', 'slug', 'known', 'journal-link', 'text', 'inviting', 'described', 'cover', 'masthead'].map((s) => `step:${s}`),
  ...['issn', 'issue-of', 'this-x-issue', 'editors-of', 'journal-published', 'journal-announces', 'journal-invites', 'journal-titled', 'journal-of', 'journal-x', 'name-acronym', 'x-issue-line', 'possessive'].map((s) => `mention:${s}`),
  ...CONTEXT_SOURCES, 'ctx-tail', 'journal-word', 'acronym-name', 'split-and', 'journal-line', 'top-line', 'foreign-journal', 'listed',
] as const;

/** A journal's word, in English (the candidate reader's list) or as journals in other languages start ("Revue", "Revista", "Zeitschrift"). */
const JOURNAL_WORD = new RegExp(`\\b(?:Revue|Revista|Rivista|Cadernos|Cahiers|Zeitschrift|${JOURNAL_WORDS})\\b`);
const ORG = /\b(?:University|Universit\p{L}+|Institute|Society|Association|Department|School|College|Centre|Center|Conference|Symposium|Workshop|Congress|Press|Foundation|Council|Committee|Network|Group|Project|Programme|Program|Laboratory|Lab)\b/u;
const PUBLISHER = /\b(?:Elsevier|Springer|Wiley|MDPI|Hindawi|SAGE|Taylor|Francis|Routledge|Emerald|Frontiers|De Gruyter|Brill|Cambridge|Oxford|IEEE|ACM|IET|IOP|PLOS|BMC|Nature)\b/;
const GENERIC = /\b(?:special|issues?|calls?|papers?|editors?|deadline|submissions?|topics?|guest|dear|colleagues|abstracts?|manuscripts?|keywords|important|dates|welcome|news)\b/i;
const MONTH = /\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Spring|Summer|Fall|Autumn|Winter)\b/;
const SMALL = /^(?:of|and|on|for|in|the|&|de|du|des|la|a|an|to|with)$/i;

/** Names of the features, in vector order (the weights file stores them, so a changed list is noticed). */
export const VENUE_FEATURES: readonly string[] = [
  ...SOURCES.map((s) => `src:${s}`),
  'nsources', 'ncontexts', 'mentions', 'first-at', 'in-first-lines', 'words', 'one-word', 'long', 'all-caps', 'lower-start', 'journal-word',
  'the-start', 'colon', 'digits', 'month', 'org', 'publisher', 'generic', 'person', 'known', 'in-title', 'title-is', 'in-link',
  'followed-special', 'after-journal', 'dangling', 'quoted', 'line-alone', 'sentence-start-only',
  'lower-words', 'only-top-line', 'acronym-expanded', 'rule-inside', 'inside-rule', 'mentions-2', 'mentions-3', 'line-start',
  'widened', 'widened-context', 'widened-rule', 'widened-subtitle', 'widened-title-words', 'widened-only', 'has-wider', 'bias',
  'listed-name', 'listed-inside', 'listed-wider', 'theme-of-issue',
  'abstain', 'abstain-no-rule', 'abstain-no-journal-word', 'abstain-no-context', 'abstain-few',
];

export interface VenueFeatureContext {
  plain: string;
  links: readonly Link[];
  title?: string;
  /** Every candidate of the call (the abstain features describe them). */
  all: readonly VenueCandidate[];
  /** {@link listedKeys} of `all`, computed once per call by the caller (computed here when absent). */
  listed?: readonly string[];
}

const slug = (s: string) => s.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
const norm = (s: string) => ` ${s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;

function vector(values: Partial<Record<string, number | boolean>>): number[] {
  return VENUE_FEATURES.map((f) => Number(values[f] ?? 0));
}

/**
 * The feature vector of one candidate (order: {@link VENUE_FEATURES}).
 *
 * @example
 * venueFeatures({ text: 'Religions', sources: ['ctx:issue-of'] }, { plain: 'a special issue of Religions', links: [], all: [] })
 */
export function venueFeatures(c: VenueCandidate, ctx: VenueFeatureContext): number[] {
  const v: Record<string, number | boolean> = {};
  for (const s of c.sources) v[`src:${s.endsWith('-tail') && s.startsWith('ctx:') ? 'ctx-tail' : s}`] = 1;
  const hits = [...ctx.plain.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(c.text)}(?![\\p{L}\\p{N}])`, 'gu'))].slice(0, 30);
  const first = hits[0]?.index ?? -1;
  const words = c.text.split(/\s+/).filter(Boolean);
  const around = hits.map((h) => ({ before: ctx.plain.slice(Math.max(0, (h.index ?? 0) - 40), h.index), after: ctx.plain.slice((h.index ?? 0) + h[0].length, (h.index ?? 0) + h[0].length + 30) }));
  const firstLines = ctx.plain.split('\n').slice(0, 10).join('\n');
  const caps = words.filter((w) => /^\p{Lu}\p{Ll}/u.test(w));
  const ruled = ctx.all.find((o) => o.sources.includes('rule'));
  const rule = ruled ? norm(ruled.text) : undefined;
  const listed = isListedJournal(c.text);
  const own = ` ${journalKey(c.text)} `;
  // A listed name inside this one ("Science of Computer Programming" in "... Programming Journal"), or this one inside a listed name the call gives.
  const listedOthers = (ctx.listed ?? listedKeys(ctx.all)).filter((o) => o !== own);
  Object.assign(v, {
    nsources: Math.min(c.sources.length, 6) / 6,
    ncontexts: Math.min(c.sources.filter((s) => s.startsWith('ctx:') || s.startsWith('mention:')).length, 5) / 5,
    mentions: Math.min(hits.length, 8) / 8,
    'first-at': first < 0 ? 1 : Math.min(first / Math.max(ctx.plain.length, 1), 1),
    'in-first-lines': firstLines.includes(c.text),
    words: Math.min(words.length, 12) / 12,
    'one-word': words.length === 1,
    long: words.length > 8,
    'all-caps': /^[A-Z&-]{2,10}$/.test(c.text),
    'lower-start': /^\p{Ll}/u.test(c.text),
    'journal-word': JOURNAL_WORD.test(c.text),
    'the-start': /^The\s/.test(c.text),
    colon: /[:：]/.test(c.text),
    digits: /\d/.test(c.text),
    month: MONTH.test(c.text),
    org: ORG.test(c.text),
    publisher: PUBLISHER.test(c.text),
    generic: GENERIC.test(c.text),
    person: looksLikeName(c.text),
    known: isKnownVenue(c.text),
    'in-title': ctx.title !== undefined && norm(ctx.title).includes(norm(c.text)),
    'title-is': ctx.title !== undefined && norm(ctx.title) === norm(c.text),
    'in-link': slug(c.text).length >= 3 && ctx.links.some((l) => l.url.toLowerCase().includes(slug(c.text))),
    'followed-special': around.some((a) => /^[”"’,]*\s+(?:special|themed?|thematic|focus)\s+(?:issue|section|collection)/i.test(a.after)),
    'after-journal': around.some((a) => /\bjournal,?\s*[“"‘]?$/i.test(a.before)),
    dangling: SMALL.test(words[words.length - 1] ?? ''),
    quoted: around.some((a) => /[“"‘]$/.test(a.before)),
    'line-alone': around.some((a) => /(?:^|\n)\s*$/.test(a.before) && /^\s*(?:\n|$)/.test(a.after)),
    'sentence-start-only': hits.length > 0 && around.every((a) => /(?:^|[.!?]\s+|\n)$/.test(a.before)) && words.length === 1,
    // Share of its capitalised words the text also writes in lower case ("Past", "List", "Timetable" are words, not names).
    'lower-words': caps.length === 0 ? 0 : caps.filter((w) => new RegExp(`(?<![\\p{L}])${escapeRegExp(w.toLowerCase())}(?![\\p{L}])`, 'u').test(ctx.plain)).length / caps.length,
    'only-top-line': c.sources.length === 1 && c.sources[0] === 'top-line',
    'acronym-expanded': c.sources.includes('acronym') && ctx.all.some((o) => o.sources.includes('acronym-name') && new RegExp(`${escapeRegExp(o.text)}\\s*\\(${escapeRegExp(c.text)}\\)`).test(ctx.plain)),
    'rule-inside': rule !== undefined && rule !== norm(c.text) && norm(c.text).includes(rule),
    'inside-rule': rule !== undefined && rule !== norm(c.text) && rule.includes(norm(c.text)),
    'mentions-2': hits.length >= 2,
    'mentions-3': hits.length >= 3,
    'line-start': around.some((a) => /(?:^|\n)\s*[“"‘]?$/.test(a.before)),
    ...widenedFeatures(c, ctx.title),
    'listed-name': listed,
    'listed-inside': !listed && listedOthers.some((o) => own.includes(o)),
    'listed-wider': !listed && listedOthers.some((o) => o.includes(own)),
    // "This special issue on Nutrition and Health": a name after "issue on" is the theme, even when a journal has that name.
    'theme-of-issue': around.some((a) => /\b(?:issues?|sections?|collections?|topics?|series)\s+(?:on|about|entitled|titled|dedicated to|devoted to)\s+(?:the\s+)?[“"‘]?$/i.test(a.before)),
    bias: 1,
  });
  return vector(v);
}

/**
 * The call's candidates the journal list holds, as space-padded keys, so a key inside another is a whole-word match.
 *
 * @example
 * listedKeys([{ text: 'Radio Science', sources: [] }]) // [' radio science ']
 */
export function listedKeys(all: readonly VenueCandidate[]): string[] {
  return all.filter((o) => isListedJournal(o.text)).map((o) => ` ${journalKey(o.text)} `);
}

/** A source that read the name where calls put their journal ("issue of X", "X (ISSN"), or a rule step's. */
const inContext = (s: string) => s.startsWith('ctx:') || s.startsWith('mention:') || s.startsWith('step:');
/** Any source beyond a name's shape: a context, the rules, a hint or the page's markup. */
const evidenced = (s: string) => inContext(s) || s === 'rule' || s === 'hint' || s.startsWith('page-');

/** What a longer spelling inherits from the names it widens, and what it added (a subtitle, words of the call's own title). */
function widenedFeatures(c: VenueCandidate, title: string | undefined): Record<string, boolean> {
  const w = c.widened;
  const added = w ? norm(w.added).trim().split(' ').filter((x) => x.length > 3) : [];
  const titled = title === undefined ? '' : norm(title);
  return {
    widened: w !== undefined,
    'widened-context': w?.from.some(evidenced) ?? false,
    'widened-rule': w?.from.includes('rule') ?? false,
    'widened-subtitle': w !== undefined && /[:：–—]/.test(w.added),
    'widened-title-words': added.some((x) => titled.includes(` ${x} `)),
    'widened-only': c.sources.length === 1 && c.sources[0] === 'widened',
    'has-wider': (c.wider ?? 0) > 0,
  };
}

/**
 * The abstain candidate's vector: "no venue", weighed by what the call offers
 * (no rule answer, no journal's word, no name in a journal context, few candidates).
 *
 * @example
 * abstainFeatures([])[VENUE_FEATURES.indexOf('abstain')] // 1
 */
export function abstainFeatures(all: readonly VenueCandidate[], rule: string | undefined): number[] {
  return vector({
    abstain: 1,
    'abstain-no-rule': rule === undefined,
    'abstain-no-journal-word': !all.some((c) => JOURNAL_WORD.test(c.text)),
    'abstain-no-context': !all.some((c) => c.sources.some(inContext)),
    'abstain-few': all.length <= 3,
  });
}
