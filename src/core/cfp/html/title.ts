/**
 * A page's title for the call: the publisher reader's, the `citation_title` /
 * Open Graph / JSON-LD title, the page's `<h1>`, or the document `<title>`
 * without its site name, whichever comes first and is not a generic page
 * heading ("Call for Papers", "Special Issues").
 */
import type { FieldSource } from '../../schema.js';
import { cleanTitle, isGenericTitle, fromSpecial } from '../title.js';
import { quotedIssue } from '../title-quoted.js';
import { namesNoIssue } from '../title-announce.js';
import { isJournalName } from '../venue-lines.js';
import type { PageMeta } from './dom.js';
import type { ReaderResult } from './readers/index.js';
import type { PageTitle } from '../title-candidates.js';

const EVENT = /^(?:(?:19|20)\d{2}\s+)?[A-Z][A-Z&-]{2,}(?:\s*['’]?\d{2,4})?(?:\s+[\p{Lu}][\p{L}]+){0,3}$/u;

/** "Call for Papers: X", "Special Issue on X", "X | MDPI" -> X, or undefined when what is left names no issue. */
function titleOf(raw: string, siteName: string | undefined): string | undefined {
  const t = stripPageTitle(raw, siteName);
  // A conference's heading ("IPIN 2021", "2026 EMCSDG Hong Kong") names the event whose site hosts the call, not the issue.
  if (t.length < 4 || isGenericTitle(t) || EVENT.test(t) || namesNoIssue(t, [])) return undefined;
  return t;
}

/** A page title without the site's name, announcement words and an event's tag. */
function stripPageTitle(raw: string, siteName: string | undefined): string {
  let t = raw.replace(/\s+/g, ' ').trim();
  // "CFP - Special issue, "X," Journal": the quotes mark the name.
  const quoted = quotedIssue(t);
  if (quoted) t = quoted;
  const parts = t.split(/\s+[|–—]\s+|\s+-\s+/);
  if (parts.length > 1) {
    const site = (siteName ?? '').toLowerCase();
    // A part that only says where the issue appears ("Special Issue in Scientometrics - AI + Informetrics") is not its title.
    const kept = parts.filter((p) => !isGenericTitle(cleanTitle(p)) && p.toLowerCase() !== site && !/^(?:sciencedirect|mdpi|springer|wiley|frontiers|taylor|ieee|home)\b/i.test(p) && !/^(?:an?\s+)?special issue (?:in|of|for)\b/i.test(p));
    t = kept.sort((a, b) => b.length - a.length)[0] ?? t;
  }
  // An event's acronym and year after the title ("(AII2021)") names the workshop the issue comes from.
  return cleanTitle(fromSpecial(t)?.title ?? t).replace(/\s*\([A-Z][A-Za-z&-]{1,10}['’]?\d{2,4}\)$/, '');
}

const plainWords = (s: string) => ` ${s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;

/**
 * @example
 * htmlTitle(doc, { title: { value: 'Soil Health | MDPI', where: 'meta og:title' } }, undefined)
 * // { value: 'Soil Health', source: { from: 'meta', where: 'meta og:title' } }
 */
export function htmlTitle(
  doc: Document,
  meta: PageMeta,
  reader: ReaderResult | undefined,
): { value: string; source: FieldSource; venue?: string } | undefined {
  const h1 = doc.querySelector('h1')?.textContent ?? '';
  // A heading that announces the issue ("Data Intelligence Journal Special Issue on X") beats an <h1> that is the site's logo ("PHKG @ KGC").
  const announcing = [...doc.querySelectorAll('h1, h2, h3')]
    .map((h, i) => ({ text: (h.textContent ?? '').replace(/\s+/g, ' ').trim(), where: `${h.tagName.toLowerCase()}${i > 0 ? ` #${i + 1}` : ''}` }))
    .find((h) => h.text.length < 300 && fromSpecial(h.text) !== undefined);
  const h1Announces = fromSpecial(h1) !== undefined || /call for|special|issue/i.test(h1);
  const candidates: Array<[string | undefined, FieldSource]> = [
    [reader?.title, { from: 'publisher', where: reader?.where['title'] ?? 'publisher reader' }],
    [meta.title?.value, { from: 'meta', where: meta.title?.where ?? 'meta' }],
    ...(announcing && !h1Announces ? [[announcing.text, { from: 'html-element', where: announcing.where }] as [string, FieldSource]] : []),
    [h1, { from: 'html-element', where: 'h1' }],
    [meta.docTitle, { from: 'html-element', where: 'title' }],
  ];
  const bodyWords = plainWords(doc.body?.textContent ?? '');
  for (const [raw, source] of candidates) {
    // A page headed by its journal's name (a workshop or society page: "<h1>Applied Stochastic Models in Business and Industry (ASMBI)</h1>") does not name the issue there.
    let value = raw && !isJournalName(raw.replace(/\s+/g, ' ').trim()) ? titleOf(raw, meta.siteName) : undefined;
    // A document <title> the page never repeats is the site's label for every page ("DBWorld Message"), not the call's.
    if (value && raw === meta.docTitle && !bodyWords.includes(plainWords(value))) value = undefined;
    // The journal named beside the title in the same heading ("X Journal Special Issue on Y").
    const venue = raw ? fromSpecial(raw.replace(/\s+/g, ' ').trim())?.venue : undefined;
    if (value) return { value, source, ...(venue ? { venue } : {}) };
  }
  return undefined;
}

/**
 * Every title the page's markup offers, for the learned chooser: the
 * publisher reader's, the meta title, each `<h1>`-`<h3>` heading and the
 * document `<title>`, each without site name and announcement words (and
 * also as written, when that differs). Nothing is rejected here: the
 * chooser weighs generic, event-like and unrepeated titles by their features.
 *
 * @example
 * pageTitles(doc, { docTitle: 'Soil Health | MDPI' }, undefined).map((p) => p.text) // ['Soil Health', 'Soil Health | MDPI']
 */
export function pageTitles(doc: Document, meta: PageMeta, reader: ReaderResult | undefined): PageTitle[] {
  const bodyWords = plainWords(doc.body?.textContent ?? '');
  const heads = [...doc.querySelectorAll('h1, h2, h3')].slice(0, 12).map((h, i) => ({ text: (h.textContent ?? '').replace(/\s+/g, ' ').trim(), tag: h.tagName.toLowerCase(), i }));
  const raw: Array<[string | undefined, string, FieldSource]> = [
    [reader?.title, 'page-reader', { from: 'publisher', where: reader?.where['title'] ?? 'publisher reader' }],
    [meta.title?.value, 'page-meta', { from: 'meta', where: meta.title?.where ?? 'meta' }],
    ...heads.map((h): [string, string, FieldSource] => [h.text, fromSpecial(h.text) ? 'page-announcing' : h.tag === 'h1' ? 'page-h1' : 'page-heading', { from: 'html-element', where: `${h.tag}${h.i > 0 ? ` #${h.i + 1}` : ''}` }]),
    [meta.docTitle, 'page-doctitle', { from: 'html-element', where: 'title' }],
  ];
  const out: PageTitle[] = [];
  for (const [text, source, where] of raw) {
    if (!text || text.length > 300) continue;
    const stripped = stripPageTitle(text, meta.siteName);
    const unrepeated = text === meta.docTitle && !bodyWords.includes(plainWords(stripped));
    const whole = text.replace(/\s+/g, ' ').trim();
    out.push({ text: stripped, source, where, ...(unrepeated ? { unrepeated } : {}) });
    // The markup as written is a candidate of its own kind: site name and announcement words still on it.
    if (whole !== stripped) out.push({ text: whole, source: 'page-raw', where, ...(unrepeated ? { unrepeated } : {}) });
  }
  return out;
}
