/**
 * A title that ends with its journal ("X (Soil Letters)", "X - Soil
 * Letters"), as listing sites and blog posts title a call: the journal is
 * the venue, not part of the name.
 */

import { escapeRegExp } from '../text/normalize.js';

const words = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/**
 * The title without a trailing journal, and that journal when the call has no
 * venue yet. The tail is a journal when it is the venue the call names (or
 * its start: "Culture" / "Cultures"), or when the text introduces it with an
 * acronym as journals are ("Soil Letters (SL)").
 *
 * @example
 * withoutVenueTail('Carbon Markets (Soil Letters)', 'Soil Letters', '') // { title: 'Carbon Markets' }
 * withoutVenueTail('Carbon Markets - Soil Letters', undefined, 'Journals: Soil Letters (SL)') // { title: 'Carbon Markets', venue: 'Soil Letters' }
 * withoutVenueTail('Carbon Markets - Policy and Practice', 'Soil Letters', '') // { title: 'Carbon Markets - Policy and Practice' }
 */
export function withoutVenueTail(title: string, venue: string | undefined, text: string): { title: string; venue?: string } {
  // A heading run into the journal's name with no separator ("Special Issue X Soil Letters (Volume 39)"): the venue, word for word, ends the title.
  const bare = venue && words(venue).includes(' ') ? new RegExp(`^(.{4,}?)\\s+${escapeRegExp(venue)}$`).exec(title) : null;
  if (bare?.[1] && bare[1].split(/\s+/).length >= 2 && !/\s(?:and|or|of|for|in|on|the|to|with|&)$/i.test(bare[1])) return { title: bare[1].trim() };
  const m = /^(.{4,}?)\s*(?:\(([^()]{2,80})\)|\s[-–—|]\s+([^-–—|]{2,80}))$/.exec(title);
  const tail = (m?.[2] ?? m?.[3])?.trim();
  if (!m?.[1] || !tail || !/^\p{Lu}/u.test(tail) || m[1].trim().length < 4) return { title };
  const t = words(tail);
  const isVenue = venue !== undefined && (words(venue) === t || words(venue).startsWith(t));
  const introduced = new RegExp(`\\b${escapeRegExp(tail)}\\s*\\([A-Z][A-Za-z&-]{1,10}\\)`).test(text);
  if (!isVenue && !introduced) return { title };
  return { title: m[1].trim(), ...(!venue && introduced ? { venue: tail } : {}) };
}
