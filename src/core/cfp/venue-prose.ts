/**
 * A journal named as the one inviting papers, at the start of a sentence:
 * "IEEE Access invites manuscript submissions in the area of ...", "IEEE
 * Transactions on X (TETC) seeks submissions for the upcoming special section
 * on ...", "Socius: Sociological Research for a Dynamic World invites papers
 * for a special issue on ...". The last place to look: a person or a team can
 * invite papers too, so a name that reads as a person's is not taken.
 */
import { looksLikeName } from './names.js';
import { cleanVenue } from './title-parts.js';

/** Capitalised words with the small words journals use inside names, and one subtitle after a colon. */
const WORDS = "[\\p{Lu}][\\p{L}\\p{N}&’'-]*(?: (?:of|and|on|for|in|the|from|a|&|[\\p{Lu}][\\p{L}\\p{N}&’'-]*|\\([A-Z][A-Za-z&-]{1,11}\\)))*";
const INVITING = new RegExp(
  `(?:^|[.!?]\\s+|\\n)(${WORDS}(?:: ${WORDS})?) (?:invites|seeks|welcomes|solicits) (?:manuscript |original |high[- ]quality )?(?:papers|submissions|contributions|manuscripts)\\b`,
  'u',
);
const NOT_A_JOURNAL = /^(?:the|this|it|we|our|a|an|authors?|researchers?|guest|editors?|special|issue|section)\b/i;

/**
 * The journal inviting papers, if a sentence starts with one.
 *
 * @example
 * journalInviting('Intro. IEEE Access invites manuscript submissions in the area of X.') // 'IEEE Access'
 * journalInviting('Dr Jane Smith invites papers on soil.') // undefined
 */
export function journalInviting(text: string): string | undefined {
  const raw = INVITING.exec(text)?.[1]?.trim();
  if (!raw || NOT_A_JOURNAL.test(raw) || looksLikeName(raw)) return undefined;
  // A subtitle after a colon is part of the name here ("Socius: Sociological Research ..."), so cleanVenue reads only the acronym and noise.
  const [head, ...rest] = raw.split(': ');
  const name = rest.length > 0 ? `${cleanVenue(head ?? '') || (head ?? '')}: ${rest.join(': ')}` : cleanVenue(raw);
  return name.length >= 3 && name.length <= 120 ? name.replace(/\s*\([A-Z][A-Za-z&-]{1,11}\)$/, '') : undefined;
}

/** A journal page's cover image, copied as its caption ("Cover image - Territory, Politics, Governance"). */
const COVER = /^(?:journal\s+)?cover image(?:\s+of)?\s*[-–—:]\s*([\p{Lu}][^\n]{2,100}?)\s*$/imu;

/**
 * The journal whose cover image the page shows, from the image's caption line.
 *
 * @example
 * journalOfCover('Manuscript deadline\n08 January 2027\n\nCover image - Soil, Politics, Governance') // 'Soil, Politics, Governance'
 */
export function journalOfCover(text: string): string | undefined {
  const name = COVER.exec(text)?.[1];
  return name && !/https?:|@/.test(name) ? name : undefined;
}
