/**
 * A saved or fetched CFP web page to a `Call`: guard the input, find the
 * publisher's template or the page's main content (Readability), turn it into
 * line-structured text that keeps headings, lists and bold labels, parse that
 * with the rule-based parser, and let page metadata and the publisher reader
 * name the title, venue and publisher where they are surer than the text.
 */
import { Readability } from '@mozilla/readability';
import { createError, isCfpError } from '../../errors.js';
import type { Call, FieldSource } from '../../schema.js';
import { DEFAULT_TITLE_CHOOSER, DEFAULT_VENUE_CHOOSER, parseCfp, type ParseCfpOptions } from '../parse.js';
import type { PageVenue } from '../venue-candidates.js';
import { venueInText } from '../venue.js';
import { slugify } from '../slug.js';
import { parseDocument, pageMeta, type PageMeta } from './dom.js';
import { htmlToText } from './to-text.js';
import { readerFor, type ReaderResult } from './readers/index.js';
import { htmlTitle, pageTitles } from './title.js';
import { findArticleList, type ArticleList } from './articles.js';
import { mergeExemplars } from '../../papers/exemplars.js';
import { MAX_PAPERS_PER_CALL } from '../../papers/schema.js';
import { assertHtml, assertCfpPage } from './guard.js';

export interface ParseHtmlOptions extends Pick<ParseCfpOptions, 'titleChooser' | 'titleModel' | 'onTitleCandidates' | 'venueChooser' | 'venueModel' | 'onVenueCandidates' | 'onEditorCandidates' | 'editorChooser' | 'editorModel' | 'topicChooser' | 'topicModel' | 'onTopicCandidates'> {
  /** Where the page came from: picks the publisher reader and resolves nothing else. */
  url?: string;
  id?: string;
  /** Today as `YYYY-MM-DD` (for dates written without a year). */
  now?: string;
}

/** Page furniture that is never the call, removed before the generic path looks for content. */
const FURNITURE = 'nav, header, footer, aside, [role="navigation"], [role="banner"], [role="contentinfo"], [aria-hidden="true"], .cookie, .cookies, #cookie-banner';

function toUrl(url: string | undefined): URL | undefined {
  try {
    return url ? new URL(url) : undefined;
  } catch {
    return undefined;
  }
}

const textLength = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim().length;

/** The element holding the call: the reader's, Readability's main content when it kept most of the page, else the page without its furniture. */
function contentRoot(doc: Document, reader: ReaderResult | undefined): { root: Element; where: string } {
  if (reader?.root) return { root: reader.root, where: 'publisher template' };
  const body = doc.body;
  for (const el of [...body.querySelectorAll(FURNITURE)]) el.remove();
  // Readability changes the document it reads: it reads a copy of the page as cleaned here (no furniture, no article list).
  const forReadability = doc.cloneNode(true) as Document;
  const article = new Readability<Node>(forReadability, { serializer: (n) => n, charThreshold: 200 }).parse();
  const main = article?.content && article.content.nodeType === 1 ? (article.content as Element) : undefined;
  // Readability drops blocks it scores low (editor lists, date tables); keep the whole page when it dropped most of it.
  if (main && textLength(main) >= 0.6 * textLength(body)) return { root: main, where: 'main content (Readability)' };
  return { root: body, where: 'page body' };
}

/**
 * The published papers are the call's exemplars, not its text: their titles and abstracts
 * must not become topics, scope or a title. Removes the list from `doc` and returns it.
 */
function withoutArticles(doc: Document, url: URL | undefined): ArticleList | undefined {
  const list = findArticleList(doc, url);
  for (const el of list?.elements ?? []) el.remove();
  return list;
}

/** The page's papers as the call stores them: deduplicated, capped, marked as the catalogue's. */
function storedPapers(list: ArticleList | undefined): Pick<Call, 'papers'> {
  if (!list || list.papers.length === 0) return {};
  return { papers: mergeExemplars([], list.papers.slice(0, MAX_PAPERS_PER_CALL), 'catalogue').papers };
}

/** The journal named in the page's own words outside the content root (a header line), by the same sentence patterns as the text. */
function headerVenue(doc: Document, root: Element): string | undefined {
  const body = doc.body;
  if (!body || body === root) return undefined;
  const text = htmlToText(body);
  return /\b[Ss]pecial [Ii]ssue of\b/.test(text) ? venueInText(text) : undefined;
}

/** Every venue the page's markup offers, for the learned venue chooser (the rules' order of these is in parseCfpHtml). */
function pageVenues(doc: Document, root: Element, meta: PageMeta, read: ReaderResult | undefined, titleVenue: string | undefined): PageVenue[] {
  const description = meta.description ? venueInText(meta.description) : undefined;
  const found: Array<[string, string | undefined]> = [
    ['page-reader', read?.venue], ['page-meta', meta.venue?.value], ['page-site', meta.siteName], ['page-title', titleVenue],
    ['page-description', description], ['page-header', headerVenue(doc, root)],
  ];
  return found.flatMap(([source, text]) => (text ? [{ text, source }] : []));
}

/**
 * Readability drops layout tables and card grids, where pages often put their
 * editors (photo, name, university per cell): with no editors in the main
 * content, the editors the whole page (without its furniture) names.
 */
function withPageEditors(call: Call, body: Element, chooser: ParseHtmlOptions['editorChooser']): Call {
  try {
    const text = htmlToText(body);
    // Only under a heading that says "editors": a workshop page's organisers and committees are not the editors.
    if (!/^#{1,6}\s.*\beditors?\b/im.test(text)) return call;
    const editors = parseCfp(text, { ...(chooser ? { editorChooser: chooser } : {}) }).guest_editors;
    if (editors.length === 0) return call;
    return { ...call, guest_editors: editors, field_sources: { ...call.field_sources, guest_editors: { from: 'html-element', where: 'page body (the main content had no editors)' } } };
  } catch {
    return call;
  }
}

function relabel(sources: Call['field_sources'], where: string): Record<string, FieldSource> {
  const out: Record<string, FieldSource> = {};
  for (const [k, v] of Object.entries(sources ?? {})) {
    out[k] = v.from === 'text-line' ? { from: 'html-element', where: `${where}, ${v.where} of its text` } : v;
  }
  return out;
}

function pick(
  reader: ReaderResult | undefined,
  meta: PageMeta,
  key: 'venue' | 'publisher',
): { value: string; source: FieldSource } | undefined {
  if (reader?.[key]) return { value: reader[key] ?? '', source: { from: 'publisher', where: reader.where[key] ?? 'publisher reader' } };
  const m = meta[key];
  return m ? { value: m.value, source: { from: 'meta', where: m.where } } : undefined;
}

/**
 * Parse a CFP web page. Throws `BAD_INPUT` (400) for bodies that are not
 * HTML, binary data, or pages with no call in them (a journal home page, a
 * login wall, an error page), `TOO_LARGE` for pages over the size limit, and
 * the text parser's `BAD_CFP` when the content has neither title nor scope.
 *
 * @example
 * const call = parseCfpHtml(html, { url: 'https://www.mdpi.com/journal/biology/special_issues/x' });
 * call.venue // 'Biology'
 * call.field_sources?.title // { from: 'html-element', where: 'h1' }
 */
export function parseCfpHtml(html: string, opts: ParseHtmlOptions = {}): Call {
  assertHtml(html);
  try {
    const doc = parseDocument(html);
    const meta = pageMeta(doc, html);
    const url = toUrl(opts.url);
    const articles = withoutArticles(doc, url);
    const reader = readerFor(url, doc);
    const read = reader?.read(doc);
    const title = htmlTitle(doc, meta, read);
    const { root, where } = contentRoot(doc, read);
    const text = htmlToText(root);
    assertCfpPage(text, meta.docTitle);
    // The learned chooser weighs the page's own titles with the text's; the cascade takes the page's title over the text's below.
    const learned = (opts.titleChooser ?? DEFAULT_TITLE_CHOOSER) === 'learned';
    // The learned venue chooser weighs the page's own venue markup with the text's names; the rules take the markup over the text below.
    const learnedVenue = (opts.venueChooser ?? DEFAULT_VENUE_CHOOSER) === 'learned';
    const parsed = parseCfp(text, {
      ...(opts.id ? { id: opts.id } : {}), ...(opts.now ? { now: opts.now } : {}),
      ...(opts.titleChooser ? { titleChooser: opts.titleChooser } : {}), ...(opts.titleModel ? { titleModel: opts.titleModel } : {}),
      ...(opts.onTitleCandidates ? { onTitleCandidates: opts.onTitleCandidates } : {}),
      ...(learned || opts.onTitleCandidates ? { pageTitles: pageTitles(doc, meta, read) } : {}),
      ...(opts.venueChooser ? { venueChooser: opts.venueChooser } : {}), ...(opts.venueModel ? { venueModel: opts.venueModel } : {}),
      ...(opts.onVenueCandidates ? { onVenueCandidates: opts.onVenueCandidates } : {}),
      ...(opts.onEditorCandidates ? { onEditorCandidates: opts.onEditorCandidates } : {}),
      ...(opts.editorChooser ? { editorChooser: opts.editorChooser } : {}), ...(opts.editorModel ? { editorModel: opts.editorModel } : {}),
      ...(opts.topicChooser ? { topicChooser: opts.topicChooser } : {}), ...(opts.topicModel ? { topicModel: opts.topicModel } : {}),
      ...(opts.onTopicCandidates ? { onTopicCandidates: opts.onTopicCandidates } : {}),
      ...(learnedVenue || opts.onVenueCandidates ? { pageVenues: pageVenues(doc, root, meta, read, title?.venue) } : {}),
    });
    const call = parsed.guest_editors.length > 0 || root === doc.body ? parsed : withPageEditors(parsed, doc.body, opts.editorChooser);
    const sources = relabel(call.field_sources, where);
    // The page's header, outside the article Readability keeps, often names the journal ("A Special Issue of Sustainability (ISSN ...)").
    const fromMeta = !learnedVenue && !call.venue && meta.description ? venueInText(meta.description) : undefined;
    const fromHeader = learnedVenue || call.venue || fromMeta ? undefined : headerVenue(doc, root);
    // The journal a publisher reader or the page's citation metadata names is the page's own statement, kept with either chooser.
    const venue =
      pick(read, meta, 'venue') ??
      (learnedVenue
        ? undefined
        : ((!call.venue && title?.venue ? { value: title.venue, source: { ...title.source } } : undefined) ??
          (fromMeta ? { value: fromMeta, source: { from: 'meta', where: 'meta description' } } : undefined) ??
          (fromHeader ? { value: fromHeader, source: { from: 'html-element', where: 'page header outside the article' } } : undefined)));
    const publisher = pick(read, meta, 'publisher');
    const keepTextTitle = sources['title']?.where.includes('"Title:"') ?? false;
    const useHtmlTitle = title !== undefined && !keepTextTitle && !learned;
    if (useHtmlTitle) sources['title'] = title.source;
    if (venue) sources['venue'] = venue.source;
    if (publisher) sources['publisher'] = publisher.source;
    const papers = storedPapers(articles);
    if (papers.papers && articles) sources['papers'] = { from: 'html-element', where: articles.where.slice(0, 300) };
    const warnings = useHtmlTitle ? call.warnings.filter((w) => !w.startsWith('no title found')) : call.warnings;
    return {
      ...call,
      ...(useHtmlTitle ? { title: title.value } : {}),
      ...(!opts.id && useHtmlTitle ? { id: slugify(title.value) } : {}),
      ...(venue ? { venue: venue.value } : {}),
      ...(publisher ? { publisher: publisher.value } : {}),
      ...papers,
      warnings,
      field_sources: sources,
    };
  } catch (err) {
    if (isCfpError(err)) throw err;
    // Elements opened inside each other thousands deep (broken markup, or a page built to break parsers) overflow the readers' walks.
    if (err instanceof RangeError && /call stack/i.test(err.message)) {
      throw createError('BAD_INPUT', 'could not read the HTML page: its elements are nested too deeply (thousands of levels, as broken or hostile markup is); save the page again or send its text', { cause: err });
    }
    throw createError('BAD_INPUT', `could not read the HTML page: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
}
