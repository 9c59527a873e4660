/**
 * What the catalogue reads from HTML itself: the call links of a listing page, and the text of a
 * feed item's HTML body. Both use the CFP parser's DOM (linkedom) and its structure-keeping text.
 */
import { parseDocument } from '../cfp/html/dom.js';
import { htmlToText } from '../cfp/html/to-text.js';

export interface PageLink {
  url: string;
  text: string;
}

/**
 * A fragment of HTML (a feed item's body) as line-structured text: headings, list items, paragraphs.
 *
 * @example
 * fragmentText('<p>Topics:</p><ul><li>Edge AI</li></ul>') // 'Topics:\n\n- Edge AI'
 */
export function fragmentText(html: string): string {
  return htmlToText(parseDocument(/<[a-z][\s\S]*>/i.test(html) ? html : `<p>${html.replace(/</g, '&lt;')}</p>`).body);
}

/**
 * Absolute http(s) links of a page with their anchor text, in page order, without duplicates
 * (fragments are kept: one listing page often holds several calls under #anchors).
 *
 * @example
 * extractLinks('<a href="/si/1">Call</a>', 'https://example.org/calls') // [{ url: 'https://example.org/si/1', text: 'Call' }]
 */
export function extractLinks(html: string, baseUrl: string): PageLink[] {
  const document = parseDocument(html);
  const base = document.querySelector('base[href]')?.getAttribute('href');
  const seen = new Set<string>();
  const links: PageLink[] = [];
  for (const a of [...document.querySelectorAll('a[href]')]) {
    let url: URL;
    try {
      url = new URL(a.getAttribute('href') ?? '', base ? new URL(base, baseUrl) : baseUrl);
    } catch {
      continue;
    }
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || seen.has(url.href)) continue;
    seen.add(url.href);
    links.push({ url: url.href, text: (a.textContent ?? '').replace(/\s+/g, ' ').trim() });
  }
  return links;
}
