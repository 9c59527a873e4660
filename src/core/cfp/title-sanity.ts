/**
 * A last check on any title candidate, whichever rule found it: page and mail
 * furniture (a search box's label, a run of table pipes, a mailing list's
 * digest header, a broken "Call for Papers" line, an "Editors:" line, a title
 * made only of announcement words around a journal's name) names no issue, so
 * the parser moves on to its next candidate instead of taking it.
 */
import { EDITOR_LABEL_WORDS } from './names.js';
import { isJournalName } from './venue-lines.js';
import { findDates, MONTH_NAME } from './dates.js';

/** Site navigation and widget labels copied with a page. */
const NAVIGATION = /^(?:search|home|menu|log ?in|sign (?:in|up)|register|share|print|back|next|previous|more|read more|subscribe|contact(?: us)?|about(?: us)?|login|navigation|main menu|skip to (?:main )?content|(?:start|jump to|go to) (?:main |the )?(?:page )?content|main (?:page )?content|close|open|toggle navigation|cookies?|accept|help|top|en|english|skip ribbon commands|articles? in press|artigos no prelo|art[íi]culos en prensa|current issue|past issues|edi(?:ção|ções) (?:atual|anteriores))$/i;
/** A mailing list's or digest's issue header ("LINGUIST List 23.2944", "CFP Digest Vol 12 No 3"). */
const LIST_HEADER = /^[\p{L}&-]+(?:\s+[\p{L}&-]+){0,3}\s+(?:list|digest|newsletter|bulletin)\s+(?:vol(?:ume)?\.?\s*)?\d+(?:[.:/]\d+)?(?:\s+no\.?\s*\d+)?$/iu;
/** A broken line's tail or a list's label: starts with a joining word in lower case ("of Papers", "for Submissions"). */
const FRAGMENT = /^(?:of|for|and|or|to|with|by|from)\s/;
/** A person line: an editors' or authors' label, whatever follows. */
const PERSON_LINE = new RegExp(String.raw`^(?:(?:lead |managing |corresponding |issue |special issue |volume )?(?:guest )?(?:editors?(?:[- ]in[- ]chief)?|editorial team|organi[sz]ers?|authors?)|edited by|${EDITOR_LABEL_WORDS})\s*[:：(]`, 'iu');
/** A call announced with its editor ("Socius Calls for Papers with Editor Melanie M. Hughes"): the announcement and a person, no issue's name. */
const ANNOUNCED_WITH_EDITOR = /\bcalls? for (?:papers|submissions|contributions|manuscripts)\s+(?:with|by|from)\s+(?:(?:the|its)\s+)?(?:guest\s+)?editors?\s+(?=\S)/i;
const announcedWithEditor = (t: string) => {
  const m = ANNOUNCED_WITH_EDITOR.exec(t);
  // The editor's name follows, capitalised (not "... with Editors in Mind").
  return m !== null && /^\p{Lu}/u.test(t.slice(m.index + m[0].length));
};
/** A publisher's access or choice label on an article page ("ACS AuthorChoice", "Editor's Choice", "Open Access"). */
const ACCESS_LABEL = /^(?:\p{Lu}{2,6}\s+)?(?:author ?choice|editor[’']?s[’']? choice|open access|free access|gold open access)$/iu;
/** A publisher's page for authors ("Author Instructions", "Instructions for Authors", "Guide for Authors", "Manuscript Submission"): no issue's name. */
const AUTHOR_PAGE = /^(?:(?:author|authors['’]?|submission|manuscript)\s+(?:instructions|guidelines|guide)|instructions\s+(?:for|to)\s+authors|guide\s+for\s+authors|manuscript\s+submission|information\s+for\s+authors)$/i;
/** A page's or a section's own heading, never an issue's name ("Types of contributions", "From the Editor", "Introduction to the
 * Special Issue", "Rights & Permissions [Opens in a new window]", "Peer Review Track"), a byline ("Publié le par X") and a role
 * label ("Rédaction en chef : X"), and the call's own section headings ("Focus of the Special Issue, Aims, and Scope", "Aims, and Scope"). */
const SECTION_HEADING = /^(?:types? of (?:contributions?|papers?|submissions?|articles?|manuscripts?)|from the (?:guest )?editors?|introduction to the special (?:issue|section)|rights (?:&|and) permissions\b.*|.*\[opens in a new window\]|(?:peer[- ]review|research|industry|short paper|main) track|special\/thematic issues\b.*|publi[ée]e? le\b.*|(?:r[ée]daction|r[ée]dacteur|r[ée]dactrice) en chef\s*:.*|editors?[- ]in[- ]chief(?:\s*:.*)?|(?:.*,\s*)?aims,? (?:and|&) scope|(?:focus|scope|aims?|rationale|background|description|overview|objectives?|purpose) of (?:the|this) special (?:issue|section|collection)(?:,.*)?)$/iu;
/** An institution's word: a line of institutions is the authors' or editors' affiliations, never a title. */
const INSTITUTION = /\b(?:\p{L}*-?universit\p{L}*|institut\p{L}*|college|hochschule|[ée]cole|escola|faculdade|facolt[àa]|facult\p{L}*|academy|akademie)\b/iu;
/** "Philipps-Universität Marburg / Westfälische Wilhelms-Universität Münster / Universität Koblenz-Landau": institutions set side by side. */
const affiliationsLine = (t: string): boolean => {
  const parts = t.split(/\s+[/|;·•]\s+|;\s+/);
  return parts.length >= 2 && parts.every((p) => INSTITUTION.test(p));
};
/** A site's menu copied as one line ("Issues | Forums | Aporias | Platforms & Agency | Positions"): four or more short items between bars. */
const menuLine = (t: string): boolean => {
  const items = t.split(/\s+[|•·]\s+/);
  return items.length >= 4 && items.every((i) => i.split(/\s+/).length <= 4);
};
/** Who passed the call on ("Information transmise par J.-Ph. Desrosiers:", "Forwarded by X", "Posted on behalf of Y"): a list's header. */
const FORWARDED = /^(?:(?:information|message|annonce|info)\s+(?:transmise?|relayée?|communiquée?|diffusée?)\s+par|(?:forwarded|posted|sent|shared|circulated)\s+(?:by|on behalf of))\s/iu;
/** A label and its date, nothing else ("Submission Opening: February 23, 2026"): a schedule's line. */
const dateLabelLine = (t: string): boolean => {
  const m = /^[^:–—|]{3,50}:\s*(.{6,40})$/u.exec(t);
  const date = m ? findDates(m[1] ?? '')[0] : undefined;
  return date !== undefined && date.start === 0 && (m?.[1] ?? '').trim().length - date.end <= 1;
};
/** A page's breadcrumb trail ("Home / Submission or Author Instructions / Manuscript Submission", "Accueil > Appels"). */
export const HOME_WORDS = ['Home', 'Inicio', 'Início', 'Accueil', 'Startseite', 'Pagina iniziale'] as const;
const BREADCRUMB = new RegExp(`^(?:${HOME_WORDS.join('|')})\\s*[/>»›|]\\s*\\S`, 'i');
/** Markup left in a text ("<!--- <img src=...> --->", "<br/>"): a page's code, never a name. */
const MARKUP = /<\/?[a-z][^<>]*>|<!--|-->/i;
/** An issue's kind and the journal it appears in, said as such ("Themenheft der Zeitschrift Grundwasser", "Special issue of the journal Soil"): no issue's name. */
const KIND_OF_NAMED_JOURNAL = /^(?:(?:themen|sonder|schwerpunkt)heft\s+der\s+zeitschrift|special\s+(?:issue|section|collection)\s+(?:of|in)\s+the\s+journal|num[ée]ro\s+(?:sp[ée]cial|th[ée]matique)\s+de\s+la\s+revue)\s+\S+(?:\s+\S+){0,6}$/i;
/** Words that announce a call without naming it. */
/** The same announcement in French, Spanish, Portuguese, Italian and German, and a site's category label ("Appels à contributions", "Chamada de artigos", "Archives de catégorie : Actualités"). */
const FOREIGN_ANNOUNCING = /^(?:appels? (?:à|a) (?:articles|contributions?|communications?|textes|propositions|projets)(?: et (?:projets|propositions|articles))?|chamadas? (?:de|para) (?:artigos|trabalhos|contribui\p{L}+|dossi\p{L}+)|convocatorias?(?: (?:de|para) (?:artículos|art[íi]culos|contribuciones))?|call for submissions|bandi? di pubblicazione|aufruf zur einreichung|archives? de catégorie\b.*|catégorie\s*:.*)$/iu;
/** A listing's heading over many issues ("Contemporary Jewry Special Issues", "Forthcoming monographic issues", "SAMPL special issues and sections"), or the page pointing at its call ("Here's the call"). */
const LISTING = /\b(?:special|monographic|themed|thematic|topical)\s+issues(?:\s+and\s+(?:sections|collections))?$|^here(?:'s|’s| is) (?:the|our|a) (?:call|cfp)\b/i;
/** A submission rule's label, whatever follows ("Beitragssprache: Deutsch oder Englisch", "Language: English", "Word limit: 8,000"). */
const RULE_LABEL = /^(?:beitragssprachen?|sprachen?|languages?|langues?|idiomas?|l[íi]nguas?|submission languages?|languages? of (?:submission|publication)|word (?:count|limit)s?|length|umfang|format)\s*:/i;
/** A picture's caption copied with a page ("... Image credit: X", "Photo: X"). */
const CAPTION = /\b(?:image|photo|picture|cover) credits?\s*:|^(?:photo|image)\s*:|©/i;
const ANNOUNCING = new Set(['special', 'call', 'calls', 'for', 'papers', 'paper', 'issue', 'issues', 'section', 'collection', 'of', 'the', 'a', 'an', 'in', 'on', 'to', 'cfp', 'new', 'open', 'announcement', 'announcing', 'invitation', 'submissions', 'contributions', 'abstracts', 'proposals', 'journal', 'volume', 'theme', 'themed', 'thematic', 'topical', 'forthcoming', 'upcoming', 'virtual']);
/** "<Journal> Special Issue Call for Papers", "Special Issue of the <Journal>": a journal and announcement words, nothing else. */
const JOURNAL_AROUND = /^(?:(?:an?|the)\s+)?(?:(?:special\s+(?:issue|section|collection)\s+(?:of|in|for)|(?:themen|sonder|schwerpunkt)heft\s+der|num[ée]ro\s+(?:sp[ée]cial|th[ée]matique)\s+de)\s+(?:the\s+|la\s+)?(?:(?:journal|zeitschrift|revue)\s+)?(.{3,120})|(.{3,120}?)\s+(?:special\s+(?:issue|section|collection)\s*)?(?:call\s+for\s+papers|special\s+(?:issue|section|collection)))$/i;

/** Last words that name journals, not issues ("Plant Production Science", "Marine Policy Review"). */
const JOURNAL_WORD = /^(?:[\p{Lu}][\p{L}&'’-]*\s+){0,6}(?:Science|Sciences|Research|Studies|Review|Letters|Reports|Quarterly|Bulletin|Annals|Transactions|Proceedings|Journal|Forum|Magazine)$/u;

/** Words of a date ("Thu Jul 05 2012", "7 November 2019"): a posting date is not a title. The day and month names whole or cut,
 * never any word that starts like one ("Friedenspsychologie", "Marketing", "Decolonisation" are titles). */
const DATE_WORD = new RegExp(String.raw`^(?:\d{1,4}(?:st|nd|rd|th)?|mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:rs?|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|${MONTH_NAME})$`);

/** The sender or the page speaking ("We would like to invite ...", "I am pleased to ...", "Wir laden Beiträge ein", "Nous invitons ...",
 * "Convidamos ..."): a sentence, not a name. */
const SPEAKING = /^(?:(?:we|i|you)\s+(?:would|are|am|have|will|invite|welcome|hope|encourage|seek|look|can|may|should|expect|want|wish)|wir\s+(?:laden|freuen|bitten|suchen|möchten|wollen|erwarten|begrüßen)|nous\s+(?:invitons|sollicitons|attendons|accueillons|souhaitons|lançons|proposons)|(?:invitamos|convidamos|invitiamo|sollecitiamo|convocamos))\b/iu;

const letters = (s: string) => (s.match(/\p{L}/gu) ?? []).length;

/**
 * Whether `title` is page or mail furniture rather than the name of an issue.
 *
 * @example
 * isFurnitureTitle('Search') // true
 * isFurnitureTitle('| |||||||') // true
 * isFurnitureTitle('LINGUIST List 23.2944') // true
 * isFurnitureTitle('Special Issue of the Czech Journal of Political Science') // true
 * isFurnitureTitle('Soil Carbon Special Issue') // false
 */
export function isFurnitureTitle(title: string): boolean {
  const t = title.trim().replace(/[\s:!.,;|–—-]+$/, '');
  const visible = t.replace(/\s+/g, '').length;
  const n = letters(t);
  // "| |||||", "2023", "***": too few letters to name anything.
  if (n < 3 || n / Math.max(visible, 1) < 0.4) return true;
  // Titles run to about 20 words (the longest labelled one has 21); a longer "title" is a paragraph's sentence.
  if (t.split(/\s+/).length > 24 || SPEAKING.test(t)) return true;
  if (NAVIGATION.test(t) || LIST_HEADER.test(t) || FRAGMENT.test(t) || PERSON_LINE.test(t) || FOREIGN_ANNOUNCING.test(t) || CAPTION.test(t) || LISTING.test(t) || RULE_LABEL.test(t) || announcedWithEditor(t) || ACCESS_LABEL.test(t) || MARKUP.test(t) || KIND_OF_NAMED_JOURNAL.test(t) || AUTHOR_PAGE.test(t) || BREADCRUMB.test(t) || SECTION_HEADING.test(t) || dateLabelLine(t) || affiliationsLine(t) || FORWARDED.test(t) || menuLine(t)) return true;
  const words = t.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  if (words.every((w) => ANNOUNCING.has(w)) || words.every((w) => DATE_WORD.test(w))) return true;
  const around = JOURNAL_AROUND.exec(t);
  const journal = (around?.[1] ?? around?.[2])?.trim();
  return journal !== undefined && (isJournalName(journal) || JOURNAL_WORD.test(journal));
}
