/**
 * The submission portal and the author-guidelines page among a CFP's links.
 */
import type { Link } from './markdown.js';

const GUIDE = /guideline|instruction|for-authors|author-?info|information-for-authors|authors?-guide|author-center/i;
const PORTAL =
  /manuscriptcentral|atyponrex|editorialmanager|scholarone|ees\.elsevier|easychair|openreview|susy\.mdpi|submission\.|\/submit|submit\./i;

/**
 * @example
 * findUrls([{ label: 'Submit a Paper', url: 'https://ieee.atyponrex.com/journal/network-ieee' }])
 * // { submission_url: 'https://ieee.atyponrex.com/journal/network-ieee' }
 */
export function findUrls(links: readonly Link[]): { submission_url?: string; guidelines_url?: string } {
  const web = links.filter((l) => /^https?:\/\//i.test(l.url));
  const submission =
    web.find((l) => PORTAL.test(l.url) && !GUIDE.test(l.url)) ??
    web.find((l) => /\bsubmi/i.test(l.label) && !/guideline/i.test(l.label) && !GUIDE.test(l.url));
  const guidelines = web.find((l) => GUIDE.test(l.url) || /guideline|instructions|information for authors/i.test(l.label));
  return {
    ...(submission ? { submission_url: submission.url } : {}),
    ...(guidelines && guidelines.url !== submission?.url ? { guidelines_url: guidelines.url } : {}),
  };
}
