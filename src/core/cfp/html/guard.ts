/**
 * Checks on a web page before and after its content is extracted: is it HTML
 * at all, is it within the size limit, and is there a call for papers in it.
 */
import { createError } from '../../errors.js';

/** Pages larger than this are refused: real CFP pages are well under 1 MB, and DOM parsing cost grows with size. */
export const MAX_HTML_CHARS = 5_000_000;

const TAG = /<\s*(?:!doctype\s+html|html|head|body|div|p|h[1-6]|ul|ol|li|table|article|section|main|span|a|br|meta|title)\b/i;

/**
 * Throw unless `html` is a non-empty string that looks like an HTML page.
 *
 * @example
 * assertHtml('<p>x</p>') // ok
 * assertHtml('plain words') // throws BAD_INPUT: not HTML
 */
export function assertHtml(html: unknown): asserts html is string {
  if (typeof html !== 'string') throw createError('BAD_INPUT', `HTML must be a string, got ${typeof html}`);
  if (html.trim().length === 0) throw createError('BAD_INPUT', 'the HTML page is empty');
  if (html.length > MAX_HTML_CHARS) {
    throw createError('TOO_LARGE', `the HTML page is ${html.length} characters; the limit is ${MAX_HTML_CHARS}`);
  }
  if (html.includes('\u0000')) throw createError('BAD_INPUT', 'the body contains NUL bytes: it is binary data, not an HTML page');
  if (!TAG.test(html.slice(0, 200_000))) {
    throw createError('BAD_INPUT', 'the body does not look like an HTML page (no HTML tags); send plain CFP text as text instead');
  }
  if (nestingDepth(html) > MAX_HTML_NESTING) {
    throw createError('BAD_INPUT', `the HTML page nests its elements more than ${MAX_HTML_NESTING} levels deep, as broken or hostile markup does; save the page again or send its text`);
  }
}

/** Deeper than this no real page nests its containers (they stay under a hundred); broken or hostile markup does, and DOM walks cost time and stack with depth. */
export const MAX_HTML_NESTING = 2_000;

/** Containers that the HTML parser never closes by itself ("<p>" and "<li>" are closed by the next one, so they do not nest). */
const CONTAINER_TAG = /<(\/?)(?:div|section|article|main|aside|blockquote|table|ul|ol|dl|span|font|center)\b[^>]*?(\/?)>/gi;

/**
 * How deep the page's containers open inside each other, scanning the tags once (stopping at `limit + 1`).
 *
 * @example
 * nestingDepth('<div><div></div></div>') // 2
 */
export function nestingDepth(html: string, limit = MAX_HTML_NESTING): number {
  let depth = 0;
  let max = 0;
  CONTAINER_TAG.lastIndex = 0;
  for (let m = CONTAINER_TAG.exec(html); m; m = CONTAINER_TAG.exec(html)) {
    if (m[1]) depth = Math.max(0, depth - 1);
    else if (!m[2]) {
      depth++;
      if (depth > max && (max = depth) > limit) break;
    }
  }
  return max;
}

/** Words that a call for papers (special issue, collection, workshop) carries somewhere. */
const CFP_SIGNAL =
  /\b(?:call for (?:papers|submissions|contributions|abstracts|articles|chapters|proposals)|cfp|special (?:issue|section|collection)|research topic|topical collection|thematic (?:issue|series)|themed? issue|focus(?:ed)? issue|feature topic|guest[- ]edit|submission deadline|deadline for (?:manuscript |paper )?submissions?|manuscripts? (?:due|deadline)|papers? due|workshop)\b/i;
const ERROR_PAGE = /\b(?:404|page not found|not found|access denied|forbidden|sign in|log in|login|session expired)\b/i;

/**
 * Throw `BAD_INPUT` when the page's readable text has no call in it, naming
 * the likely reason (an empty or script-rendered page, an error or login
 * page, or a page that is about something else such as a journal home page).
 *
 * @example
 * assertCfpPage('Page not found', '404 | Journal') // throws: "... looks like an error or login page ..."
 */
export function assertCfpPage(text: string, docTitle: string | undefined): void {
  const words = text.split(/\s+/).filter((w) => /\p{L}{2}/u.test(w)).length;
  if (words < 8) {
    const why = ERROR_PAGE.test(`${docTitle ?? ''} ${text}`) ? 'it looks like an error or login page' : 'it is empty or its content is rendered by scripts';
    throw createError('BAD_INPUT', `the HTML page has almost no readable text (${words} words): ${why}`);
  }
  if (!CFP_SIGNAL.test(text) && !CFP_SIGNAL.test(docTitle ?? '')) {
    const why = ERROR_PAGE.test(`${docTitle ?? ''} ${text.slice(0, 500)}`) ? 'it looks like an error or login page' : 'is it a journal home page or another page about something else?';
    throw createError('BAD_INPUT', `the HTML page does not look like a call for papers (no "call for papers", "special issue", guest editors or submission deadline in it): ${why}`);
  }
}
