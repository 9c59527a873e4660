/**
 * Publishers whose special-issue pages need nothing beyond the generic path
 * except the publisher's name and the journal named in the page's metadata or
 * heading: Springer, IEEE / ComSoc, Wiley, Frontiers, Taylor & Francis, PLOS,
 * Cambridge, SAGE, Emerald.
 */
import { firstRoot, firstText, hostIs, type PublisherReader } from './types.js';

function hostReader(name: string, publisher: string, domains: readonly string[], venueSelectors: readonly string[] = []): PublisherReader {
  return {
    name,
    matches: (url) => hostIs(url, domains),
    read(doc) {
      const venue = firstText(doc, venueSelectors);
      const root = firstRoot(doc, ['main article', 'article', 'main', '#main-content', '#content']);
      return {
        publisher,
        ...(venue ? { venue: venue.text } : {}),
        ...(root ? { root } : {}),
        where: { publisher: 'URL host', ...(venue ? { venue: venue.where } : {}) },
      };
    },
  };
}

export const springerReader = hostReader('springer', 'Springer', ['springer.com', 'springernature.com', 'biomedcentral.com', 'nature.com'], ['.c-journal-header__title', '.app-journal-header__title']);
export const ieeeReader = hostReader('ieee', 'IEEE', ['ieee.org', 'comsoc.org', 'computer.org', 'signalprocessingsociety.org']);
export const wileyReader = hostReader('wiley', 'Wiley', ['wiley.com'], ['.journal-banner-text', '.journal-title']);
export const frontiersReader = hostReader('frontiers', 'Frontiers', ['frontiersin.org'], ['.JournalHeader__title', '.journal-title']);
export const tandfReader = hostReader('tandf', 'Taylor & Francis', ['tandfonline.com', 'taylorandfrancis.com', 'routledge.com'], ['.journal-heading', '.journal-title']);
export const plosReader = hostReader('plos', 'PLOS', ['plos.org']);
export const cambridgeReader = hostReader('cambridge', 'Cambridge University Press', ['cambridge.org']);
export const sageReader = hostReader('sage', 'SAGE', ['sagepub.com']);
export const emeraldReader = hostReader('emerald', 'Emerald', ['emerald.com', 'emeraldgrouppublishing.com']);

/** IEEE ComSoc pages name the society as publisher of its magazines. */
export const comsocReader: PublisherReader = {
  ...ieeeReader,
  name: 'comsoc',
  matches: (url) => hostIs(url, ['comsoc.org']),
  read(doc) {
    const r = ieeeReader.read(doc);
    const title = firstText(doc, ['h1.page-title', 'h1']);
    return { ...r, publisher: 'IEEE ComSoc', ...(title ? { title: title.text } : {}), where: { ...r.where, ...(title ? { title: title.where } : {}) } };
  },
};
