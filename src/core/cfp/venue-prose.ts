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
  `(?:^|(?<!\\b(?:Prof|Dr|Mr|Mrs|Ms|Assoc))[.!?]\\s+|\\n)(${WORDS}(?:: ${WORDS})?) (?:invites|seeks|welcomes|solicits|(?:is|are) (?:calling for|seeking|inviting|welcoming|soliciting)|calls for the submission of) ?(?:manuscript |original |high[- ]quality |research )?(?:papers|submissions|contributions|manuscripts|articles)\\b(?<issue>[^.\\n]{0,120}?\\b(?:our|its)\\b|[^.\\n]{0,40}?\\b(?:special (?:issue|section|collection)|themed issue|collection|research topic)\\b)?`,
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
  const m = INVITING.exec(text);
  const raw = m?.[1]?.trim();
  // "X is calling for submissions to our Collection": a person does not speak of "our"/"its" collection in the third person, a journal does.
  // A guest editor can invite papers for a special issue too ("Prof. Jane Smith invites ..."): a name that reads as a person's is taken only
  // with an acronym in it ("BMC Medicine") or, speaking of an issue, with three words or more and no honorific ("Public Health Panorama").
  if (!raw) return undefined;
  const journalish = /^[A-Z]{2,}\b|\s[A-Z]{2,}$/.test(raw) || (m?.groups?.['issue'] !== undefined && raw.split(/\s+/).length >= 3 && !/^(?:prof|dr|mr|mrs|ms)\b/i.test(raw));
  if (NOT_A_JOURNAL.test(raw) || (looksLikeName(raw) && !journalish)) return undefined;
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

/** Words that follow "published in" but are no journal: a date, a season, a language, a medium. */
const NOT_PUBLISHED_IN =
  /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Spring|Summer|Fall|Autumn|Winter|Volume|Vol|Issue|Number|Early|Online|Open [Aa]ccess|Print|English|French|German|Spanish|Portuguese|Italian|Chinese|Arabic|Russian)\b/;
/**
 * Sentences that say what the journal is or where the issue appears, as
 * publishers' pages write them: "Urban Planning is a new international
 * peer-reviewed journal of ...", "IASPM Journal, the journal of the
 * International Association ...", "Volume 24 of X will explore ...", "... to
 * be published in X", "Authors publishing in X benefit from ...".
 */
const DESCRIBED: readonly RegExp[] = [
  new RegExp(`(?:^|[.!?]\\s+|\\n)(${WORDS}) is an? (?:[\\p{L}-]+,? ){0,8}?(?:journal|periodical)\\b(?! (?:editor|article|issue))`, 'u'),
  new RegExp(`(?:^|[.!?]\\s+|\\n)(${WORDS}), (?:the|an?) (?:[\\p{L}-]+ ){0,4}(?:journal|periodical) (?:of|for|in|on|devoted|dedicated)\\b`, 'u'),
  new RegExp(`\\b(?:Volume|Vol\\.|Issue) \\d{1,3}(?:\\.\\d{1,2})?(?: \\(\\d{4}\\))? of (?:the )?(${WORDS})`, 'u'),
  // Italics lost with their spaces run "published in" into the name ("published inManuscrito").
  new RegExp(`\\b(?:(?:to|will|shall|would) be published|[Aa]uthors publishing) in ?(?:the )?(?:journal )?(${WORDS})`, 'u'),
  // "Please submit your manuscript to Soil Genomics by ...": the journal papers go to (a submission system is not one: SYSTEM below).
  new RegExp(`\\b[Ss]ubmit (?:your |their |all )?(?:papers?|manuscripts?|articles?|contributions?|work)? ?to (?:the )?(?:journal )?(${WORDS})`, 'u'),
];
/** Where papers are sent that is no journal: a submission system, an editor, the issue itself. */
const SYSTEM = /\b(?:Editorial Manager|ScholarOne|Manuscript Central|EasyChair|Submission|Online|System|Portal|Platform|Site|Guest|Editors?|Special|Issue|Collection|Research Topic|Office)\b/;

/**
 * The journal a sentence describes or names as where the issue is published.
 *
 * @example
 * journalDescribed('Soil Planning is a new international peer-reviewed open access journal of soil studies.') // 'Soil Planning'
 * journalDescribed('Papers will be published in English.') // undefined
 */
export function journalDescribed(text: string): string | undefined {
  for (const re of DESCRIBED) {
    const raw = re.exec(text)?.[1]?.trim() ?? '';
    const name = cleanVenue(raw.replace(/(?:\s+(?:of|and|on|for|in|the|from|a|&))+$/, ''));
    if (name.length >= 3 && name.length <= 120 && !NOT_A_JOURNAL.test(name) && !NOT_PUBLISHED_IN.test(name) && !SYSTEM.test(name)) return name;
  }
  return undefined;
}
