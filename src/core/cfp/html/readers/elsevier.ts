/** Elsevier: ScienceDirect special-issue pages and the older journals.elsevier.com call-for-papers pages. */
import { firstRoot, firstText, hostIs, type PublisherReader } from './types.js';

export const elsevierReader: PublisherReader = {
  name: 'elsevier',
  matches: (url, doc) => hostIs(url, ['sciencedirect.com', 'elsevier.com']) || doc.querySelector('meta[name="citation_publisher"][content*="Elsevier" i]') !== null,
  read(doc) {
    const venue = firstText(doc, ['.js-title-text', '.journal-title', 'a.anchor.js-journal-title']);
    const title = firstText(doc, ['h1.special-issue-title', 'h1']);
    const root = firstRoot(doc, ['.special-issue-details', 'article', '.publication-content']);
    return {
      publisher: 'Elsevier',
      ...(venue ? { venue: venue.text } : {}),
      ...(title ? { title: title.text } : {}),
      ...(root ? { root } : {}),
      where: { publisher: 'URL host', ...(venue ? { venue: venue.where } : {}), ...(title ? { title: title.where } : {}) },
    };
  },
};
