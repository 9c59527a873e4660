/**
 * What the catalogue itself reads from HTML: the links of a listing page and, until the HTML
 * parser of the parsing issue is used, the page as markdown-ish text for the text parser.
 * linkedom is a small pure-JS DOM, so this stays runtime-neutral.
 */
import { parseHTML } from 'linkedom';

/** Elements whose text is never content. */
const DROP = 'script, style, noscript, template, svg, iframe, nav, header, footer, form, button';

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

/** linkedom needs a document element: fragments (a feed item's body, plain text) are wrapped. */
function parse(html: string) {
  return parseHTML(/<html[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`);
}

function documentOf(html: string) {
  const { document } = parse(html);
  for (const el of [...document.querySelectorAll(DROP)]) el.remove();
  return document;
}

const BLOCK = new Set(['P', 'DIV', 'SECTION', 'ARTICLE', 'MAIN', 'TABLE', 'TR', 'UL', 'OL', 'DL', 'DD', 'DT', 'BLOCKQUOTE', 'BR', 'HR', 'ASIDE', 'FIGURE']);

/**
 * The page's main text as lines: headings as `## `, list items as `- `, blocks separated by blank
 * lines, so the text parser sees the structure a copy from a browser would keep.
 *
 * @example
 * htmlToText('<h1>Call</h1><ul><li>Edge AI</li></ul>') // '## Call\n\n- Edge AI'
 */
export function htmlToText(html: string): string {
  const document = documentOf(html);
  const root = (document.querySelector('main, article, [role=main]') ?? document.body ?? document.documentElement) as unknown as DomNode | null;
  if (!root) return '';
  const out: string[] = [];
  let line = '';
  const flush = (gap: boolean) => {
    const t = line.replace(/\s+/g, ' ').trim();
    if (t) out.push(t);
    if (gap && out.length && out[out.length - 1] !== '') out.push('');
    line = '';
  };
  const walk = (node: DomNode) => {
    if (node.nodeType === 3) {
      line += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== 1) return;
    const tag = node.nodeName.toUpperCase();
    if (/^H[1-6]$/.test(tag)) {
      flush(true);
      line = '## ';
      for (const c of Array.from(node.childNodes)) walk(c);
      flush(true);
      return;
    }
    if (tag === 'LI') {
      flush(false);
      line = '- ';
      for (const c of Array.from(node.childNodes)) walk(c);
      flush(false);
      return;
    }
    const block = BLOCK.has(tag);
    if (block) flush(tag !== 'BR' && tag !== 'TR' && tag !== 'DD' && tag !== 'DT');
    for (const c of Array.from(node.childNodes)) walk(c);
    if (block) flush(tag !== 'BR' && tag !== 'TR' && tag !== 'DD' && tag !== 'DT');
  };
  walk(root);
  flush(false);
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}

export interface PageLink {
  url: string;
  text: string;
}

/**
 * Absolute http(s) links of a page with their anchor text, in page order, without duplicates
 * (fragments are kept: one listing page often holds several calls under #anchors).
 *
 * @example
 * extractLinks('<a href="/si/1">Call</a>', 'https://example.org/calls') // [{ url: 'https://example.org/si/1', text: 'Call' }]
 */
export function extractLinks(html: string, baseUrl: string): PageLink[] {
  const document = documentOf(html);
  const base = document.querySelector('base[href]')?.getAttribute('href');
  const seen = new Set<string>();
  const links: PageLink[] = [];
  for (const a of [...document.querySelectorAll('a[href]')]) {
    const href = a.getAttribute('href') ?? '';
    let url: URL;
    try {
      url = new URL(href, base ? new URL(base, baseUrl) : baseUrl);
    } catch {
      continue;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') continue;
    const key = url.href;
    if (seen.has(key)) continue;
    seen.add(key);
    links.push({ url: key, text: (a.textContent ?? '').replace(/\s+/g, ' ').trim() });
  }
  return links;
}

/** `<title>` or `og:title`, for documents that give nothing better. */
export function htmlTitle(html: string): string | undefined {
  const { document } = parse(html);
  const og = document.querySelector('meta[property="og:title"]')?.getAttribute('content');
  const title = og ?? document.querySelector('title')?.textContent ?? undefined;
  return title?.replace(/\s+/g, ' ').trim() || undefined;
}
