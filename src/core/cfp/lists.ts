/**
 * Bullet runs: consecutive bullet items (blank lines and wrapped
 * continuation lines allowed) with the line that introduces them.
 */
import type { Line } from './lines.js';
import { prevNonBlank } from './lines.js';

export interface BulletItem {
  text: string;
  lines: number[];
  /** Items nested under this one (indented deeper than the run's first bullet, or marked differently). */
  subs: string[];
}

export interface BulletRun {
  items: BulletItem[];
  /** The non-blank line just before the first bullet (usually "... the following topics:"). */
  intro: Line | undefined;
  start: number;
  end: number;
  /** Set for lists written without marks (one item per line after a topics lead-in). */
  unmarked?: boolean;
  /** The intro's paragraph when an e-mail wrapped it over several lines ("... the following research questions shall be addressed by" / "this Special Issue:"). */
  lead?: string;
}

/** The paragraph ending at line `at`: up to four text lines straight above it, joined. */
function paragraphUpTo(lines: readonly Line[], at: Line | undefined): string | undefined {
  if (!at || at.kind !== 'text') return undefined;
  const parts = [at.text];
  for (let j = at.index - 1; j >= 0 && parts.length < 5 && lines[j]?.kind === 'text' && (lines[j]?.text.length ?? 0) > 0; j--) parts.unshift(lines[j]?.text ?? '');
  return parts.length > 1 ? parts.join(' ') : undefined;
}

/**
 * Group bullet lines into runs.
 *
 * @example
 * bulletRuns(toLines('Topics:\n- A\n- B')).map((r) => r.items.map((i) => i.text)) // [['A', 'B']]
 */
export function bulletRuns(lines: readonly Line[]): BulletRun[] {
  const runs: BulletRun[] = [];
  let run: BulletRun | undefined;
  let last: BulletItem | undefined;
  let baseIndent = 0;
  let topMarker: string | undefined;
  let subMarker: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (!l) continue;
    if (l.kind === 'bullet') {
      if (!run) {
        const intro = prevNonBlank(lines, i);
        const lead = paragraphUpTo(lines, intro);
        run = { items: [], intro, start: i, end: i, ...(lead ? { lead } : {}) };
        runs.push(run);
        baseIndent = l.indent;
        topMarker = l.marker;
        subMarker = undefined;
      }
      run.end = i;
      // Deeper indentation, or a different mark straight under an item ("* Group" then "- item"), nests;
      // after a blank line a new mark starts a new list level of its own.
      const afterBlank = lines[i - 1]?.kind === 'blank';
      // An item that leads into a list ("1. New methods, such as", "* Systems:") takes the differently marked items after it, blank line or not.
      const leadsIn = last !== undefined && LEADS_IN.test(last.text);
      const markedUnder = l.marker !== topMarker && (l.marker === subMarker || !afterBlank || leadsIn);
      if (last && (l.indent > baseIndent + 1 || markedUnder)) {
        if (l.indent <= baseIndent + 1) subMarker = l.marker;
        last.subs.push(l.text);
        last.lines.push(i);
        continue;
      }
      last = { text: l.text, lines: [i], subs: [] };
      topMarker = l.marker;
      subMarker = undefined;
      run.items.push(last);
    } else if (l.kind === 'blank') {
      continue;
    } else if (run && last && l.kind === 'text' && l.indent > 0 && lines[i - 1]?.kind !== 'blank' && lines[i - 1]?.kind === 'bullet' && unmarkedSubs(lines, i)) {
      // Items whose marks were lost ("(i) Fundamentals" over " Social network models" lines) are sub-items, not the bullet wrapped.
      for (let j = i; j < lines.length && lines[j]?.kind === 'text' && (lines[j]?.indent ?? 0) > 0; j++) {
        last.subs.push(lines[j]?.text ?? '');
        last.lines.push(j);
        run.end = j;
        i = j;
      }
    } else if (run && last && l.kind === 'text' && lines[i - 1]?.kind !== 'blank' && (l.indent > 0 || hardWrapped(lines[i - 1], l))) {
      // An indented line straight after a bullet is that bullet wrapped; so is an unindented one that plainly goes on.
      const subs = last.subs;
      if (subs.length > 0) subs[subs.length - 1] = `${subs[subs.length - 1] ?? ''} ${l.text}`;
      else last.text = `${last.text} ${l.text}`;
      last.lines.push(i);
      run.end = i;
    } else {
      run = undefined;
      last = undefined;
    }
  }
  return runs;
}

/**
 * A line that goes on from the line above, as e-mails wrap list items at a
 * fixed width: the line above stops mid-phrase ("legitimate and") or this one
 * starts in lower case ("malicious nodes").
 */
function hardWrapped(above: Line | undefined, l: Line): boolean {
  if (!above || l.text.length > 200 || /[:：]$/.test(l.text)) return false;
  return /^\p{Ll}/u.test(l.text) || /(?:[,\-–]|\b(?:and|or|of|for|the|in|to|with|between|on))$/i.test(above.text);
}

/** An item that ends by leading into a list of its own. */
const LEADS_IN = /(?:[:：]|\bsuch as|\bincluding|\binclude[sd]?|\be\.g\.?|\bas follows)\s*$/i;

/**
 * Whether the indented lines from `i` are items that lost their marks rather
 * than a bullet wrapped onto more lines: two or more short lines, each
 * starting with a capital, under a bullet that ends a phrase.
 */
function unmarkedSubs(lines: readonly Line[], i: number): boolean {
  const above = lines[i - 1];
  if (!above || /[,;\-–]$|\b(?:and|or|of|for|the|in|to|with)$/i.test(above.text)) return false;
  let n = 0;
  for (let j = i; j < lines.length; j++) {
    const l = lines[j];
    if (!l || l.kind !== 'text' || l.indent === 0) break;
    if (!/^[\p{Lu}\d]/u.test(l.text) || l.text.length > 150) return false;
    n++;
  }
  return n >= 2;
}

/**
 * The sentence that introduces a run: the last sentence of the line before
 * it ("... Consequently, the topics of interest include the following:"),
 * or '' when a heading introduces it.
 *
 * @example
 * introOf(run) // 'Consequently, the topics of interest include but are not limited to the following:'
 */
export function introOf(run: BulletRun): string {
  return run.intro && run.intro.kind === 'text' ? lastSentence(run.lead ?? run.intro.text) : '';
}

/**
 * The last sentence of a line: a sentence ends at ".", "!" or "?" before a
 * capital, a digit or an opening quote, but not after an honorific or an
 * initial ("Prof. Christopher B. Barrett" is one name).
 *
 * @example
 * lastSentence('We invite papers. Topics include:') // 'Topics include:'
 */
export function lastSentence(text: string): string {
  return lineSentences(text).pop() ?? '';
}

/** A sentence break: ".", "!" or "?" before a capital, a digit or an opening quote, not after an honorific, an initial or (`prose`) "e.g.", "i.e.", "etc.", "vs.", "cf.". */
const SENTENCE_BREAK = /(?<!\b(?:Prof|Dr|Mr|Ms|Mrs|Assoc|Asst|Jr|Sr|St|al|\p{Lu})\.)(?<=[.!?])\s+(?=[\p{Lu}\d"“])/u;
const PROSE_SENTENCE_BREAK = /(?<!\b(?:Prof|Dr|Mr|Ms|Mrs|Assoc|Asst|Jr|Sr|St|al|e\.g|i\.e|etc|vs|cf|\p{Lu})\.)(?<=[.!?])\s+(?=[\p{Lu}\d"“])/u;

/**
 * The sentences of a line or paragraph, split as {@link lastSentence} splits them; `prose` also keeps
 * "e.g.", "i.e.", "etc.", "vs." and "cf." inside a sentence (the topic chooser's enumerations run past them).
 *
 * @example
 * lineSentences('We invite papers. Dr. Kim edits it.') // ['We invite papers.', 'Dr. Kim edits it.']
 */
export function lineSentences(text: string, prose = false): string[] {
  return text.split(prose ? PROSE_SENTENCE_BREAK : SENTENCE_BREAK);
}
