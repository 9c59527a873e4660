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
        run = { items: [], intro: prevNonBlank(lines, i), start: i, end: i };
        runs.push(run);
        baseIndent = l.indent;
        topMarker = l.marker;
        subMarker = undefined;
      }
      run.end = i;
      // Deeper indentation, or a different mark straight under an item ("* Group" then "- item"), nests;
      // after a blank line a new mark starts a new list level of its own.
      const afterBlank = lines[i - 1]?.kind === 'blank';
      const markedUnder = l.marker !== topMarker && (l.marker === subMarker || !afterBlank);
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
    } else if (run && last && l.kind === 'text' && l.indent > 0 && lines[i - 1]?.kind !== 'blank') {
      // An indented line straight after a bullet is that bullet wrapped.
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
 * The sentence that introduces a run: the last sentence of the line before
 * it ("... Consequently, the topics of interest include the following:"),
 * or '' when a heading introduces it.
 *
 * @example
 * introOf(run) // 'Consequently, the topics of interest include but are not limited to the following:'
 */
export function introOf(run: BulletRun): string {
  if (!run.intro || run.intro.kind !== 'text') return '';
  const parts = run.intro.text.split(/(?<=[.!?])\s+(?=[\p{Lu}\d"“])/u);
  return parts[parts.length - 1] ?? '';
}
