/**
 * The one result type every publisher reader returns. A reader knows a big
 * publisher's special-issue template; anything it does not find is left to
 * the generic path.
 */
import { squash } from '../dom.js';
export interface ReaderResult {
  publisher?: string;
  venue?: string;
  title?: string;
  /** The element that holds the call, when the template has a known one. */
  root?: Element;
  /** Where each field came from (CSS selector or page text), for `field_sources`. */
  where: Record<string, string>;
}

export interface PublisherReader {
  name: string;
  /** Whether this page is from the reader's publisher (URL host, or a marker in the page). */
  matches(url: URL | undefined, doc: Document): boolean;
  read(doc: Document): ReaderResult;
}

/** Text of the first element matching one of the selectors, with the selector that matched. */
export function firstText(doc: ParentNode, selectors: readonly string[]): { text: string; where: string } | undefined {
  for (const sel of selectors) {
    const text = squash(doc.querySelector(sel)?.textContent);
    if (text) return { text, where: sel };
  }
  return undefined;
}

/** The first element matching one of the selectors whose text is long enough to be a call. */
export function firstRoot(doc: ParentNode, selectors: readonly string[], minChars = 300): Element | undefined {
  for (const sel of selectors) {
    const el = doc.querySelector(sel);
    if (el && squash(el.textContent).length >= minChars) return el;
  }
  return undefined;
}

/** Whether the URL's host is one of the domains (or a subdomain of one). */
export function hostIs(url: URL | undefined, domains: readonly string[]): boolean {
  const host = url?.hostname.toLowerCase() ?? '';
  return domains.some((d) => host === d || host.endsWith(`.${d}`));
}
