/**
 * Titles that carry their announcement: a post's or a "Title:" field's title
 * with "#CFP:" and "Special Issue of X" around the issue's name, and titles
 * that are only announcement words and the journal ("X Call for Papers").
 */
import { cleanTitle, fromSpecial, ISSUE, stripNoise } from './title-parts.js';
import { isFurnitureTitle } from './title-sanity.js';

/**
 * A post's or a "Title:" field's title as the issue's name: announcement
 * words before it ("#CFP:", "Call for Abstracts:"), "Special Issue of Venue:"
 * around it, and issue words after it ("X Special Issue") removed.
 *
 * @example
 * fieldTitle('#CFP: Special Issue of Soil Letters: Carbon') // { title: 'Carbon', venue: 'Soil Letters' }
 * fieldTitle('CFP: Soil Carbon (1906-1995) Special Issue') // { title: 'Soil Carbon (1906-1995)' }
 */
export function fieldTitle(raw: string): { title: string; venue?: string } {
  const t = stripNoise(raw);
  return fromSpecial(t) ?? { title: cleanTitle(t.replace(new RegExp(`\\s+${ISSUE}$`, 'i'), '')) };
}

/** Announcement words around a journal's name: with the journal removed, nothing is left of the issue's name. */
const ANNOUNCE = new RegExp(`\\b(?:${ISSUE}|special topics?|calls? for (?:papers?|abstracts|contributions|contributors|submissions|proposals)|cfp|journal|elsevier|springer|wiley|mdpi|sage|taylor|francis|frontiers|hindawi|emerald|(?:19|20)\\d{2}|january|february|march|april|may|june|july|august|september|october|november|december)\\b`, 'gi');
const FILLER = /\b(?:of|for|in|on|the|an?|and|to)\b/g;
const plain = (s: string) => ` ${s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;

/**
 * Whether a title is only announcement words and the journal's name ("Call
 * for papers for a special issue of Soil Letters", "Soil Letters Special
 * Topic", "2024 Special Issue for Soil Letters", "SL Call for papers for the"):
 * it names where the issue appears, not the issue. `venues` are journals the
 * call names elsewhere; "Special Issue of X" with nothing after X names X.
 *
 * @example
 * announcementOnly('Soil Letters Call for Papers', ['Soil Letters']) // true
 * announcementOnly('Soil Carbon Special Issue', ['Soil Letters']) // false
 */
export function announcementOnly(title: string, venues: readonly string[]): boolean {
  const t = stripNoise(title);
  // "in honour of X" names an occasion, which is the issue's name.
  const of = new RegExp(`^(?:an?\\s+)?(?:${ISSUE}|special topic)\\s+(?:of|in|for)\\s+(?:the\\s+)?(?:journal\\s+)?(?!hono|memory)([^:;,()]{3,100})$`, 'i').exec(t);
  if (of?.[1] && /^\p{Lu}/u.test(of[1])) return true;
  if (!new RegExp(ANNOUNCE.source, 'i').test(title)) return false;
  let rest = plain(title);
  for (const v of venues) rest = rest.replace(plain(v), ' ');
  rest = rest.replace(new RegExp(ANNOUNCE.source, 'gi'), ' ').replace(FILLER, ' ').trim();
  // What is left may be the journal's acronym ("AHMR Call for papers for the").
  return rest === '' || (/^\S+$/.test(rest) && new RegExp(`\\b${rest.toUpperCase()}\\b`).test(title));
}

/**
 * Whether a title candidate names no issue: page or mail furniture (title-sanity.ts) or only
 * announcement words around a journal `venues` names ({@link announcementOnly}). Every title
 * source asks this one question before it takes a candidate.
 *
 * @example
 * namesNoIssue('Search', []) // true
 * namesNoIssue('Soil Letters Call for Papers', ['Soil Letters']) // true
 * namesNoIssue('Soil Carbon Special Issue', ['Soil Letters']) // false
 */
export function namesNoIssue(title: string, venues: readonly string[]): boolean {
  return isFurnitureTitle(title) || announcementOnly(title, venues);
}
