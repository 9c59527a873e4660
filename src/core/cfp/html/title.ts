/**
 * A page's title for the call: the publisher reader's, the `citation_title` /
 * Open Graph / JSON-LD title, the page's `<h1>`, or the document `<title>`
 * without its site name, whichever comes first and is not a generic page
 * heading ("Call for Papers", "Special Issues").
 */
import type { FieldSource } from '../../schema.js';
import { cleanTitle, isGenericTitle, fromSpecial } from '../title.js';
import type { PageMeta } from './dom.js';
import type { ReaderResult } from './readers/index.js';

/** "Call for Papers: X", "Special Issue on X", "X | MDPI" -> X. */
function titleOf(raw: string, siteName: string | undefined): string | undefined {
  let t = raw.replace(/\s+/g, ' ').trim();
  const parts = t.split(/\s+[|–—]\s+|\s+-\s+/);
  if (parts.length > 1) {
    const site = (siteName ?? '').toLowerCase();
    const kept = parts.filter((p) => !isGenericTitle(cleanTitle(p)) && p.toLowerCase() !== site && !/^(?:sciencedirect|mdpi|springer|wiley|frontiers|taylor|ieee|home)\b/i.test(p));
    t = kept.sort((a, b) => b.length - a.length)[0] ?? t;
  }
  t = cleanTitle(fromSpecial(t)?.title ?? t);
  if (t.length < 4 || isGenericTitle(t)) return undefined;
  return t;
}

/**
 * @example
 * htmlTitle(doc, { title: { value: 'Soil Health | MDPI', where: 'meta og:title' } }, undefined)
 * // { value: 'Soil Health', source: { from: 'meta', where: 'meta og:title' } }
 */
export function htmlTitle(
  doc: Document,
  meta: PageMeta,
  reader: ReaderResult | undefined,
): { value: string; source: FieldSource } | undefined {
  const h1 = doc.querySelector('h1')?.textContent ?? '';
  const candidates: Array<[string | undefined, FieldSource]> = [
    [reader?.title, { from: 'publisher', where: reader?.where['title'] ?? 'publisher reader' }],
    [meta.title?.value, { from: 'meta', where: meta.title?.where ?? 'meta' }],
    [h1, { from: 'html-element', where: 'h1' }],
    [meta.docTitle, { from: 'html-element', where: 'title' }],
  ];
  for (const [raw, source] of candidates) {
    const value = raw ? titleOf(raw, meta.siteName) : undefined;
    if (value) return { value, source };
  }
  return undefined;
}
