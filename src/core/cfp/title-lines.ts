/**
 * A title from the first lines of copied text, where pages put it: the line
 * that announces the call ("Call for Papers for the special issue: X",
 * "CfP: X", "Welcome to the X Call for Papers!", "SPECIAL ISSUE OF VENUE: X"),
 * or else the first short line that reads like a title. Only a line's own
 * text is used; a title never runs into the next line.
 */
import type { Line } from './lines.js';
import { cleanTitle, fromSpecial, isGenericTitle } from './title.js';

/** Announcement prefixes before a title; the title is what follows. */
const PREFIX =
  /^(?:\d{1,2}\s*[-.)]\s*)?(?:(?:open |new )?call for (?:papers|proposals|submissions|contributions|abstracts)(?: from [^:]{3,60})?(?:\s+for(?: the| a)? special issue(?: on)?| for| on)?|cfp|invitation to submit|special issue(?: on)?|(?:virtual )?special issue information)\b\s*[:：–—-]?\s*/i;
const WELCOME = /^welcome to the (.{4,200}?) call for papers!?$/i;
const SPECIAL_OF = /^special (?:issue|section|collection) (?:of|in) (?:the )?(.{3,120}?)\s*[:：]\s*(.{4,250})$/i;
const NOT_TITLE = /^(?:journal cover|issn\b|top of page|home\b|skip to|menu\b|search\b|\d{1,2}[. ]+\w+ \d{4}|\w+ \d{1,2},? \d{4}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w* \d{4}$|[\w ]{0,30}'s picture$|the swiss portal)/i;

export interface LineTitle {
  title: string;
  venue?: string;
  line: number;
}

/** Strip announcement prefixes and quotes; "Special Issue on X" gives X (and its venue). */
function fromAnnouncement(text: string): { title: string; venue?: string } | undefined {
  const welcome = WELCOME.exec(text);
  if (welcome?.[1]) return { title: cleanTitle(welcome[1]) };
  const of = SPECIAL_OF.exec(text);
  if (of?.[1] && of[2]) return { title: cleanTitle(of[2]), venue: of[1].trim() };
  const stripped = text.replace(PREFIX, '');
  if (stripped === text) return undefined;
  const sp = fromSpecial(stripped);
  const title = cleanTitle(sp?.title ?? stripped);
  return title.split(/\s+/).length >= 2 && !isGenericTitle(title) ? { title, ...(sp?.venue ? { venue: sp.venue } : {}) } : undefined;
}

function titleLike(line: Line): boolean {
  const text = line.text;
  // A line that is only a link ("Submit a Paper") or a labelled value ("Deadline: 1 May") is not a title.
  if (line.links.some((l) => l.label === text) || /^[^:]{2,60}:\s/.test(text) || /^submit\b/i.test(text)) return false;
  const words = text.split(/\s+/).length;
  return words >= 3 && words <= 25 && text.length <= 200 && !/[.;]$/.test(text) && !/@|https?:/.test(text) && !NOT_TITLE.test(text) && !isGenericTitle(text) && /^[\p{Lu}\d“"‘']/u.test(text);
}

/**
 * The title in the first lines of a copied page.
 *
 * @example
 * titleFromLines(toLines('Call for Papers for the special issue: Transportation Justice\n\nIn societies ...'))
 * // { title: 'Transportation Justice', line: 0 }
 */
export function titleFromLines(lines: readonly Line[]): LineTitle | undefined {
  const head = lines.filter((l) => l.kind !== 'blank' && l.kind !== 'rule').slice(0, 12);
  for (const l of head) {
    const a = fromAnnouncement(l.text);
    if (a) return { ...a, line: l.index };
  }
  const first = head.find((l) => l.kind !== 'bullet' && titleLike(l));
  // Only before the prose starts: a short line after the first paragraph is a section label, not the title.
  const firstProse = head.find((l) => l.kind === 'text' && l.text.split(/\s+/).length > 25);
  if (first && (!firstProse || first.index < firstProse.index)) return { title: cleanTitle(first.text), line: first.index };
  return undefined;
}
