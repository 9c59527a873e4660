/**
 * The journal (venue) and its publisher, from a heading, the submission
 * links or the text, using a small table of venues we know.
 */
import type { Link } from './markdown.js';
import { cleanVenue } from './title-parts.js';
import { journalDescribed, journalInviting, journalOfCover } from './venue-prose.js';
import { journalOfMasthead } from './venue-masthead.js';

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

/** A journal name: capitalised words, with the small words journals use inside names. */
const NAME = "(?:[A-Z]{2,}/[A-Z]{2,}|[\\p{Lu}][\\p{L}\\p{N}&’'-]*|MRS|eLife)(?:[ -](?:of|and|on|for|in|the|from|&|[\\p{Lu}][\\p{L}\\p{N}&’'-]*|R&D|\\(?[\\p{Lu}][\\p{L} ]{1,40}\\)))*";
/** Sentences that name the journal of a call, most reliable first. */
const NAMED_IN_TEXT: readonly RegExp[] = [
  new RegExp(`A [Ss]pecial [Ii]ssue of (${NAME}) \\(ISSN`, 'u'),
  // Case-sensitive on purpose: NAME's capital letters are what end a journal name.
  new RegExp(`\\b(?:[Ss]pecial|[Tt]hemed?|[Ff]ocus(?:ed)?|[Tt]hematic|SPECIAL)[\\p{L} -]{0,60}? (?:[Ii]ssue|[Ss]ection|[Cc]ollection|[Ff]eature|ISSUE) (?:of|in|OF|IN) (?:the )?(?:(?:open[- ]access )?journal )?(${NAME})`, 'u'),
  new RegExp(`\\bThis (${NAME}) (?:special|themed?|focus) (?:issue|section)`, 'u'),
  new RegExp(`\\b(?:[Ee]ditors?|[Ee]ditorial (?:team|board|office)) of (?:the )?(${NAME})`, 'u'),
  new RegExp(`\\b(?:open[- ]access )?journal (${NAME}),? (?:published|launched)`, 'u'),
  // "eLife is pleased to announce ... a Special Issue", "The X Review is pleased to invite submissions for our next issue": the journal announcing its own issue.
  new RegExp(`(?:^|[.!?]\\s+|\\n|\\bthat\\s+)(${NAME}) is (?:(?:pleased|delighted|happy|excited|proud) to (?:announce|invite)[^.\\n]{0,200}|(?:now )?(?:hosting|launching|publishing|organi[sz]ing) (?:an? |the )?(?:new )?)\\b(?:[Ss]pecial [Ii]ssue|[Rr]esearch [Tt]opic|[Cc]ollection|(?:next |upcoming |forthcoming )?issue|call for papers)`, 'u'),
  // "Essays in Philosophy invites the submission of papers that explore ...": the journal inviting, at a sentence's start.
  new RegExp(`(?:^|[.!?]\\s+|\\n)(${NAME}) invites (?:the )?(?:submissions?|papers|contributions|manuscripts|articles)\\b`, 'u'),
  // "a new, innovative journal titled Translational Issues in Psychological Science, co-sponsored by ...".
  new RegExp(`\\bjournal (?:titled|entitled|called|named) (${NAME})`, 'u'),
  // "LLC: The Journal of X": an acronym before the name is the journal's own.
  new RegExp(`\\b((?:[A-Z]{2,6}: )?(?:[\\p{Lu}][\\p{L}-]* ){0,3}Journal (?:of|on|for) ${NAME})`, 'u'),
  // "the flagship policy journal Criminology & Public Policy": the name after a lower-case "journal".
  new RegExp(`\\bjournal (${NAME})`, 'u'),
  // "the African Human Mobility Review (AHMR)": a Review, Journal or Quarterly introduced with its acronym.
  new RegExp(`\\b((?:[\\p{Lu}][\\p{L}-]* (?:(?:of|and|on|for|in|the|&) )?){1,6}(?:Review|Journal|Quarterly|Letters|Annals)) \\([A-Z]{2,8}\\)`, 'u'),
  // Last, as it is also how a title line reads ("Public Curatorship Special Issue"): "Optics Materials Express Feature Issue",
  // "[list] American Mineralogist New Special Collection", a line that opens with the journal's name, two words or more, and names its
  // issue ("Scope of the Special Issue" is a heading about the issue, not a name).
  new RegExp(`(?:^|\\n)[ \\t]*(?:\\[[^\\]\\n]{1,40}\\][ \\t]*)?(?:(?:New|Upcoming|Forthcoming)\\s+)?(${NAME.slice(0, -1)}+?)(?<! (?:of|the|for|on|in|and|from|&))(?: (?:New|Upcoming|Forthcoming))?(?: (?:Call for Papers|CFP)(?: &| and)?)?:? (?:Special|Feature|Focus|Themed?) (?:Issue|Section|Collection)\\b`, 'u'),
];

/** Words that make a capitalised run something other than a journal name. */
/** "a special issue in Honor of X", "the special issue of December 2020": an occasion or a date, not a journal. */
const NOT_JOURNAL = /^(?:The|This|It|We|A|An|Our|Call for Papers|CFP|New|Upcoming|Forthcoming|Announcing|(?:This|That|Our|Its|The) Journal|Special|Issue|Guest|Editors?|MDPI|Elsevier|Springer|Wiley|IEEE|ACM|Hono(?:u)?r|Memory|Celebration|(?:January|February|March|April|May|June|July|August|September|October|November|December)(?: \d{4})?)$/;

/** Words no journal's name holds: "The Guest Editors invite submissions", "This Special Issue invites papers". */
const NOT_A_NAME_WORD = /\b(?:Guest|Editors|Organi[sz]ers|Committee|Special Issue|Call for Papers)\b/;

/**
 * The journal a call names in its prose ("A special issue of Biology (ISSN",
 * "a Special Issue of Sustainability entitled", "This MRS Advances special
 * issue", "the editors of Food Policy", "the American Journal of ...").
 *
 * @example
 * venueInText('We invite papers for a special issue of Food Policy on the topic ...') // 'Food Policy'
 */
export function venueInText(raw: string): string | undefined {
  for (const re of NAMED_IN_TEXT) {
    const name = mentionsOf(re, raw)[0];
    if (name) return name;
  }
  return possessive(raw.replace(/[*_]+/g, ''));
}

/** The names one pattern reads in the text, in order (cleaned; citations and non-journals left out). */
function mentionsOf(re: RegExp, raw: string): string[] {
  // Journals' names are set in italics: the emphasis marks ("*Soil Letters *will") are not part of the name.
  const text = raw.replace(/[*_]+/g, '');
  const out: string[] = [];
  for (const m of text.matchAll(new RegExp(re.source, `${re.flags}g`))) {
    // A journal cited with its volume and number ("*The Journal of X* 48, no. 4") is a reference, not the call's venue.
    if (/^\s*\d+(?:\s*\(\d+\))?,\s*(?:no\.|\d)/.test(text.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 20))) continue;
    const name = cleanVenue(m[1] ?? '')
      .replace(/(?:\s+(?:on|of|and|for|in|the|from|&))+$/i, '')
      .replace(/^The\s+/, '')
      .replace(/[’']s$/, '')
      // "Journal of Systems and Software Special Issue on ...": the name ends before the issue.
      .replace(/\s+(?:Special Issue|Call for Papers)\b.*$/, '')
      .trim();
    if (name && !NOT_JOURNAL.test(name) && !NOT_A_NAME_WORD.test(name) && name.length >= 3 && name.length <= 120) out.push(name);
  }
  return out;
}

/** Keys of {@link NAMED_IN_TEXT}'s patterns, in order: the learned venue chooser's source names. */
const MENTION_KEYS = ['issn', 'issue-of', 'this-x-issue', 'editors-of', 'journal-published', 'journal-announces', 'journal-invites', 'journal-titled', 'journal-of', 'journal-x', 'name-acronym', 'x-issue-line'] as const;

/**
 * Every journal name each sentence pattern reads in the text (not only the
 * first), with the pattern's key, for the learned venue chooser.
 *
 * @example
 * venueMentions('a special issue of Food Policy on soil')[0] // { key: 'issue-of', name: 'Food Policy' }
 */
export function venueMentions(raw: string): Array<{ key: string; name: string }> {
  const out = NAMED_IN_TEXT.flatMap((re, i) => mentionsOf(re, raw).map((name) => ({ key: MENTION_KEYS[i] ?? `pattern-${i}`, name })));
  const owned = possessive(raw.replace(/[*_]+/g, ''));
  return owned ? [...out, { key: 'possessive', name: owned }] : out;
}

const POSSESSIVE = /[’']s (?:[Ss]pecial|[Tt]hemed?|[Ff]ocus) (?:[Ii]ssue|[Ss]ection|[Cc]ollection)/u;
const NAME_AT_END = new RegExp(`(${NAME})$`, 'u');

/**
 * "Philosophy and Technology’s special issue on ...". The name is read
 * backwards from the possessive within a short window, so a long run of
 * capitalised words cannot make the search quadratic.
 */
function possessive(text: string): string | undefined {
  const m = POSSESSIVE.exec(text);
  if (!m) return undefined;
  const before = text.slice(Math.max(0, m.index - 120), m.index);
  const name = cleanVenue(NAME_AT_END.exec(before)?.[1] ?? '');
  return name.length >= 3 && !NOT_JOURNAL.test(name) ? name : undefined;
}

/** A link to a journal's home (`/journal/decision-support-systems`) whose label is the journal's name. */
function venueInLinks(links: readonly Link[]): string | undefined {
  for (const l of links) {
    const slug = /\/journals?\/([a-z0-9-]{3,120})\/?(?:[?#].*)?$/i.exec(l.url)?.[1];
    const label = l.label.trim();
    if (slug && label.toLowerCase().replace(/[^a-z0-9]+/g, '-') === slug.toLowerCase()) return label;
  }
  return undefined;
}

/** A journal's slug in its publisher's address: journals.elsevier.com/<slug>, sciencedirect.com/journal/<slug>, <slug>.springeropen.com, ... */
const SLUG_URLS: readonly RegExp[] = [
  /journals\.elsevier\.com\/([a-z0-9-]{4,120})(?:[/?#]|$)/i,
  /sciencedirect\.com\/journal\/([a-z0-9-]{4,120})(?:[/?#]|$)/i,
  /\/\/([a-z0-9-]{4,60})\.(?:springeropen|biomedcentral)\.com/i,
  /frontiersin\.org\/journals\/([a-z0-9-]{4,120})(?:[/?#]|$)/i,
  /mdpi\.com\/journal\/([a-z0-9-]{4,120})(?:[/?#]|$)/i,
  /hindawi\.com\/(?:submit\/)?journals\/([a-z0-9-]{4,120})(?:[/?#]|$)/i,
];
/** Publishers whose journals' names carry a fixed prefix the address leaves out (frontiersin.org/journals/neuroscience is "Frontiers in Neuroscience"). */
const SLUG_PREFIX: ReadonlyArray<[RegExp, string]> = [[/frontiersin\.org/i, 'Frontiers in ']];

/**
 * The journal whose address the call links to, as the text writes its name
 * ("https://www.journals.elsevier.com/pervasive-and-mobile-computing" and
 * "Pervasive and Mobile Computing (Impact Factor: 2.974)").
 *
 * @example
 * venueFromSlug([{ label: 'x', url: 'https://www.journals.elsevier.com/big-data-research' }], 'Journal of Big Data Research, Elsevier') // 'Big Data Research'
 */
export function venueFromSlug(links: readonly Link[], text: string): string | undefined {
  for (const l of links) {
    for (const re of SLUG_URLS) {
      const slug = re.exec(l.url)?.[1];
      if (!slug) continue;
      const words = slug.split('-').filter(Boolean).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
      const prefix = SLUG_PREFIX.find(([host]) => host.test(l.url))?.[1];
      // The name as written, capitalised like a name: the first mention that is (a lower-case "sensors" is a word, not the journal).
      for (const p of prefix ? [prefix, ''] : ['']) {
        const re = new RegExp(`\\b${p}${words.join('[\\s-]+')}\\b`, 'giu');
        for (const m of text.matchAll(re)) if (/^\p{Lu}/u.test(m[0]) && m[0].length <= 120) return m[0];
      }
    }
  }
  return undefined;
}

/**
 * The canonical name of a known venue written in some other way, else the input.
 *
 * @example
 * canonicalVenue('IEEE IoT Journal') // 'IEEE Internet of Things Journal'
 */
export function canonicalVenue(name: string): string {
  return KNOWN.find((v) => v.text.test(name))?.name ?? name;
}

/** Where else a call names its journal, most reliable first, each with how the venue was found. */
const VENUE_STEPS: ReadonlyArray<[string, (links: readonly Link[], text: string) => string | undefined]> = [
  ['submission link', (links) => KNOWN.find((v) => links.some((l) => v.url.test(l.url)))?.name],
  ['the journal address the call links to', venueFromSlug],
  // The known venue named earliest in the text; later mentions are often citations.
  ['named in the text', (_links, text) => KNOWN.map((v) => ({ v, at: text.search(v.text) })).filter((h) => h.at >= 0).sort((a, b) => a.at - b.at)[0]?.v.name],
  ['link to the journal', venueInLinks],
  ['named in the text', (_links, text) => {
    const named = venueInText(text);
    return named ? canonicalVenue(named) : undefined;
  }],
  ['named as the journal inviting papers', (_links, text) => journalInviting(text)],
  ['described as the journal in the text', (_links, text) => journalDescribed(text)],
  ['caption of the journal\'s cover image', (_links, text) => journalOfCover(text)],
  ['named on a heading or masthead line', (_links, text) => journalOfMasthead(text)],
];

/** Keys of {@link VENUE_STEPS}, in order (two steps read "named in the text"). */
const STEP_KEYS = ['submission-link', 'slug', 'known', 'journal-link', 'text', 'inviting', 'described', 'cover', 'masthead'] as const;

/**
 * Every rule step's answer, not only the first that fires: candidates for the learned venue chooser.
 *
 * @example
 * venueSteps([], 'Soil Planning is a new international peer-reviewed journal of soil.') // [{ key: 'described', venue: 'Soil Planning' }]
 */
export function venueSteps(links: readonly Link[], text: string): Array<{ key: string; venue: string }> {
  return VENUE_STEPS.flatMap(([, find], i) => {
    const venue = find(links, text);
    return venue ? [{ key: STEP_KEYS[i] ?? `step-${i}`, venue }] : [];
  });
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
  for (const [stepWhere, find] of VENUE_STEPS) {
    if (venue) break;
    venue = find(links, text);
    where = stepWhere;
  }
  const known = KNOWN.find((v) => v.name === venue);
  const publisher =
    known?.publisher ??
    (venue && /^IEEE\b/.test(venue) ? 'IEEE' : undefined) ??
    PUBLISHERS.find(([, re]) => re.test(venue ?? '') || re.test(text))?.[0];
  return { ...(venue ? { venue } : {}), ...(publisher ? { publisher } : {}), where };
}

/**
 * Whether a name is one of the venues the parser knows (its table above).
 *
 * @example
 * isKnownVenue('IEEE Network') // true
 */
export function isKnownVenue(name: string): boolean {
  return KNOWN.some((v) => v.name === name || v.text.test(name));
}
