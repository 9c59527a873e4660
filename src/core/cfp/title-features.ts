/**
 * A title candidate described by numbers the learned chooser weighs: which
 * sources found it, where it sits, how long and how capitalised it is, whether
 * it carries announcement words, the journal, a date or an address, how many
 * of its words the call's scope repeats, and whether it is only announcement
 * words around a journal (furniture never becomes a candidate), and whether
 * it is a line about a person rather than the issue (a name first, an
 * address, a role, an affiliation in several languages, a line the editor
 * reader took) or a web site's own label or posting date. Every feature is
 * 0/1 or scaled into about 0..1.
 */
import type { Line } from './lines.js';
import type { TitleCandidate } from './title-candidates.js';
import { isGenericTitle } from './title-parts.js';
import { announcementOnly } from './title-announce.js';
import { isJournalName } from './venue-lines.js';
import { looksLikeName, startsWithHonorific } from './names.js';
import { titleSides } from './title-sides.js';
import { MONTH_NAME } from './dates.js';
import { FOREIGN_JOINING } from './title-wrap.js';

/** Sources with a feature of their own (title-candidates.ts names them). */
const SOURCES = [
  'way:field', 'way:special-heading', 'way:entitled', 'way:call-on', 'way:first-lines', 'way:quoted-feature', 'way:issue-named', 'way:synthesised',
  'entitled', 'announced', 'theme-is', 'entitled-plain', 'call-on', 'named-collection', 'invited-issue', 'quoted-feature', 'issue-named',
  'lines-reader', 'special-line', 'quoted-line', 'announce-line', 'heading-line', 'title-like-line',
  'page-reader', 'page-meta', 'page-announcing', 'page-h1', 'page-heading', 'page-doctitle', 'page-raw',
  'variant-special', 'variant-tail', 'variant-cut', 'scope-start', 'short-line', 'quoted-text', 'wrapped-lines',
  'joined-lines', 'run-on', 'issue-title-case',
] as const;

const GENERIC_WORDS = /\b(?:call for|cfp|special issue|special section|journal|submission|submit|deadline|guest editors?|manuscripts?|papers?|volume|issue)\b/i;
const DATE = new RegExp(String.raw`\b(?:(?:19|20)\d{2}|(?!may)${MONTH_NAME}\.?\s+\d{1,2}|\d{1,2}\s+${MONTH_NAME})\b`, 'i');
const ADDRESS = /@|https?:|www\./i;
const EVENT = /^(?:(?:19|20)\d{2}\s+)?[A-Z][A-Z&-]{2,}(?:\s*['’]?\d{2,4})?$/;
const VERB = /\b(?:is|are|was|were|will|be|been|has|have|brings?|invites?|includes?|aims?|undertaken|according|published|accepted)\b/i;
const DANGLING = new RegExp(`(?:(?<![\\p{L}\\p{N}])(?:as|how|of|for|and|or|the|to|with|in|on|by|a|an|from|into|at|that|which|between|is|are|${FOREIGN_JOINING.join('|')})|[-–—,])$`, 'iu');
const ISSUE_WORDS = /\b(?:special issue|issue|theme|themed|topic|collection|section|entitled|titled|on)\W{0,4}$/i;

/** Whether the text quotes the candidate straight after issue words ("themed on the “X”", "research topic page, “X”"). */
function nearIssue(text: string, lines: readonly Line[]): boolean {
  for (const l of lines) {
    const at = l.text.indexOf(text);
    if (at > 0 && ISSUE_WORDS.test(l.text.slice(Math.max(0, at - 40), at).replace(/\s*(?:the|a|an)?\s*[“"„«‘]?\s*$/i, ''))) return true;
  }
  return false;
}

const STOP = new Set(['the', 'and', 'of', 'for', 'in', 'on', 'a', 'an', 'to', 'with', 'from', 'by', 'at', 'its', 'their', 'as', 'or']);

const wordsOf = (s: string) => s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 1 && !STOP.has(w));
const plain = (s: string) => ` ${s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;

/**
 * A person named at the start: "Markus Moos, Professor, ...", "Adams, Tony", "De la Garza Espinosa, Vania x at y.de",
 * "Zackary Leech <z at y.org>": the part before a comma, bracket or address is a name, or the two sides of the first
 * comma are a surname and a given name.
 */
function namesPerson(text: string, scopeWords: ReadonlySet<string>): boolean {
  const head = text.split(/\s*(?:[,<([|–—]|\s-\s|\bat\b)\s*/)[0]?.trim() ?? '';
  // A title's words recur in the scope ("Soil Carbon, Water and Climate"); a person's name seldom does.
  const own = (s: string) => wordsOf(s).filter((w) => !scopeWords.has(w)).length >= Math.max(1, wordsOf(s).length - 1);
  if (head.length < text.length && looksLikeName(head) && own(head)) return true;
  const rev = /^([^,]{2,40}),\s*([\p{Lu}][\p{L}.'’-]+(?:\s+[\p{Lu}][\p{L}.'’-]+)?)(?:\s|$)/u.exec(text);
  return rev?.[1] !== undefined && rev[2] !== undefined && looksLikeName(`${rev[2]} ${rev[1]}`) && own(rev[1]);
}

/** An e-mail address in any of the forms mailing-list archives and pages leave ("x at y.org", "<x@y>", "x [at] y"). */
const CONTACT = /[\w.-]+\s*(?:@|\[at\]|\(at\)|\sat\s)\s*[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\b|<[^<>\s]+>/i;
/** Roles and editors' labels in the languages calls are written in ("Professor", "Coordination du dossier", "a cura di"). */
const ROLE = /\b(?:professor|prof|dr|lecturer|researcher|phd|chair|director|dean|fellow|coordination|coordonn\p{L}*|r\p{L}daction|sous la direction|herausgegeben|herausgeber\p{L}*|organizador\p{L}*|coordena\p{L}*|coordinador\p{L}*|a cura di|curatore|editores|editori)\b/iu;
/** Where people work, in English ("An editor's line: a name, then where they work"). */
const AFFILIATION_WORDS = String.raw`universit\p{L}*|institut\p{L}*|department|school of|college|hospital|cent(?:re|er) for|laborator\p{L}*|faculty`;
const AFFILIATION = new RegExp(String.raw`\b(?:${AFFILIATION_WORDS})\b`, 'iu');
/** The same in the other languages calls are written in (and "Universe", "Institution", "ministry", "agency" with them). */
const AFFILIATION_ANY = new RegExp(String.raw`\b(?:${AFFILIATION_WORDS}|univers\p{L}*|institu\p{L}*|istituto|funda\p{L}*|fondation|fondazione|stiftung|escola|école|ecole|hochschule|facult\p{L}*|ministry|agency)\b`, 'iu');
/** A web site's own labels around the content ("Cover image", "Click here", "Featured", "News and updates", "This post"). */
const FURNITURE = /\b(?:click here|read more|featured|cover image|news and updates|this post|posted (?:on|by|in)|share (?:this|on)|subscribe|sign in|log ?in|menu|home page|about (?:us|special issues|the journal)|please consider|comments?|masthead|navigation|skip to)\b/i;
/** A posting date ("Published on Tuesday, May 23, 2023", "Posted 12 May"). */
const POSTED = /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|\b(?:published|posted|updated)\s+(?:on\s+)?(?:\d|[a-z]+day\b|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)/i;

/** Names of the features, in vector order (the weights file stores them, so a changed list is noticed). */
export const TITLE_FEATURES: readonly string[] = [
  ...SOURCES.map((s) => `src:${s}`),
  'nsources', 'from-prose', 'from-page', 'first-line', 'line-pos', 'before-prose', 'heading-level', 'words', 'short', 'long', 'one-word',
  'caps-ratio', 'all-caps', 'lower-start', 'generic-words', 'generic-title', 'announcement-only', 'journal-name',
  'has-venue', 'is-venue', 'scope-overlap', 'date', 'address', 'colon', 'quote', 'ends-period', 'paren', 'event', 'unrepeated', 'digits',
  'person', 'verb', 'determiner-start', 'dangling-end', 'label-prefix', 'first-person', 'quote-near-issue', 'in-first-lines-text', 'mentions-editor', 'sentence-break', 'in-paragraph', 'next-line-continues', 'affiliation', 'commas',
  'names-person', 'contact', 'editor-found', 'role-word', 'affiliation-any-language', 'site-furniture', 'posted-date',
  'carries-furniture-side', 'cut-from-furniture',
];

export interface FeatureContext {
  lines: readonly Line[];
  /** The guest editors the parser found and the lines that held them: a line naming one is a person's, not the issue's. */
  editors?: readonly string[];
  editorLines?: ReadonlySet<number>;
  /** Scope and prose text: a title's words recur in the text that describes the issue. */
  scope: string;
  venues: readonly string[];
  /** What candidates leave when their label, status or lead-in is taken off (title-sides.ts, furnitureCuts): the issue's name. */
  cuts?: ReadonlySet<string>;
}

/**
 * The feature vector of one candidate (order: {@link TITLE_FEATURES}).
 *
 * @example
 * titleFeatures({ text: 'Soil Carbon', sources: ['heading-line'], lines: [0], kind: 'heading' }, { lines, scope: 'soil carbon ...', venues: [] })
 */
export function titleFeatures(c: TitleCandidate, ctx: FeatureContext): number[] {
  const content = ctx.lines.filter((l) => l.kind !== 'blank' && l.kind !== 'rule');
  const firstProse = content.find((l) => l.kind === 'text' && l.text.split(/\s+/).length > 25)?.index ?? Infinity;
  const at = c.lines.length > 0 ? Math.min(...c.lines) : undefined;
  const rank = at === undefined ? -1 : content.findIndex((l) => l.index === at);
  const line = at === undefined ? undefined : ctx.lines[at];
  const level = line?.kind === 'heading' ? (/^\s*(#{1,6})/.exec(line.raw)?.[1]?.length ?? 3) : 0;
  const tokens = c.text.split(/\s+/).filter(Boolean);
  const caps = tokens.filter((w) => /^[\p{Lu}\d]/u.test(w)).length;
  const ws = wordsOf(c.text);
  const scopeWords = new Set(wordsOf(ctx.scope));
  const overlap = ws.length === 0 ? 0 : ws.filter((w) => scopeWords.has(w)).length / ws.length;
  const p = plain(c.text);
  const venueIn = ctx.venues.some((v) => plain(v).trim().length > 2 && p.includes(plain(v)));
  const isVenue = ctx.venues.some((v) => plain(v) === p);
  const own = c.sources.filter((s) => !s.startsWith('variant-'));
  const sides = titleSides(c.text, ctx.cuts ?? new Set(), [...ctx.venues, ...(c.venue ? [c.venue] : [])]);
  return [
    ...SOURCES.map((s) => (c.sources.includes(s) ? 1 : 0)),
    Math.min(own.length, 6) / 6,
    c.lines.length === 0 && c.kind !== 'page' ? 1 : 0,
    c.kind === 'page' ? 1 : 0,
    rank === 0 ? 1 : 0,
    rank < 0 ? 1 : Math.min(rank, 30) / 30,
    at !== undefined && at < firstProse ? 1 : 0,
    level / 6,
    Math.min(tokens.length, 30) / 30,
    tokens.length <= 2 ? 1 : 0,
    tokens.length > 18 ? 1 : 0,
    tokens.length === 1 ? 1 : 0,
    tokens.length === 0 ? 0 : caps / tokens.length,
    c.text === c.text.toUpperCase() && /\p{L}{3}/u.test(c.text) ? 1 : 0,
    /^\p{Ll}/u.test(c.text) ? 1 : 0,
    GENERIC_WORDS.test(c.text) ? 1 : 0,
    isGenericTitle(c.text) ? 1 : 0,
    announcementOnly(c.text, [...ctx.venues, ...(c.venue ? [c.venue] : [])]) ? 1 : 0,
    isJournalName(c.text) ? 1 : 0,
    venueIn ? 1 : 0,
    isVenue ? 1 : 0,
    overlap,
    DATE.test(c.text) ? 1 : 0,
    ADDRESS.test(c.text) ? 1 : 0,
    c.text.includes(':') ? 1 : 0,
    /[“"‘«]/.test(c.text) ? 1 : 0,
    /[.!?]$/.test(c.text) ? 1 : 0,
    /[()]/.test(c.text) ? 1 : 0,
    EVENT.test(c.text.trim()) ? 1 : 0,
    c.unrepeated ? 1 : 0,
    /\d/.test(c.text) ? 1 : 0,
    startsWithHonorific(c.text) ? 1 : 0,
    VERB.test(c.text) ? 1 : 0,
    /^(?:this|these|that|an?|the|our|its)\s/i.test(c.text) ? 1 : 0,
    DANGLING.test(c.text) ? 1 : 0,
    /^[\p{L}]+(?:\s[\p{L}]+)?\s*:\s/u.test(c.text) ? 1 : 0,
    /\b(?:I|we|my|our|us|you|your)\b/i.test(c.text) ? 1 : 0,
    nearIssue(c.text, ctx.lines) ? 1 : 0,
    ctx.lines.slice(0, 40).some((l) => plain(l.text) === p) ? 1 : 0,
    /\b(?:editors?|edited)\b/i.test(c.text) ? 1 : 0,
    /\p{Ll}[.!?]\s+\p{Lu}/u.test(c.text) ? 1 : 0,
    // A line with text lines straight above or below it is part of a paragraph (a hard-wrapped sentence), not a line of its own.
    at !== undefined && line?.kind === 'text' && [ctx.lines[at - 1], ctx.lines[at + 1]].some((n) => n?.kind === 'text') ? 1 : 0,
    // The sentence goes on on the next line ("... cannot perform, from" / "unconditionally secure ...").
    at !== undefined && ctx.lines[at + 1]?.kind === 'text' && /^\p{Ll}/u.test(ctx.lines[at + 1]?.text ?? '') ? 1 : 0,
    // An editor's line: a name, then where they work.
    AFFILIATION.test(c.text) ? 1 : 0,
    Math.min((c.text.match(/,/g) ?? []).length, 4) / 4,
    namesPerson(c.text, scopeWords) ? 1 : 0,
    CONTACT.test(c.text) ? 1 : 0,
    c.lines.some((i) => ctx.editorLines?.has(i)) || (ctx.editors ?? []).some((e) => e.length > 4 && c.text.includes(e)) ? 1 : 0,
    ROLE.test(c.text) ? 1 : 0,
    AFFILIATION_ANY.test(c.text) ? 1 : 0,
    FURNITURE.test(c.text) ? 1 : 0,
    POSTED.test(c.text) ? 1 : 0,
    sides.carries ? 1 : 0,
    sides.cut ? 1 : 0,
  ];
}
