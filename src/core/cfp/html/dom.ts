/**
 * A page as a DOM (linkedom: pure JS, so this runs on Node and Workers),
 * with the parts that are never content removed, and the page's metadata.
 */
import { parseHTML } from 'linkedom';

/** Elements whose text is never CFP content: code, styling, embedded media, forms. */
const NEVER_CONTENT = 'script, style, noscript, template, svg, canvas, iframe, object, embed, form, button, select, input, textarea, link';

/**
 * Parse HTML into a document and drop scripts, styles and other non-content
 * elements, so their text can never become a topic or a title.
 *
 * @example
 * parseDocument('<p>Hi<script>x()</script></p>').body.textContent // 'Hi'
 */
export function parseDocument(html: string): Document {
  // A fragment (no <html>/<body>) parses into an empty body in linkedom; wrap it.
  const full = /<body[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`;
  // linkedom implements the DOM interfaces the rest of this module uses; its own types are a separate, narrower declaration.
  const doc = parseHTML(full).document as unknown as Document;
  for (const el of [...doc.querySelectorAll(NEVER_CONTENT)]) el.remove();
  return doc;
}

/**
 * An element's text (or any text) on one line: whitespace runs collapsed, ends trimmed.
 *
 * @example
 * squash(' Special\n  Issue ') // 'Special Issue'
 */
export const squash = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();

/** Page metadata a CFP parser can use, each with where it came from. */
export interface PageMeta {
  title?: { value: string; where: string };
  venue?: { value: string; where: string };
  publisher?: { value: string; where: string };
  siteName?: string;
  /** The document's `<title>`. */
  docTitle?: string;
  /** The page's description (`description` / `og:description` meta), which often names the journal. */
  description?: string;
}

function meta(doc: Document, names: readonly string[]): { value: string; where: string } | undefined {
  for (const name of names) {
    const el = doc.querySelector(`meta[name="${name}" i], meta[property="${name}" i]`);
    const value = el?.getAttribute('content')?.replace(/\s+/g, ' ').trim();
    if (value) return { value, where: `meta ${name}` };
  }
  return undefined;
}

/** JSON-LD objects in the page (malformed blocks are skipped: pages get these wrong often). */
function jsonLd(html: string): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  for (const m of html.matchAll(/<script[^>]+application\/ld\+json[^>]*>([\s\S]{0,200000}?)<\/script>/gi)) {
    try {
      const v: unknown = JSON.parse(m[1] ?? '');
      const items = Array.isArray(v) ? v : [v];
      for (const item of items) if (item && typeof item === 'object') out.push(item as Record<string, unknown>);
    } catch {
      // Not JSON: ignore this block.
    }
  }
  return out;
}

/**
 * Title, venue and publisher from `citation_*`, Open Graph, Dublin Core and
 * JSON-LD metadata. Read from the raw HTML for JSON-LD because scripts are
 * removed from the document before anything else reads it.
 *
 * @example
 * pageMeta(doc, html).title // { value: 'Soil Health', where: 'meta citation_title' }
 */
export function pageMeta(doc: Document, html: string): PageMeta {
  const out: PageMeta = {};
  const ld = jsonLd(html);
  const ldName = ld.map((o) => o['name'] ?? o['headline']).find((v): v is string => typeof v === 'string' && v.trim().length > 0);
  const title = meta(doc, ['citation_title', 'dc.title', 'og:title', 'twitter:title']) ?? (ldName ? { value: ldName.trim(), where: 'JSON-LD name' } : undefined);
  if (title) out.title = title;
  const venue = meta(doc, ['citation_journal_title', 'prism.publicationName', 'citation_conference_title']);
  if (venue) out.venue = venue;
  const publisher = meta(doc, ['citation_publisher', 'dc.publisher', 'publisher']);
  if (publisher) out.publisher = publisher;
  const site = meta(doc, ['og:site_name', 'application-name']);
  if (site) out.siteName = site.value;
  const description = meta(doc, ['description', 'og:description', 'twitter:description']);
  if (description) out.description = description.value;
  const docTitle = doc.querySelector('title')?.textContent?.replace(/\s+/g, ' ').trim();
  if (docTitle) out.docTitle = docTitle;
  return out;
}
