/**
 * Elsevier: ScienceDirect special-issue pages and the older
 * journals.elsevier.com call-for-papers pages. On ScienceDirect the call sits
 * in `div.inner`: a `div.date` (when the call was posted, not a deadline),
 * then the call's heading, then its text; scrapers that save the call keep
 * that element's contents.
 */
import { firstRoot, firstText, hostIs, type PublisherReader } from './types.js';

/** The call's heading: the page's special-issue heading, else the heading right after the posting date. */
const TITLE = ['h1.special-issue-title', 'div.inner > h1', 'div.inner > h2', 'div.inner > h3', '.date + h1', '.date + h2', '.date + h3', 'h1'];

export const elsevierReader: PublisherReader = {
  name: 'elsevier',
  matches: (url, doc) => hostIs(url, ['sciencedirect.com', 'elsevier.com']) || doc.querySelector('meta[name="citation_publisher"][content*="Elsevier" i]') !== null,
  read(doc) {
    const venue = firstText(doc, ['.js-title-text', '.journal-title', 'a.anchor.js-journal-title']);
    const title = firstText(doc, TITLE);
    const root = firstRoot(doc, ['div.inner', '.special-issue-details', 'article', '.publication-content']);
    return {
      publisher: 'Elsevier',
      ...(venue ? { venue: venue.text } : {}),
      ...(title ? { title: title.text } : {}),
      ...(root ? { root } : {}),
      where: { publisher: 'URL host', ...(venue ? { venue: venue.where } : {}), ...(title ? { title: title.where } : {}) },
    };
  },
};
