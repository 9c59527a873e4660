/**
 * The journal (venue) and its publisher, from a heading, the submission
 * links or the text, using a small table of venues we know.
 */
import type { Link } from './markdown.js';

interface KnownVenue {
  name: string;
  publisher: string;
  text: RegExp;
  url: RegExp;
}

const COMSOC = 'IEEE ComSoc';
const KNOWN: readonly KnownVenue[] = [
  { name: 'IEEE Network', publisher: COMSOC, text: /\bIEEE Network(?: Magazine)?\b/, url: /ieee-network|network-ieee|\/journal\/ni\b/i },
  {
    name: 'IEEE Internet of Things Journal',
    publisher: 'IEEE',
    text: /\bIEEE (?:IoT|Internet of Things|Internet-of-Things) Journal\b|\bIEEE IoT-?J\b/,
    url: /manuscriptcentral\.com\/iot\b|iee-?iotj|ieee-?iotj/i,
  },
  {
    name: 'China Communications',
    publisher: 'China Institute of Communications and IEEE ComSoc',
    text: /\bChina Communications\b/,
    url: /chinacomm/i,
  },
  { name: 'IEEE Communications Magazine', publisher: COMSOC, text: /\bIEEE Communications Magazine\b/, url: /commag|ieee-communications-magazine/i },
  { name: 'IEEE Wireless Communications', publisher: COMSOC, text: /\bIEEE Wireless Communications\b(?! Letters)/, url: /ieee-wireless-communications|\/journal\/wcm\b/i },
  {
    name: 'IEEE Journal on Selected Areas in Communications',
    publisher: COMSOC,
    text: /\bIEEE Journal on Selected Areas in Communications\b|\bIEEE JSAC\b/,
    url: /jsac/i,
  },
];

const PUBLISHERS: ReadonlyArray<[string, RegExp]> = [
  ['Elsevier', /\bElsevier\b/], ['Springer', /\bSpringer\b/], ['Wiley', /\bWiley\b/], ['MDPI', /\bMDPI\b/],
  ['ACM', /\bACM\b/], ['Taylor & Francis', /\bTaylor (?:&|and) Francis\b/], ['Frontiers', /\bFrontiers\b/],
  ['SAGE', /\bSAGE\b/], ['IET', /\bIET\b/], ['IEEE', /\bIEEE\b/],
];

/**
 * The canonical name of a known venue written in some other way, else the input.
 *
 * @example
 * canonicalVenue('IEEE IoT Journal') // 'IEEE Internet of Things Journal'
 */
export function canonicalVenue(name: string): string {
  return KNOWN.find((v) => v.text.test(name))?.name ?? name;
}

/**
 * Venue and publisher. `hinted` is a venue named by the CFP itself (a
 * `Journal:` line or the words before "Special Issue" in the title heading).
 *
 * @example
 * inferVenue(undefined, [{ label: 'x', url: 'http://mc03.manuscriptcentral.com/chinacomm' }], '')
 * // { venue: 'China Communications', publisher: 'China Institute of Communications and IEEE ComSoc' }
 */
export function inferVenue(
  hinted: string | undefined,
  links: readonly Link[],
  text: string,
): { venue?: string; publisher?: string; where: string } {
  let venue = hinted ? canonicalVenue(hinted) : undefined;
  let where = 'named beside the title';
  if (!venue) {
    venue = KNOWN.find((v) => links.some((l) => v.url.test(l.url)))?.name;
    where = 'submission link';
  }
  if (!venue) {
    where = 'named in the text';
    // The venue named earliest in the text; later mentions are often citations.
    const hits = KNOWN.map((v) => ({ v, at: text.search(v.text) })).filter((h) => h.at >= 0);
    venue = hits.sort((a, b) => a.at - b.at)[0]?.v.name;
  }
  const known = KNOWN.find((v) => v.name === venue);
  const publisher =
    known?.publisher ??
    (venue && /^IEEE\b/.test(venue) ? 'IEEE' : undefined) ??
    PUBLISHERS.find(([, re]) => re.test(venue ?? '') || re.test(text))?.[0];
  return { ...(venue ? { venue } : {}), ...(publisher ? { publisher } : {}), where };
}
