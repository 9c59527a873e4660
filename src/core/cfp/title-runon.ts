/**
 * Title candidates the line sources miss because the name does not sit alone on a line:
 * - between announcing words on one line ("IJMR Special Issue Call for Papers Entrepreneurship as an Academic Field: ...",
 *   "LINEAR ALGEBRA AND ITS APPLICATIONS Special issue on Matrices and Mathematical Biology Call for papers In the last ..."),
 *   including a page flattened to one long line;
 * - over two lines, the first ending in a colon or holding the announcing words ("Conjuring a New Normal:\nMonstrous Routines ...");
 * - quoted with its own announcing words ("select the option “Call for Papers: The Aging Mind in a Social World”").
 * Each is only a candidate: the title chooser weighs it against the others.
 */
import type { Line } from './lines.js';
import { CALL_ABROAD } from './venue-name.js';

/** Words that announce an issue or a call; a name sits between two of them or after the last. */
const ANNOUNCING = new RegExp(
  String.raw`\b(?:(?:virtual\s+)?special[\s-](?:issues?|sections?|collections?|editions?)(?:\s+(?:on|about))?|themed?\s+issue(?:\s+on)?|thematic\s+issue(?:\s+on)?|calls?\s+for\s+(?:papers|submissions|contributions|abstracts|articles|manuscripts)(?:\s+(?:on|for))?|cfp|themenheft(?:\s+(?:zu|zum|zur))?|num[ée]ro\s+(?:sp[ée]cial|th[ée]matique)(?:\s+sur)?|(?:${CALL_ABROAD})(?:\s+(?:sur|pour|sobre|para))?|dossi[eê]r?(?:\s+(?:sobre|sur))?|guest\s+editors?|deadline)\b\s*[:：–—-]?\s*`,
  'giu',
);

/** Where a name stops on a run-on line: the next announcing words, a sentence's end, the call's people or dates. */
const STOP = /\s+(?:[Gg]uest [Ee]ditors?|[Ee]dited by|[Dd]eadline|[Ss]ubmission|[Ii]ntroduction|[Oo]verview|[Aa]ims and [Ss]cope|(?:\p{Lu}[\p{L}.-]+ ){1,3}\(Hg\.\))|\.\s+(?=\p{Lu})|\s+\((?:Hg|eds?)\.?\)/u;

const MAX_WORDS = 25;

function clean(s: string): string {
  // An ellipsis or a bullet a page puts before the name ("Call for Papers ... X") is no part of it.
  return s.trim().replace(/^(?:\.{2,}|…|[•·*])\s*/u, '').replace(/^[“"‘«]+|[”"’»]+$/gu, '').replace(/[\s,;:–—-]+$/u, '').trim();
}

/** Starts as a name does: a capital, a digit or a quote; not a preposition or article of a running sentence. */
function nameLike(s: string): boolean {
  const words = s.split(/\s+/);
  return /^[“"‘«]?[\p{Lu}\d]/u.test(s) && words.length >= 2 && words.length <= MAX_WORDS && !/[@]|https?:/.test(s) && /\p{L}{3}/u.test(s);
}

/** The stretches after each announcing phrase of a line, up to the next one or the end of the name. */
export function betweenAnnouncements(text: string): string[] {
  const t = text.slice(0, 600);
  const hits = [...t.matchAll(new RegExp(ANNOUNCING.source, 'giu'))];
  const out: string[] = [];
  hits.forEach((m, i) => {
    const from = (m.index ?? 0) + m[0].length;
    const to = hits[i + 1]?.index ?? t.length;
    let seg = t.slice(from, to);
    const stop = STOP.exec(seg);
    if (stop) seg = seg.slice(0, stop.index);
    seg = clean(seg);
    if (nameLike(seg) && seg.length <= 250) out.push(seg);
  });
  return out;
}

/** "Call for Papers: X" written inside quotes: the issue named with its own announcing words. */
export function quotedAnnounced(text: string): string[] {
  const out: string[] = [];
  for (const m of text.slice(0, 20_000).matchAll(/[“"«]((?:[Cc]all for [Pp]apers|[Ss]pecial [Ii]ssue|CFP)\s*[:：–—-]\s*[^“”"«»\n]{4,200})[”"»]/gu)) {
    for (const s of betweenAnnouncements(m[1] ?? '')) out.push(s);
  }
  return out;
}

/** A name wrapped onto a second line: the first line ends in a colon or holds the announcing words, the second is short and no sentence. */
export function joinedLines(head: readonly Line[]): Array<{ text: string; lines: number[] }> {
  const out: Array<{ text: string; lines: number[] }> = [];
  for (let i = 0; i + 1 < head.length; i++) {
    const a = head[i];
    const b = head[i + 1];
    if (!a || !b || b.index !== a.index + 1) continue;
    const at = a.text.trim();
    const bt = b.text.trim();
    const words = bt.split(/\s+/).length;
    if (at.length > 200 || bt.length > 140 || words > 16 || /[.;!?:：]$/.test(bt) || /[@]|https?:/.test(at + bt) || !/^[\p{Lu}\d“"‘]/u.test(bt)) continue;
    const colonEnd = /\p{L}{2}[:：]$/u.test(at) && at.split(/\s+/).length >= 2 && !/\b(?:editors?|deadlines?|dates?|topics?|contacts?|submissions?|scope|keywords)\s*[:：]$/i.test(at);
    // Announcing words, not a label of the call's people or dates ("Guest Editors" above a name).
    const announcing = [...at.matchAll(new RegExp(ANNOUNCING.source, 'giu'))].some((m) => !/^(?:guest|deadline)/i.test(m[0])) && !/[.;!?:]$/.test(at);
    if (colonEnd || announcing) out.push({ text: `${at} ${bt}`, lines: [a.index, b.index] });
  }
  return out;
}

/** Small words a name written in title case keeps between its capitalised words. */
const SMALL = '(?:of|and|in|the|for|on|a|an|to|with|from|at|by|&|de|des|du|la|le|et|y|e|und|der|die|das|für)';
/** "... are leading the NSE issue Technical Challenges and Opportunities in the Development and Deployment of Microreactors, while ...":
 * a name in title case straight after "issue" (or "collection", "section", "feature") in running prose. */
const ISSUE_TITLE_CASE = new RegExp(`\\b(?:issue|collection|section|feature|dossier)\\s+((?:\\p{Lu}[\\p{L}\\p{N}’'-]*)(?:\\s+(?:${SMALL}|\\p{Lu}[\\p{L}\\p{N}’'-]*)){2,20})`, 'gu');

/** Names written in title case after a lower-case issue word of the prose (see {@link ISSUE_TITLE_CASE}). */
export function titleCaseAfterIssue(text: string): string[] {
  const out: string[] = [];
  for (const m of text.slice(0, 8_000).matchAll(ISSUE_TITLE_CASE)) {
    // The name ends on a capitalised word, not on the small word before the sentence goes on.
    const name = (m[1] ?? '').replace(new RegExp(`(?:\\s+${SMALL})+$`, 'u'), '');
    if (name.split(/\s+/).length >= 3 && name.split(/\s+/).length <= MAX_WORDS) out.push(name);
    if (out.length >= 5) break;
  }
  return out;
}
