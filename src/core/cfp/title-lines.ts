/**
 * A title from the first lines of copied text, where pages and e-mails put
 * it: the line that announces the call ("Call for Papers for the special
 * issue: X", "CfP: X", "Welcome to the X Call for Papers!", "SPECIAL ISSUE OF
 * VENUE: X", an e-mail subject "2nd CFP: SI on X (IF: 3.8)"), or else the
 * first short line that reads like a title. Only a line's own text is used; a
 * title never runs into the next line. When two announcing lines name the
 * same issue (a subject and the message's own heading), the fuller title wins.
 */
import type { Line } from './lines.js';
import { cleanTitle, fromSpecial, isGenericTitle, splitTail, stripNoise } from './title-parts.js';
import { isJournalName, journalLine } from './venue-lines.js';
import { MONTH_NAME } from './dates.js';
import { JOINING_WORDS, titleUnderBare, withClosedQuote } from './title-wrap.js';
import { quotedIssue } from './title-quoted.js';

/** Announcement prefixes before a title; the title is what follows. */
const PREFIX =
  /^(?:\d{1,2}\s*[-.)]\s*)?(?:(?:open |new |first |second |third |final |last )?call for (?:papers?|proposals|submissions?|contributions|contributors|abstracts|publications|articles|chapters)(?:\s+\d{1,2}(?=\s*:))?(?: from [^:]{3,60})?(?:\s+for(?: the| a)? special issue(?: on)?| for| on)?|cfp|call \d{1,2}(?=\s*:)|invitation to submit|special issue(?: on)?|(?:virtual )?special issue information)\b\s*(?:[:：–—]|-{1,3})?\s*/i;
const WELCOME = /^welcome to the (.{4,200}?) call for papers!?$/i;
/** Page chrome copied with the text: banners, posting dates and bylines, image and view links ("We use cookies ...", "Published on 20 April 2023", "Posted by X on <date>", "Click to increase image size"). */
const NOT_TITLE = new RegExp(String.raw`^(?:we use cookies\b|apologies for\b|please (?:forward|distribute|circulate)\b|from:\s|by\s+\p{Lu}[\p{L}.]+\s+\p{Lu}|published (?:on\s+)?\d|posted (?:by|on|in)\b|journal cover|issn\b|top of page|home\b|skip to|menu\b|search\b|please\b|click\b|\d{1,2}[. ]+\w+ \d{4}|\w+ \d{1,2},? \d{4}|${MONTH_NAME}\.? \d{4}$|[\w ]{0,30}'s picture$)|\bclick here\b|\bdeadline\b[^:]{0,30}:\s*\d`, 'iu');

export interface LineTitle {
  title: string;
  venue?: string;
  line: number;
  /** Found on a line that announces the call ("Special Issue on X"), not only a title-like line. */
  announced?: boolean;
}

/** Strip announcement prefixes and quotes; "Special Issue on X" gives X (and its venue). */
export function fromAnnouncement(line: string): { title: string; venue?: string } | undefined {
  // A posting date before the announcement ("7.11.2019/ Call for papers: X") is the page's, not the title's.
  const text = line.replace(/^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\s*(?:[/|–—-]\s*)?(?=\p{L})/u, '');
  const quoted = quotedIssue(text);
  if (quoted) {
    // "Journal X Special Issue on “Y”": the venue before the issue words stays; one cut inside the quotes is no venue.
    const venue = fromSpecial(text)?.venue;
    return { title: quoted, ...(venue && !/[“”"«»„]/.test(venue) ? { venue } : {}) };
  }
  const welcome = WELCOME.exec(text);
  if (welcome?.[1]) return { title: cleanTitle(welcome[1]) };
  // A listing's call heading run into its editors when the page lost its line breaks ("TITLE Guest Editors: A, B").
  const runIn = /^([\p{Lu}\d][\p{Lu}\d ,:&'’-]{8,150}?)\s+(?:[Gg]uest|[Tt]opic|[Ll]ead [Gg]uest) [Ee]ditors?\s*[:：]/u.exec(text);
  if (runIn?.[1] && runIn[1].split(/\s+/).length >= 3) return { title: cleanTitle(runIn[1]) };
  const sp = fromSpecial(text);
  if (sp) return (sp.title.split(/\s+/).length >= 2 || sp.named) && !isGenericTitle(sp.title) ? { title: sp.title, ...(sp.venue ? { venue: sp.venue } : {}) } : undefined;
  // The announcement's own prefix first ("Call for Proposals from X: Title"), then e-mail subject noise.
  const own = text.replace(PREFIX, '');
  const stripped = own !== text ? own : stripNoise(text).replace(PREFIX, '');
  if (stripped === text) return undefined;
  const { title, venue } = splitTail(stripped);
  // What is left of "Deadline Extended: March 31, 2019" is a date, not a title.
  return title.split(/\s+/).length >= 2 && !isGenericTitle(title) && !NOT_TITLE.test(title) ? { title, ...(venue ? { venue } : {}) } : undefined;
}

/** A labelled field ("Editor:Lasana Harris, ...", "Deadline: 1 May"), never a title, with or without a space after the colon. */
const FIELD_LABEL = /^(?:(?:lead |managing |corresponding )?(?:guest )?editors?|deadlines?|submission deadline|keywords?|topics?|contact|e-?mail|journal|issn|website|url|dates?|publisher|volume|issue|tel|phone)\s*[:：]/i;
/** A listing page's label over its calls ("Ongoing Special Issue(s)"): the line under it names a call. */
const LISTING = /^(?:ongoing|current|open|upcoming|active) (?:special issues?|calls?(?: for papers)?)(?:\s*\(s\))?:?$/i;
/** A listing page's instructions heading over its calls ("Making an Article Proposal", "How to submit"): not a call's name. */
const INSTRUCTION = /^(?:how to|making|submitting|preparing|writing|sending)\b.*\b(?:proposals?|submissions?|manuscripts?|papers?|articles?|submit)$/i;

/** "X is a new international peer-reviewed journal of ...": a sentence about the journal, not the issue's name. */
const JOURNAL_DESCRIBED = /\b(?:is|are) an? (?:[\p{L}-]+,? ){0,8}?(?:journal|periodical)\b/iu;

const isSentence = (text: string) => text.split(/\s+/).length > 25 || (/[.!?]$/.test(text) && text.split(/\s+/).length > 8);

export function titleLike(line: Line): boolean {
  const text = line.text;
  // A line that is only a link ("Submit a Paper") or a labelled value ("Deadline: 1 May") is not a title.
  if (line.links.some((l) => l.label === text) || /^(?:[^:\s]+\s){0,4}[^:\s]+:\s/.test(text) || FIELD_LABEL.test(text) || /^submit\b/i.test(text) || INSTRUCTION.test(text)) return false;
  const words = text.split(/\s+/).length;
  // A line ending in a colon leads into what follows ("The following issues are accepting submissions:"); one that speaks to the reader
  // or as the poster ("On this page, you can find ...", "From my colleague, X") is the page's or the sender's, not the call's name.
  return words >= 3 && words <= 25 && text.length <= 200 && !/[.;:]$/.test(text) && !/\b(?:you|your|my|we)\b/i.test(text) && !/\bI (?:am|have|will|would|invite|was)\b/.test(text) && !JOURNAL_DESCRIBED.test(text) && !/@|https?:/.test(text) && !NOT_TITLE.test(text) && !isGenericTitle(text) && /^[\p{Lu}\d“"‘']/u.test(text);
}

/** The journal named on a line close to the title's lines (above or below, links and rules skipped), nearest first. */
export function nearJournal(lines: readonly Line[], titleLines: readonly number[]): string | undefined {
  const content = lines.filter((l) => (l.kind === 'text' || l.kind === 'heading') && !/^\s*(?:https?:\/\/|www\.)\S*\s*$/i.test(l.text) && !/^\(?https?:\/\//i.test(l.text));
  for (let d = 1; d <= 5; d++) {
    for (const at of titleLines) {
      const k = content.findIndex((l) => l.index === at);
      for (const j of k < 0 ? [] : [k - d, k + d]) {
        const name = content[j] ? journalLine(content[j].text, content[j + 1]?.text) : undefined;
        if (name) return name;
      }
    }
  }
  return undefined;
}

/**
 * The venue named beside the title, unless a journal line near it spells the
 * same venue out ("PALADYN. Journal of Behavioral Robot" / "... Robotics",
 * "EAAI" / "Engineering Applications of Artificial Intelligence").
 */
export function chooseVenue(beside: string | undefined, near: string | undefined): string | undefined {
  if (!beside || !near) return beside ?? near;
  // An all-capitals word stands for itself in an acronym ("ACM Transactions on Spatial ..." is "ACM TSAS").
  const initials = near.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w)).map((w) => (/^[A-Z]{2,}$/.test(w) ? w : w.charAt(0))).join('');
  const spelledOut = words(near).startsWith(words(beside)) || (/^[A-Z&\s-]{2,12}$/.test(beside) && initials === beside.replace(/[^A-Z]/g, ''));
  return spelledOut ? near : beside;
}

/** Whether `full` spells out `short`: every word of the short title, in order, and more ("... Edge Computing-Assisted IoT" / "... Internet of Things (IoT)"). */
function spells(full: string, short: string): boolean {
  const f = words(full).split(' ');
  const w = words(short).split(' ');
  if (f.length <= w.length) return false;
  let i = 0;
  for (const x of f) if (x === w[i]) i++;
  return i === w.length;
}

/**
 * An e-mail's subject shortens the title that the message's first line then
 * gives in full, with no announcement words ("... Techniques for Complex IoT"
 * / "... Techniques for Complex Internet of Things Systems"): the first
 * content line under the subject, title-like, sharing most of its words.
 */
function restated(lines: readonly Line[], head: readonly Line[], first: { l: Line; a: { title: string; venue?: string } }): { l: Line; a: { title: string; venue?: string } } | undefined {
  if (head[0]?.index !== first.l.index) return undefined;
  const body = head[1];
  if (!body || body.kind !== 'text' || !titleLike(body) || isJournalName(body.text) || fromAnnouncement(body.text)) return undefined;
  const subject = new Set(words(first.a.title).split(' '));
  const own = words(body.text).split(' ');
  const shared = [...subject].filter((w) => own.includes(w)).length;
  return shared / subject.size >= 0.6 && own.length >= subject.size ? { l: body, a: { title: unwrapped(cleanTitle(body.text), lines, body.index) } } : undefined;
}

// Unicode-aware: "für" and "à" end a line as "for" does (\b is ASCII-only, so the word's start is checked by hand).
const DANGLING = new RegExp(`(?:(?<![\\p{L}\\p{N}])(?:${JOINING_WORDS})|,)$`, 'iu');

/** A title line cut short by the line width ("... Techniques for" / "BioMedical Data Analysis") goes on on the next line. */
function unwrapped(title: string, lines: readonly Line[], at: number, maxNext = 120): string {
  // The line itself must end there (a title cleaned of a trailing comma still ends the line with it).
  const line = lines[at]?.text ?? '';
  if (!DANGLING.test(title) && !/,\s*$/.test(line)) return title;
  const next = lines.slice(at + 1).find((l) => l.kind !== 'blank');
  if (!next || next.kind === 'rule' || next.text.length > maxNext || /[:：]\s/.test(next.text) || /https?:/.test(next.text)) return title;
  const comma = /,\s*$/.test(line) && !title.endsWith(',') ? ',' : '';
  return cleanTitle(`${title}${comma} ${next.text}`);
}

/** "X (UMUAI)" where UMUAI is the journal's acronym elsewhere in the text: the acronym names the venue, not the issue. */
function withoutVenueAcronym(title: string, lines: readonly Line[]): string {
  const acr = /\s*\(([A-Z][A-Z&-]{1,10})\)$/.exec(title)?.[1];
  if (!acr) return title;
  const named = lines.some((l) => l.text.includes(`(${acr})`) && journalLine(l.text.replace(/\s*\([^()]*\)\s*$/, '')) !== undefined);
  return named ? title.slice(0, title.length - acr.length - 2).trim() : title;
}

/** "X - Applied Sciences" where Applied Sciences is the journal: a subject line's venue after a dash is not part of the title. */
function withoutVenue(title: string, venue: string | undefined): string {
  if (!venue) return title;
  const m = /^(.{4,}?)\s+(?:[-–—|/]|--)\s+(.+)$/.exec(title);
  return m?.[1] && m[2] && words(m[2]) === words(venue) ? m[1] : title;
}

const words = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/**
 * The title in the first lines of a copied page.
 *
 * @example
 * titleFromLines(toLines('Call for Papers for the special issue: Transportation Justice\n\nIn societies ...'))
 * // { title: 'Transportation Justice', line: 0 }
 */
export function titleFromLines(lines: readonly Line[], ok: (title: string) => boolean = () => true): LineTitle | undefined {
  // A "Title:" field is read as a field, not as a line announcing the call.
  const head = lines.filter((l) => l.kind !== 'blank' && l.kind !== 'rule' && !/^(?:title|theme)\s*[:：]/i.test(l.text)).slice(0, 15);
  const announced = head
    .map((l) => {
      // "Special Issue on:" over the title: the next line is the title.
      const under = titleUnderBare(lines, l.index);
      const u = under === undefined ? undefined : lines[under];
      if (u) return { l: u, a: { title: cleanTitle(u.text) } };
      return { l, a: l.kind === 'text' || l.kind === 'heading' ? fromAnnouncement(withClosedQuote(lines, l.index)) : undefined };
    })
    .filter((x): x is { l: Line; a: { title: string; venue?: string } } => x.a !== undefined && !isJournalName(x.a.title) && ok(x.a.title))
    .map((x) => ({ l: x.l, a: { ...x.a, title: unwrapped(x.a.title, lines, x.l.index) } }));
  const [first, ...later] = announced;
  if (first) {
    // A subject line shortens the title its message spells out ("... on Emoji Understanding" / "... on Emoji Understanding and Applications in Social Media").
    const fuller = later.find((x) => spells(x.a.title, first.a.title)) ?? restated(lines, head, first);
    const pick = fuller ?? first;
    const same = announced.filter((x) => spells(pick.a.title, x.a.title) || words(pick.a.title) === words(x.a.title));
    const near = nearJournal(lines, same.map((x) => x.l.index));
    // Another line announcing the same issue may spell out the journal its subject abbreviates ("ACM TSAS" / "ACM Transactions on ...").
    const spelled = same.map((x) => x.a.venue).find((v) => v !== undefined && v !== pick.a.venue && journalLine(v) !== undefined);
    const own = pick.a.venue ? chooseVenue(pick.a.venue, spelled) : undefined;
    const venue = own ? chooseVenue(own, near) : (near ?? first.a.venue);
    return { title: withoutVenue(withoutVenueAcronym(pick.a.title, lines), venue), ...(venue ? { venue } : {}), line: pick.l.index, announced: true };
  }
  // On a listing page the first call's name is the first title-like line under "Ongoing Special Issue(s)".
  const listing = lines.findIndex((l) => LISTING.test(l.text));
  if (listing >= 0) {
    // An instructions heading and its paragraph can come between the label and the first call.
    const under = lines.slice(listing + 1).find((l) => l.kind !== 'blank' && l.kind !== 'rule' && !INSTRUCTION.test(l.text) && !isSentence(l.text));
    if (under && under.text.split(/\s+/).length >= 2 && under.text.length <= 200 && !/[.;:]$/.test(under.text) && !FIELD_LABEL.test(under.text)) {
      return { title: cleanTitle(under.text), line: under.index };
    }
  }
  // A journal's name heading the page ("Journal of Advanced Transportation" over the issue's title) is the venue, not the title.
  const firstLike = head.find((l) => l.kind !== 'bullet' && titleLike(l) && !isJournalName(l.text) && ok(cleanTitle(l.text)));
  // Only before the prose starts: a short line after the first paragraph is a section label, not the title.
  const firstProse = head.find((l) => l.kind === 'text' && l.text.split(/\s+/).length > 25);
  if (firstLike && (!firstProse || firstLike.index < firstProse.index)) {
    // Unannounced, a line is a wrapped title's first part only when it is short: a long one is a hard-wrapped paragraph's.
    const title = cleanTitle(firstLike.text);
    return { title: firstLike.text.length <= 70 ? unwrapped(title, lines, firstLike.index, 70) : title, line: firstLike.index };
  }
  return undefined;
}
