/** The draft with the sentences that support each matched topic marked. */
import { html, type Html } from './html.js';

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

/**
 * The texts (title, abstract) with each evidence sentence in a <mark>; sentences found in neither
 * (the ranker normalises text, e.g. LaTeX) are listed after them.
 *
 * @example
 * highlight(['T', 'We do x. We do y.'], [{ sentence: 'We do y.', label: 'Topic' }])
 */
export function highlight(texts: readonly string[], marks: ReadonlyArray<{ sentence: string; label: string }>): Html {
  const found = new Set<string>();
  const paras = texts.map(squash).filter(Boolean).map((text) => {
    const spans: Array<{ start: number; end: number; label: string }> = [];
    for (const m of marks) {
      const s = squash(m.sentence);
      const start = s ? text.indexOf(s) : -1;
      if (start < 0) continue;
      found.add(m.sentence);
      spans.push({ start, end: start + s.length, label: m.label });
    }
    spans.sort((x, y) => x.start - y.start);
    const parts: Html[] = [];
    let at = 0;
    for (const s of spans) {
      if (s.start < at) continue; // overlapping evidence: keep the first
      parts.push(html`${text.slice(at, s.start)}<mark title="${s.label}">${text.slice(s.start, s.end)}</mark>`);
      at = s.end;
    }
    return html`<p>${parts}${text.slice(at)}</p>`;
  });
  const rest = marks.filter((m) => !found.has(m.sentence)).map((m) => html`<p><mark title="${m.label}">${m.sentence}</mark></p>`);
  return html`<div class="draft">${paras}${rest}</div>`;
}
