/** MDPI special-issue pages: "A special issue of <Journal> (ISSN ...)" under the title. */
import { firstRoot, firstText, hostIs, type PublisherReader } from './types.js';

export const mdpiReader: PublisherReader = {
  name: 'mdpi',
  matches: (url, doc) => hostIs(url, ['mdpi.com']) || /A special issue of [^.()]{2,80} \(ISSN/.test(doc.body?.textContent ?? ''),
  read(doc) {
    const journal = /A special issue of ([^.()]{2,80}?) \(ISSN/.exec(doc.body?.textContent ?? '')?.[1]?.trim();
    const title = firstText(doc, ['h1.special-issue-title', 'h1']);
    const root = firstRoot(doc, ['.middle-column__main', 'article', 'main']);
    return {
      publisher: 'MDPI',
      ...(journal ? { venue: journal } : {}),
      ...(title ? { title: title.text } : {}),
      ...(root ? { root } : {}),
      where: { publisher: 'URL host', ...(journal ? { venue: '"A special issue of ..." line' } : {}), ...(title ? { title: title.where } : {}) },
    };
  },
};
