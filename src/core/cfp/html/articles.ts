/**
 * The article list of a special-issue page: the papers the issue has published ("Published Papers",
 * "Articles in this special issue"), read off the page so the call can rank against them as
 * exemplars (issue #18). One generic reader for every template: an article is an element that
 * holds exactly one link to an article (a DOI, a ScienceDirect `pii` or an MDPI volume/issue/page
 * path) with a title in it; a list is the articles under a heading that names published papers,
 * or three or more side by side (two, when each is an <article> or has its title in a heading of its
 * own) under no heading that names something else (related, most read, references). Nothing
 * here fetches: the papers are what the page itself says.
 */
import { normalizeDoi } from '../../papers/schema.js';
import type { ValidExemplarInput } from '../../papers/schema.js';
import { countWords } from '../../text/normalize.js';
import { squash } from './dom.js';

export interface ArticleList {
  papers: ValidExemplarInput[];
  /** The elements that hold the papers, so the call's own text can be read without them. */
  elements: Element[];
  /** Where the list was found, for `field_sources`. */
  where: string;
}

const DOI_IN = /\b10\.\d{4,9}\/[^\s"'<>?#&]+/;
/** Article URLs without a DOI in them: ScienceDirect's `pii`, MDPI's `/<ISSN>/<volume>/<issue>/<page>`. */
const ARTICLE_PATH = /\/science\/article\/(?:abs\/)?pii\/[A-Z0-9]+|^\/\d{4}-\d{3}[\dXx]\/\d+\/\d+\/\d+(?=\/?$|\/(?:htm|pdf|review_report|s\d)\b)/i;
/** A heading that names the issue's own papers. */
const PUBLISHED =
  /\b(?:published|accepted|selected|included) (?:papers|articles|contributions)\b|\b(?:papers|articles|contributions) (?:in|of|from|published in) (?:this|the) (?:special |themed? |virtual )?(?:issue|collection|section|topic|volume)\b|\btable of contents\b|^\s*(?:contents|articles|papers|issue articles|list of (?:papers|articles))\b/i;
/** A heading over links that are not this issue's papers. */
const ELSEWHERE =
  /\b(?:related|recommended|similar|most (?:read|cited|viewed|downloaded|popular)|popular|latest|trending|you may also|news|references?|bibliography|further reading|suggested reading|works cited|see also|other (?:special )?issues|editorials? from)\b/i;
/** Link texts that are never a title ("View Article", "Full text (PDF)", "https://doi.org/..."). */
const NOT_TITLE = /^(?:view|read|download|full[ -]?text|pdf|html|abstract|more|open access|article|doi|cite|citation|export|share|details?)\b|^https?:\/\/|^10\.\d{4,9}\//i;


interface ArticleKey {
  /** One article, however it is linked: its DOI, else the article part of its path. */
  key: string;
  url?: string;
  doi?: string;
}

/** The article a link points to, or undefined for any other link. */
function articleKey(href: string, base: URL | undefined): ArticleKey | undefined {
  let abs: URL;
  try {
    abs = new URL(href, base ?? 'https://invalid.invalid/');
  } catch {
    return undefined;
  }
  let path = abs.pathname;
  try {
    path = decodeURIComponent(path);
  } catch {
    // A malformed escape: read the path as it is.
  }
  const doi = DOI_IN.exec(path)?.[0]?.replace(/[.,;)]+$/, '').replace(/\/(?:pdf|pdfft|full|abstract|epdf)$/i, '');
  const url = abs.hostname === 'invalid.invalid' ? undefined : abs.href;
  if (doi) return { key: `doi:${normalizeDoi(doi)}`, doi: normalizeDoi(doi), ...(url ? { url } : {}) };
  const article = ARTICLE_PATH.exec(path)?.[0];
  return article ? { key: `url:${article.replace(/\/$/, '').toLowerCase()}`, ...(url ? { url } : {}) } : undefined;
}

interface Item {
  el: Element;
  key: string;
  paper: ValidExemplarInput;
}

const HEADING = /^H[1-6]$/;
/** A paper's entry: title, authors, citation and an abstract of at most 10,000 characters. */
const MAX_ITEM_CHARS = 12_000;
/** Article links looked at on one page: a special issue publishes tens, a page of hundreds is a journal's archive. */
const MAX_ARTICLE_LINKS = 1_000;

/** The item's title: a title-like link text, else a heading or an element whose class says title. */
function titleOf(el: Element, links: readonly Element[]): string | undefined {
  const fromLinks = links.map((a) => squash(a.textContent)).filter((t) => countWords(t) >= 3 && !NOT_TITLE.test(t));
  if (fromLinks.length > 0) return fromLinks.sort((a, b) => b.length - a.length)[0];
  for (const sel of ['h1, h2, h3, h4, h5, h6', '[class*="title" i]', 'strong, b']) {
    const t = [...el.querySelectorAll(sel)].map((x) => squash(x.textContent)).find((x) => countWords(x) >= 3 && !NOT_TITLE.test(x));
    if (t) return t;
  }
  return undefined;
}

/** The item's abstract: an element whose class says abstract, else its longest paragraph that reads as prose. */
function abstractOf(el: Element, title: string): string {
  const clean = (x: Element) => squash(x.textContent).replace(/^abstract\s*[:.]?\s*/i, '');
  // The innermost marked element: "abstract-div" holds both a cropped and a full abstract.
  const marked = [...el.querySelectorAll('[class*="abstract" i]')].filter((x) => !x.querySelector('[class*="abstract" i]')).map(clean);
  const prose = [...el.querySelectorAll('p, div')]
    .filter((x) => x.tagName === 'P' || x.children.length === 0)
    .map(clean)
    .filter((t) => t.length >= 200 && t !== title && /[.!?]/.test(t));
  const best = [...marked.filter((t) => t.length >= 100), ...prose].sort((a, b) => b.length - a.length)[0] ?? '';
  return best.replace(/\s*(?:Full article|Show Figures|\(This article belongs to[^)]*\)).*$/i, '').slice(0, 10_000);
}

/** Elements holding exactly one article: the highest ancestor of an article link whose article links all point to it. */
function items(doc: Document, base: URL | undefined): Item[] {
  const byEl = new Map<Element, Item>();
  const links = [...doc.querySelectorAll('a[href]')];
  const keyOf = new Map<Element, ArticleKey>();
  for (const a of links) {
    const k = articleKey(a.getAttribute('href') ?? '', base);
    if (k) keyOf.set(a, k);
    if (keyOf.size >= MAX_ARTICLE_LINKS) break;
  }
  // An entry may link its article twice, by its page and by its DOI (MDPI): one of each is still one article.
  const judged = new Map<Element, boolean>();
  const oneArticle = (el: Element) => {
    const known = judged.get(el);
    if (known !== undefined) return known;
    const keys = new Set([...el.querySelectorAll('a[href]')].flatMap((a) => keyOf.get(a)?.key ?? []));
    const dois = [...keys].filter((k) => k.startsWith('doi:')).length;
    const one = dois <= 1 && keys.size - dois <= 1;
    judged.set(el, one);
    return one;
  };
  for (const a of links) {
    const key = keyOf.get(a)?.key;
    if (!key) continue;
    let el: Element = a;
    // Up to the last ancestor that is still about this article alone: one article linked, at most one
    // heading (its title), no more text than a paper's entry holds. A lone paper under "Published
    // Papers" stops below the section, whose heading is its second.
    for (let up = a.parentElement; up && up !== doc.body && up.tagName !== 'BODY'; up = up.parentElement) {
      if (!oneArticle(up) || up.querySelectorAll('h1, h2, h3, h4, h5, h6').length > 1 || squash(up.textContent).length > MAX_ITEM_CHARS) break;
      el = up;
    }
    if (el === a || byEl.has(el)) continue;
    const own = [...el.querySelectorAll('a[href]')].filter((x) => keyOf.has(x));
    const title = titleOf(el, own);
    if (!title || title.length > 1_000) continue;
    const keys = own.flatMap((x) => keyOf.get(x) ?? []);
    const doiInText = DOI_IN.exec(squash(el.textContent))?.[0]?.replace(/[.,;)]+$/, '');
    const doi = keys.find((k) => k.doi)?.doi ?? (doiInText ? normalizeDoi(doiInText) : undefined);
    // The article's own page when the entry links one, else its DOI link.
    const url = (keys.find((k) => !k.doi) ?? keys[0])?.url;
    byEl.set(el, { el, key: doi ? `doi:${doi}` : key, paper: { title, abstract: abstractOf(el, title), keywords: [], ...(doi ? { doi } : {}), ...(url ? { url } : {}) } });
  }
  return [...byEl.values()];
}

/** Every heading and item in document order, so each item knows the heading it sits under. */
function headingsBefore(doc: Document, wanted: ReadonlySet<Element>): Map<Element, string | undefined> {
  const out = new Map<Element, string | undefined>();
  let heading: string | undefined;
  // Depth first in document order, with an explicit stack: a page nested thousands deep must not overflow the call stack.
  const stack: Element[] = doc.body ? [doc.body] : [];
  while (stack.length > 0) {
    const el = stack.pop() as Element;
    if (wanted.has(el)) {
      out.set(el, heading);
      continue;
    }
    if (HEADING.test(el.tagName)) {
      heading = squash(el.textContent);
      continue;
    }
    const children = [...el.children];
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as Element);
  }
  return out;
}

/**
 * The page's list of published papers, or undefined when it has none.
 *
 * @example
 * findArticleList(parseDocument(html), new URL('https://www.mdpi.com/journal/x/special_issues/y'))?.papers[0].title
 */
export function findArticleList(doc: Document, base?: URL): ArticleList | undefined {
  const found = items(doc, base);
  if (found.length === 0) return undefined;
  const under = headingsBefore(doc, new Set(found.map((i) => i.el)));
  // Items side by side (one parent) under one heading are one list.
  const groups = new Map<string, Item[]>();
  const parents = new Map<Element, number>();
  for (const it of found) {
    const parent = it.el.parentElement;
    if (!parent) continue;
    if (!parents.has(parent)) parents.set(parent, parents.size);
    const id = `${parents.get(parent) ?? -1}\u0000${under.get(it.el) ?? ''}`;
    groups.set(id, [...(groups.get(id) ?? []), it]);
  }
  const kept: Item[] = [];
  const where: string[] = [];
  for (const group of groups.values()) {
    const heading = under.get(group[0]?.el as Element);
    const named = heading !== undefined && PUBLISHED.test(heading) && !ELSEWHERE.test(heading);
    // Two entries suffice when each is built as an article is (an <article> element, or its title in a heading of its own).
    const built = group.every((i) => i.el.tagName === 'ARTICLE' || i.el.querySelector('h1, h2, h3, h4, h5, h6') !== null);
    const unnamed = (group.length >= 3 || (group.length === 2 && built)) && (heading === undefined || !ELSEWHERE.test(heading));
    if (!named && !unnamed) continue;
    kept.push(...group);
    where.push(named ? `the list under "${heading?.slice(0, 80)}"` : `${group.length} article links side by side`);
  }
  if (kept.length === 0) return undefined;
  const seen = new Set<string>();
  const papers = kept.filter((i) => !seen.has(i.key) && seen.add(i.key)).map((i) => i.paper);
  return { papers, elements: kept.map((i) => i.el), where: where.join('; ') };
}
