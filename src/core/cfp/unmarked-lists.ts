/**
 * Lists copied from a browser lose their bullet marks: one topic per line
 * after a topics lead-in ("Topics of interest include:") or under a Topics
 * heading, ending at a blank line, a heading, a new lead-in, or a line that is
 * not an item (prose, a person's name, an address). Indentation still nests.
 * Hard-wrapped prose is never a list: its lines run on into each other.
 */
import type { Line } from './lines.js';
import { lastSentence, type BulletItem, type BulletRun } from './lists.js';
import { TITLE_PREFIX } from './names.js';
import type { SectionKind } from './sections.js';
import { hasTopicWords } from './topics.js';
import { TOPICS_ABROAD } from './topic-words.js';

/** A sentence cut off by its list: it ends with the words that open one, with a comma or nothing after ("... not limited to the following,"). */
const OPEN_ENDED = /\b(?:following|not limited to|include[sd]?|including|such as)\s*,?\s*$/i;

/** A sentence that leads into a list of topics, ending with a colon (or with the words that open a list). */
function isTopicLeadIn(l: Line): boolean {
  if (l.kind !== 'text' || !(/[:：]\s*$/.test(l.text) || OPEN_ENDED.test(l.text))) return false;
  const last = lastSentence(l.text);
  return hasTopicWords(last) && (/following|include|topics?|areas?|themes?|not limited|interest/i.test(last) || TOPICS_ABROAD.test(last));
}

/** A line that can be a list item: short, one sentence at most, not a person ("Prof. X"), an e-mail or a link. */
function itemLike(l: Line): boolean {
  const t = l.text;
  if (l.kind !== 'text' || t.length === 0 || t.length > 300 || /[:：]\s*$/.test(t)) return false;
  if (/@|^https?:\/\/|^www\./i.test(t)) return false;
  if (TITLE_PREFIX.test(t)) return false;
  // Two full sentences are prose (an abbreviation such as "Dr." or "U.S." before a capital is not a sentence end).
  return !/\p{L}{4,}[.!?]\s+\p{Lu}/u.test(t);
}

/** Hard-wrapped prose: most lines run on into a next line that starts in lower case. */
function wrappedProse(block: readonly Line[]): boolean {
  const starts = block.map((l) => l.text.trimStart());
  const lower = starts.slice(1).filter((t) => /^\p{Ll}/u.test(t)).length;
  const upper = starts.filter((t) => /^[\p{Lu}\d"“‘'(]/u.test(t)).length;
  return lower > (block.length - 1) / 3 && upper < block.length;
}

/** The items of a block: lines indented deeper than the first nest under the item above. */
function toItems(block: readonly Line[]): BulletItem[] {
  const base = block[0]?.indent ?? 0;
  const items: BulletItem[] = [];
  for (const l of block) {
    const last = items[items.length - 1];
    if (last && l.indent > base + 1) {
      last.subs.push(l.text);
      last.lines.push(l.index);
    } else items.push({ text: l.text, lines: [l.index], subs: [] });
  }
  return items;
}

/**
 * A grouped list goes on past a blank line: the block so far is a heading with
 * indented items under it, and after the blank line comes another heading at
 * the same depth with indented items of its own ("Big Data Management /
 * Metadata Management / ..." then "Big Data Visualization / ...").
 */
function groupGoesOn(lines: readonly Line[], blank: number, block: readonly Line[]): boolean {
  const base = block[0]?.indent ?? 0;
  if (!block.some((l) => l.indent > base + 1)) return false;
  const head = lines[blank + 1];
  const under = lines[blank + 2];
  return !!head && !!under && itemLike(head) && itemLike(under) && head.indent <= base + 1 && under.indent > base + 1;
}

/**
 * Unmarked lists after a topics lead-in or under a topics heading.
 *
 * @example
 * const lines = toLines('Topics include:\n\nSpatial data mining\nLocation privacy\n\nMore prose.');
 * unmarkedRuns(lines, sectionsOf(lines))[0].items.map((i) => i.text) // ['Spatial data mining', 'Location privacy']
 */
export function unmarkedRuns(lines: readonly Line[], sections: readonly SectionKind[]): BulletRun[] {
  const runs: BulletRun[] = [];
  for (let i = 0; i < lines.length; i++) {
    const intro = lines[i];
    if (!intro) continue;
    const lead = isTopicLeadIn(intro) || (intro.kind === 'heading' && sections[i] === 'topics');
    if (!lead) continue;
    // The list starts after at most two blank lines (or a rule under a heading).
    let j = i + 1;
    while (j < lines.length && j <= i + 3 && (lines[j]?.kind === 'blank' || lines[j]?.kind === 'rule')) j++;
    const block: Line[] = [];
    for (; j < lines.length; j++) {
      const l = lines[j];
      if (l?.kind === 'blank' && groupGoesOn(lines, j, block)) continue;
      if (!l || !itemLike(l)) break;
      block.push(l);
    }
    if (block.length < 2 || wrappedProse(block)) continue;
    const first = block[0];
    const lastLine = block[block.length - 1];
    if (!first || !lastLine) continue;
    runs.push({ items: toItems(block), intro, start: first.index, end: lastLine.index, unmarked: true });
    i = lastLine.index;
  }
  return runs;
}
