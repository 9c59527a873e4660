/**
 * The parts of a line that announces a call: the issue's title and the
 * journal named beside it ("Venue Special Issue on X", "A Special Issue of
 * Venue on “X”", "“X” Special Issue of Venue", "SI on X (IF: 3.8)",
 * "X (Venue -- Springer)", "X / Venue"), with the announcement words and
 * e-mail subject noise ("CFP:", "[Deadline Extended]", "2nd CfP") removed.
 */
import { CALL_ABROAD, cleanVenue, stripNoise } from './venue-name.js';

export { cleanVenue, stripNoise } from './venue-name.js';

/** Longer lines are prose, never a title line. */
const MAX_LINE = 400;

/** The words that name a special issue, a section or a collection. */
export const ISSUE = '(?:special (?:issues?|sections?|collections?|volumes?|features?)|article collections?|feature topic|focus(?:ed)? issue|themed? issue|thematic (?:issue|series)|topical (?:issues?|collections?)|research topic|V?SI)';
/** "Special issue CFP: X", "Special Issue Call for Papers - X": announcement words between the issue and its title. */
const ISSUE_NOISE = '(?:\\s+(?:cfp|call for papers))?';
const SPECIAL = new RegExp(`^(.*?)\\b${ISSUE}${ISSUE_NOISE}\\s*(?:on\\b|[:：–—-]|(?=[“"‘«]))\\s*(.+)$`, 'i');
/** "PMLA Special Issue, Varieties of X": a journal, its issue words, a comma, then the title (the MLA's and others' subject lines). */
const SPECIAL_COMMA = new RegExp(`^(.*?\\S)\\s+${ISSUE},\\s+(.+)$`, 'i');
/** "A Special Issue of Venue on X" / "Special Issue of Venue: X". */
const SPECIAL_OF = new RegExp(`^(?:an?\\s+)?${ISSUE}\\s+(?:of|in|for)\\s+(?:the\\s+)?(?:journal\\s+(?!of\\b))?(.{3,120}?)\\s*(?:\\bon\\b|[:：]|,(?=\\s*[“"‘']))\\s*(.{4,250})$`, 'i');
/** "Special Issue of Venue (Title)": the issue's name in parentheses after its journal. */
const SPECIAL_OF_PAREN = new RegExp(`^(?:an?\\s+)?${ISSUE}\\s+(?:of|in|for)\\s+(?:the\\s+)?(.{3,120}?)\\s*\\(([^()]{8,250})\\)$`, 'i');
/** "“X” Special Issue of Venue", "X - Special Issue for Venue". */
const TITLE_THEN_ISSUE = new RegExp(`^[“"‘«]?(.{4,250}?)[”"’»]?\\s*[-–—]?\\s+(?:an?\\s+)?${ISSUE}\\s+(?:of|in|for)\\s+(?:the\\s+)?(?:journal\\s+)?(.{3,120})$`, 'i');

/** "X: A Venue Call for Papers", "X – A Special Issue of Venue (ACR) DEADLINE ...": the issue's name with what it is after a colon or dash. */
const TITLE_THEN_WHAT = new RegExp(`^([^:–—]{3,150}?)\\s*[:–—]\\s+an?\\s+(?:new\\s+)?(?:([^:]{2,80}?)\\s+)?(?:call for papers|${ISSUE})(?:\\s+(?:of|in|from|for)\\s+(?:the\\s+)?(?:journal\\s+)?([^:]{2,100}?))?(?:\\s*\\([A-Z]{2,8}\\))?(?:\\s*[-–—|,]?\\s*(?:deadline|due)\\b.*)?$`, 'i');
/** The words for a special or themed issue in French, Spanish, Portuguese, Italian and German. */
const ISSUE_FOREIGN = String.raw`(?:num[ée]ros? (?:sp[ée]cial|th[ée]matique)|n[úu]mero (?:especial|monogr[áa]fico|tem[áa]tico|speciale|monografico|tematico)|edi[çc][ãa]o especial|fascicolo (?:speciale|monografico|tematico)|dossi(?:[êe]|er)(?: (?:sp[ée]cial|tem[áa]tico|th[ée]matique))?|sonderheft|themenheft|schwerpunktheft)`;
/**
 * "Numéro spécial sur le X", "Número especial: X", "Dossiê — X", "Themenheft: X": a line that opens (after a short
 * label such as "Numéro (8) |") with those words names the issue after them; the article after "sur", "sobre", "su"
 * or "zum" goes with the preposition.
 */
const SPECIAL_FOREIGN = new RegExp(String.raw`^(.{0,40}?)(?<![\p{L}])${ISSUE_FOREIGN}\s*(?:(?:sur|sobre|su|zum thema|zu)\s+(?:(?:le|la|les|o|a|os|as|el|los|las|il|lo|gli|i|dem|der|die|das)\s+|l['’]\s*)?|[:：–—-]\s*|(?=[“"‘«]))(.{4,200})$`, 'iu');
/** Journals' own words and publishers: a tail with one of these names a venue, not part of the title. */
const VENUE_WORDS = /\b(?:journal|transactions|letters|magazine|review|proceedings|annals|quarterly|elsevier|springer|mdpi|ieee|acm|wiley|hindawi|sage|frontiers|taylor|emerald|inderscience|gruyter|iop|open access)\b/i;
const PUBLISHER_WORDS = /\b(?:elsevier|springer(?:open)?|mdpi|wiley|hindawi|sage|frontiers|taylor (?:&|and) francis|emerald|inderscience|de gruyter|iop|open access)\b/gi;
/** Impact factors, deadlines and such after a title in a subject line. */
const NOISE_TAIL = /\s*(?:[([]\s*(?:IF|impact factor|deadline|submission deadline|sub\.|extended|new deadline)\b[^)\]]*[)\]]|[-–—|]\s*(?:IF\b|impact factor|deadline|submission deadline|extended|new deadline|call for papers|cfp)\b.*)\s*$/i;
/** "X will be published in Venue (ACR)": the sentence that says where the issue appears names the journal after the title. */
const PUBLISHED_IN = /^(.{4,250}?)\s+(?:will|shall|is to|is going to)\s+(?:be\s+)?(?:published|appear)\s+(?:in|by)\s+(?:the\s+)?(?:journal\s+)?(.{3,120}?)(?:\s*\([A-Z][A-Za-z&-]{1,11}\))?$/;
/** An acronym like "IEEE-TLT", "JCST", "EAAI". */
const ACRONYM = /^[A-Z][A-Z0-9&-]{1,11}$/;

/** Page and section headings that are never a call's title. */
const GENERIC =
  /^(?:(?:.{2,60}\s[-–—]\s+)?(?:current |open |new |upcoming )?calls? for (?:papers?|contributions|submissions|abstracts|proposals|publications|participation)(?: for (?:a |the )?special issues?)?(?:\s+\d{4})?|cfp|(?:(?:current|open|upcoming|ongoing|active|about|list of|all) )?special (?:issues?|collections?)(?:\s*\(s\))?(?: information)?|important dates|key dates|guest editors?|special issue editors?|submission guidelines?|topics(?: of interest)?|scope|aims,? and scope|overview|background|introduction|description|dear colleagues|home|welcome|apologies for (?:multiple |any )?cross[- ]?postings?|please (?:forward|distribute|circulate)\b.*|news|announcements?|submit a manuscript\b.*|welcome to the\b.*call for papers!?|keywords|editors?|editorial board|about (?:the|this) (?:journal|special issue|research topic)|(?:theme|title|topic|subject|focus) of (?:the|this) (?:special )?issue)$/i;

/**
 * Whether a heading is a page or section heading rather than a call's title.
 *
 * @example
 * isGenericTitle('Current Calls for Papers') // true
 * isGenericTitle('Soil Health and Food Security') // false
 */
export function isGenericTitle(s: string): boolean {
  // A heading's aside ("Call for papers for a special issue (until June 2024)") does not make it a title.
  // Nor does a section's number ("II. Description").
  return GENERIC.test(s.replace(/\s*\([^()]{1,60}\)\s*$/, '').replace(/^(?:[IVX]{1,4}|\d{1,2})\.\s+/, '').replace(/[:!.\s]+$/, '').trim());
}

/** Strip quotes, markdown leftovers and trailing punctuation. */
export function cleanTitle(s: string): string {
  return keepClosingQuote(s, s.replace(/^[\s“"‘'«]+|[\s”"’'»]+$/g, ''))
    .replace(/^call for papers\s*(?:[:–—]|-{1,3})\s*/i, '')
    // What is left of "Special Issue dedicated to the X" once the issue words are gone: the occasion is the name.
    .replace(/^(?:dedicated|devoted) to (?:the )?(?=\p{Lu})/u, '')
    // "Violence, edited by A and B", "X (guest edited by A)": the issue's editors, not its name.
    .replace(/\s*(?:,|[-–—]|\()\s*(?:guest[- ])?edited by\b.*$/i, '')
    // The submission window a listing sets after the name ("X- de 01/04 à 03/06", "X – from 01/04 to 03/06").
    .replace(/\s*[-–—]\s*(?:de|from|du|del|dal|vom)?\s*\d{1,2}\/\d{1,2}(?:\/\d{2,4})?\s*(?:à|a|to|au|al|bis|[-–—])\s*\d{1,2}\/\d{1,2}(?:\/\d{2,4})?$/i, '')
    .replace(/[\s.:;,]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A status word a listing sets before a call's name ("CLOSED: X", "NEW – X"). */
const STATUS_LEAD = /^(?:CLOSED|Closed|OPEN|NEW|UPDATED|EXTENDED|REMINDER)\s*[:–—]\s*(?=\S)/;
/** The announcement before a name with its preposition ("Chamada de Artigos sobre X", "Call for Papers on X", "Appel à contributions sur « X »");
 * not "pour" or "para", which lead to the issue or the journal ("Appel à contributions pour le numéro 22 de la revue X"). */
const CALL_LEAD = new RegExp(String.raw`^(?:calls? for (?:papers|contributions|submissions|articles|abstracts)|${CALL_ABROAD})\s+(?:on|about|sobre|sur)\s+`, 'iu');
/** What a name starts with (case-sensitive: the lead-in's pattern ignores case). */
const NAME_START = /^(?:\p{Lu}|[“"‘«])/u;
const withoutCallLead = (t: string) => {
  const m = CALL_LEAD.exec(t);
  return m && NAME_START.test(t.slice(m[0].length)) ? t.slice(m[0].length) : t;
};
/** An issue's number before its quoted name ("16.2: ‘X’", "4 “X”"): the number is the issue's place in the journal, not its name. */
const NUMBER_LEAD = /^\d{1,4}(?:[./]\d{1,3})?\s*:?\s*(?=[“"‘«])/;

/**
 * The title as the parser reports it, whichever candidate it came from: a
 * listing's status word, an issue number before a quoted name, the announcement
 * with its preposition before the name and a dash left hanging at the end are
 * not part of the name.
 *
 * @example
 * finishTitle('CLOSED: Application Modernization for the Exascale Era –') // 'Application Modernization for the Exascale Era'
 * finishTitle('16.2: ‘Disinformation and Civic Responsibility') // 'Disinformation and Civic Responsibility'
 * finishTitle('Chamada de Artigos sobre Modelagem Matemática') // 'Modelagem Matemática'
 * finishTitle('50 Years of Software Engineering') // '50 Years of Software Engineering'
 */
export function finishTitle(title: string): string {
  const t = withoutCallLead(title.replace(STATUS_LEAD, '')).replace(NUMBER_LEAD, '').replace(/\s+[–—-]+$/, '');
  return t === title ? title : cleanTitle(t) || title;
}

/**
 * The stripped text with its closing quote given back when it holds the opening one: a title that ends on a
 * quoted word ("Islam and the Category of “Religion”") keeps both marks.
 */
function keepClosingQuote(raw: string, stripped: string): string {
  const m = /(\s?)([”»"])[\s.:;,]*$/.exec(raw.trimEnd());
  const end = m?.[2];
  if (!m || !end) return stripped;
  const count = (c: string) => stripped.split(c).length - 1;
  // A straight quote opens and closes alike: an odd count left means the last one was taken off a quoted word ('del "Muro"').
  const open = end === '”' ? count('“') > count('”') : end === '»' ? count('«') > count('»') : count('"') % 2 === 1;
  return open ? `${stripped.replace(/[\s.:;,]+$/, '')}${m[1] ?? ''}${end}` : stripped;
}

/**
 * A title without what an e-mail subject adds after it: an impact factor, a
 * deadline, or the journal ("X (Computing -- Springer)", "X / PALADYN. Journal
 * of Behavioral Robotics", "X - IEEE-TLT", "X, Cybersecurity Journal"). The
 * journal, when there is one, is returned as a venue hint.
 *
 * @example
 * splitTail('Smart IoT Sensing (MDPI Sensors Open Access Journal)') // { title: 'Smart IoT Sensing', venue: 'Sensors' }
 */
export function splitTail(raw: string): { title: string; venue?: string } {
  // Titles are short; a long line is prose, and these patterns must stay linear on it.
  if (raw.length > MAX_LINE) return { title: cleanTitle(raw) };
  let title = firstSentence(raw).replace(NOISE_TAIL, '').trim();
  let venue: string | undefined;
  const published = PUBLISHED_IN.exec(title);
  if (published?.[1] && published[2]) {
    const v = cleanVenue(published[2]);
    if (v) return { title: cleanTitle(published[1]), venue: v };
  }
  const paren = /^(.{4,}?)\s*\(([^()]{2,80})\)\s*$/.exec(title);
  const sep = /^(.{4,}?)\s+(?:\/|\||--|[-–—])\s+(.{2,80})$/.exec(title) ?? /^(.{4,}?),\s+((?:[\p{Lu}][\p{L}-]*\s+){0,4}Journal)$/u.exec(title);
  const tail = paren ?? sep;
  if (tail?.[1] && tail[2]) {
    const t = tail[2].trim();
    // A Title Case tail of two or more words in parentheses is a journal too ("(Open Computer Science)"), an acronym alone is not ("(IoT)").
    const titleCase = paren !== null && t.split(/\s+/).length >= 2 && t.split(/\s+/).every((w) => /^[\p{Lu}\d&]|^(?:of|and|on|for|in|the|&)$/u.test(w));
    if (VENUE_WORDS.test(t) || (sep !== null && ACRONYM.test(t)) || titleCase) {
      title = tail[1].trim();
      venue = cleanVenue(t.replace(/\bopen access journal\b/i, ' ').replace(PUBLISHER_WORDS, ' ').replace(/\s*(?:--|[-–—,])\s*$/, '').replace(/\s+/g, ' '));
    }
  }
  return { title: cleanTitle(title), ...(venue ? { venue } : {}) };
}

/**
 * A journal named before the title after "Special Issue:" ("Special issue
 * CFP: FGCS - Advances in X", "... : Future Generation Computer Systems
 * (FGCS) - Advances in X"): an acronym or a name with its acronym, then a dash.
 *
 * @example
 * splitHead('FGCS - Advances in Managing Graphs') // { title: 'Advances in Managing Graphs', venue: 'FGCS' }
 */
function splitHead(raw: string): { title: string; venue?: string } {
  const m = /^([A-Z][A-Z&-]{1,10}|(?:[\p{Lu}][\p{L}-]*\s+(?:(?:of|and|on|for|in|the|&)\s+)?){1,8}\([A-Z][A-Z&-]{1,10}\))\s+[-–—:]\s+(\S.{3,})$/u.exec(raw.trim());
  if (!m?.[1] || !m[2]) return { title: raw };
  return { title: m[2], venue: m[1].replace(/\s*\([^)]*\)$/, '') };
}

const SMALL_WORDS = /^(?:of|and|on|for|in|the|to|at|a|an|&|de|du|des|la|le|für|und|-|–)$/;

/** A venue named with the title, kept only when it reads as a journal's name (no sentence words: "We would like to invite you to ..."). */
function venueOf(raw: string | undefined): string | undefined {
  const v = cleanVenue(raw ?? '');
  // "Joint Special Issue on X", "New Special Issue": words that describe the issue, not a journal.
  if (/^(?:joint|new|virtual|open|upcoming|forthcoming|thematic|international|first|second|third|final)$/i.test(v)) return undefined;
  const sentenceWords = v.split(/\s+/).filter((w) => /^\p{Ll}+$/u.test(w.replace(/[^\p{L}]/gu, '')) && !SMALL_WORDS.test(w.toLowerCase()));
  return v.length > 1 && v.length < 100 && sentenceWords.length === 0 ? v : undefined;
}

/** A quoted title ends at its closing quote ("“X”, published as ..." is X). */
function quoted(raw: string): string {
  const m = /^\s*[“"‘«]([^”"’»“]{3,250})[”"’»“]/.exec(raw);
  return m?.[1] ?? raw;
}

/** A prose line announces its issue in its first sentence; what follows ("The guest editors target ...") is never part of the title. */
function firstSentence(raw: string): string {
  // A relative clause ("X, which is open for submissions") says something about the issue; it is not its name.
  const t = raw.replace(/,\s+(?:which|that|where)\s.*$/, '');
  // A word or a closing parenthesis ends a sentence; a capitalised name's dot does not ("PALADYN. Journal of ...").
  const m = /(?<=[\p{Ll})])[.!?]\s+(?=\p{Lu}\p{Ll})/u.exec(t);
  if (!m) return t;
  const before = t.slice(0, m.index);
  // Three words ending in a full word (not an abbreviation like "Int.") are a sentence too ("X Materials. Chem. Mater. ... Click to ...").
  return before.split(/\s+/).length >= 6 || (before.split(/\s+/).length >= 3 && /\p{Ll}{4,}$/u.test(before)) ? before : t;
}

/** A sentence after an issue's name that opens with a label of the call's (its editors, its deadline): not the name's. */
const RUN_ON_LABELS = /\.\s+(?:(?:lead |managing )?guest[- ]editors?|editors?|submissions? (?:close|deadline|due|open)|(?:submission |manuscript |paper )?deadline|important dates)\b.*$/is;

/**
 * A line that announces a special issue, split into title and venue: "Venue
 * Special Issue on Title", "A Special Issue of Venue on “Title”", "“Title”
 * Special Issue of Venue", "SI on Title (IF: 3.8)".
 *
 * @example
 * fromSpecial('IEEE IoT Journal Special Issue: Symbiotic IoT') // { title: 'Symbiotic IoT', venue: 'IEEE IoT Journal' }
 * fromSpecial('Call for Papers: A Special Issue of Vehicular Communications on “Security in IoV”') // { title: 'Security in IoV', venue: 'Vehicular Communications' }
 */
export function fromSpecial(text: string): { title: string; venue?: string; named?: boolean } | undefined {
  const parts = specialParts(text);
  // A listing's item runs on after the name ("Special Issue on X. Guest Editors: A, B. Submissions close ..."): the name ends at its sentence.
  const sp = parts ? { ...parts, title: parts.title.replace(RUN_ON_LABELS, '') } : undefined;
  // "... special issue – Deadline for submission: 31-05-2017", "Volumes and Special Issues of Journals": a date's label or a phrase cut at its joining word is no title.
  return sp && !/^(?:(?:submission|paper|manuscript|final|full)\s+)?(?:deadline|due date)\b/i.test(sp.title) && !/\s(?:and|or|of|for|the|in|on|to|with)$/i.test(sp.title) ? sp : undefined;
}

function specialParts(text: string): { title: string; venue?: string; named?: boolean } | undefined {
  if (text.length > MAX_LINE) return undefined;
  const t = stripNoise(text);
  // "Pandemonium: A special issue of WSQ", "Soil Carbon: A PLOS ONE Call for Papers": the title, then what it is as a subtitle; one word is a title here.
  const sub = TITLE_THEN_WHAT.exec(t);
  const subVenue = venueOf(sub?.[2] ?? sub?.[3]);
  if (sub?.[1] && (subVenue || !sub[2]) && !/^(?:an?|the)\s/i.test(sub[1]) && !isGenericTitle(sub[1])) return { title: cleanTitle(sub[1]), ...(subVenue ? { venue: subVenue } : {}), named: true };
  const of = SPECIAL_OF.exec(t) ?? SPECIAL_OF_PAREN.exec(t);
  if (of?.[1] && of[2] && !/^[“"‘«]/.test(of[1])) {
    const tail = splitTail(quoted(of[2]));
    const venue = venueOf(of[1]);
    if (tail.title.length >= 3) return { title: tail.title, ...(venue ? { venue } : tail.venue ? { venue: tail.venue } : {}) };
  }
  const m = SPECIAL.exec(t);
  if (m) {
    const head = splitHead(quoted(m[2] ?? ''));
    const tail = splitTail(head.title);
    const venue = venueOf(m[1]) ?? head.venue ?? tail.venue;
    if (tail.title.length >= 3 && /\p{L}{2}/u.test(tail.title)) return { title: tail.title, ...(venue ? { venue } : {}) };
  }
  const comma = SPECIAL_COMMA.exec(t);
  const commaVenue = venueOf(comma?.[1]);
  if (comma?.[2] && commaVenue) {
    const tail = splitTail(quoted(comma[2]));
    if (tail.title.split(/\s+/).length >= 2) return { title: tail.title, venue: commaVenue };
  }
  const foreign = SPECIAL_FOREIGN.exec(t);
  const named = foreign?.[2] ? cleanTitle(quoted(foreign[2])) : '';
  // The name is a phrase, not the rest of a sentence ("Ce dossier réunit des articles. Il ...").
  if (named.length >= 4 && /\p{L}{2}/u.test(named) && firstSentence(named) === named && !/^(?:de|des|du|del|della|der)\s/i.test(named)) return { title: named };
  const first = TITLE_THEN_ISSUE.exec(t);
  if (first?.[1] && first[2]) {
    const venue = venueOf(first[2]);
    const title = cleanTitle(first[1]);
    // A title before its issue words is one phrase; sentences before them ("The list ... is shown below. Authors can find the most suitable Special Issue for ...",
    // "Authors ... may submit a full paper for possible publication in a special issue of X") are prose.
    // So is a tail that goes on as a sentence ("... special issues in the journal, click here").
    const sentence = firstSentence(title) !== title || /\b(?:may|will|can|should|shall|must|is|are|invites?|submit)\b/i.test(title) || /\b(?:click|visit|see|please)\b/i.test(first[2]);
    // "Call for papers for a special issue of X": announcement words before the issue words are no title.
    if (stripNoise(title).split(/\s+/).length >= 2 && !sentence) return { title, ...(venue ? { venue } : {}) };
  }
  // A journal section's kind as the line's label ("Forum: Feeding the Civic Imagination!", "Symposium: Philosophy of Play"): the name after it.
  const section = SECTION_KIND.exec(t)?.[1];
  if (section && /\p{L}{2}/u.test(section)) return { title: cleanTitle(quoted(section)) };
  return undefined;
}

/** The kinds of journal section an issue's call can be for, as a line's label. */
const SECTION_KIND = /^(?:(?:special|themed?|thematic)\s+)?(?:forum|symposium|colloquium|debate|dossier|dossiê|focus section|special feature)\s*[:：–—]\s+(\S.{3,200})$/iu;

