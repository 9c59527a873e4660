/**
 * A line that is a journal's name, as e-mails and pages put it above or below
 * the title of a call: "IEEE Transactions on Network and Service Management",
 * "Journal of Big Data Research, Elsevier", "Engineering Applications of
 * Artificial Intelligence (EAAI)", "Future Generation Computer Systems
 * (Elsevier)", "Journal: IEEE Transactions on Learning Technologies (IEEE-TLT)".
 */

/** Journals' own words; "Part A" names one journal of a series ("Transportation Research Part A"). */
const JOURNAL_WORD = /\b(?:Journal|Transactions|Letters|Magazine|Review|Proceedings|Annals|Quarterly|Bulletin)\b|\bPart [A-F]$/;
/** Words of an announcement, a section or a greeting: a line with one is not a journal's name. */
const NOT_JOURNAL = /\b(?:special|issues?|calls?|topics?|deadlines?|submissions?|editors?|dear|colleagues|guidelines|important|dates)\b/i;
const SMALL = /^(?:of|and|on|for|in|the|&|de|du|des|la|le|für|und)$/;
/** Publishers, ISSNs, impact factors and links after a journal's name. */
const TAIL = /\s*(?:[,–—|-]+\s*|\(\s*)(?:elsevier|springer(?: journal| nature)?|wiley|mdpi|hindawi|ieee|acm|sage|taylor (?:&|and) francis|de gruyter|iop|emerald|issn\b|if\b|impact factor|published by|https?:|www\.).*$/i;

/** Initials of a name's capitalised words ("Engineering Applications of Artificial Intelligence" -> "EAAI"). */
function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w.charAt(0))
    .join('');
}

/**
 * The journal's name if the line is one, else undefined.
 *
 * @example
 * journalLine('Journal of Big Data Research, Elsevier') // 'Journal of Big Data Research'
 * journalLine('Engineering Applications of Artificial Intelligence (EAAI)') // 'Engineering Applications of Artificial Intelligence'
 * journalLine('The journal welcomes original articles') // undefined
 */
export function journalLine(text: string, next?: string): string | undefined {
  if (text.length > 200) return undefined;
  // A short Title Case line over an "ISSN" line is the journal's masthead, as MDPI pages print it ("Applied Sciences\nISSN: 2076-3417").
  if (next !== undefined && /^\s*(?:(?:e|online|print)[- ]?)?ISSN\b/i.test(next) && /^[\p{Lu}][\p{L}&’'-]*(?: (?:of|and|on|for|in|the|&|[\p{Lu}][\p{L}&’'-]*)){0,7}$/u.test(text.trim()) && !NOT_JOURNAL.test(text)) {
    return text.trim();
  }
  // "User Modeling and User-Adapted Interaction. The Journal of Personalization Research": the name, then its subtitle.
  const subtitled = /^(.{6,100}?)\.\s+The\s+(?:Journal|International Journal)\b/.exec(text.trim());
  if (subtitled?.[1]) return journalLine(`${subtitled[1]} Journal`)?.replace(/\s+Journal$/, '') ?? undefined;
  // "Int. J. of X" is how Inderscience and others abbreviate "International Journal of X".
  if (/^Int(?:ernational)?\.?\s+J\.?\s+of\s/.test(text.trim())) return journalLine(text.trim().replace(/^Int(?:ernational)?\.?\s+J\.?\s+of\s/, 'International Journal of '), next);
  // A section heading about the journal ("On the Journal", "About the Journal") is not its name.
  if (/^(?:on|about) (?:the|this) journal\W*$/i.test(text.trim())) return undefined;
  // A copied table's label run into its value ("Journal TitleSwiss Journal of ...").
  const label = /^journal (?:title|name)(?:\s*[:：]\s*|(?=\p{Lu}))/iu.exec(text);
  if (label) return journalLine(text.slice(label[0].length), next);
  const tail = TAIL.exec(text.replace(/^(?:journal|venue|publication)\s*[:：]\s*/i, ''));
  const publisherNamed = tail !== null && !/^\W*(?:issn|if|impact|https?:|www\.)/i.test(tail[0]);
  const t = text
    .replace(/^(?:journal|venue|publication)\s*[:：]\s*/i, '')
    .replace(/^(?:call for papers|cfp)\s*[:–—-]?\s*/i, '')
    // A title wrapped before its venue leaves the joining word on the venue's line ("on Semantic Web Journal").
    .replace(/^(?:on|in|for)\s+(?=\p{Lu})/u, '')
    .replace(TAIL, '')
    // A masthead image's alt text ("Entropy Journal Logo") names the journal; "Journal Logo" is the image's.
    .replace(/\s+(?:journal\s+)?(?:logo|cover(?: image)?)$/i, '')
    .replace(/[\s:.,]+$/, '')
    .trim();
  // "Elsevier Online Social Networks and Media Journal (OSNEM)": a publisher's name and "Journal" around the name describe it.
  const branded = /^(?:Elsevier|Springer|Wiley|MDPI|Hindawi|SAGE|Taylor (?:&|and) Francis)\s+(\S.{4,100}?)\s+Journal\b(.*)$/.exec(t);
  if (branded?.[1]) return journalLine(`${branded[1]}${branded[2] ?? ''}`.trim(), next) ?? branded[1];
  const acr = /^(.{6,100}?)\s*\(([A-Z][A-Za-z&-]{1,11})\)$/.exec(t);
  const name = (acr?.[1] ?? t).replace(/^The\s+/, (m) => (JOURNAL_WORD.test(t) ? m : '')).trim();
  if (NOT_JOURNAL.test(name)) return undefined;
  const words = name.split(/\s+/);
  if (words.length < 1 || words.length > 12 || /[.!?]\s+\p{Lu}\p{Ll}/u.test(name) && !/^\p{Lu}+\.\s/u.test(name)) return undefined;
  // Every word capitalised, but for the small words journals use inside names.
  const titleCase = words.every((w, i) => /^[\p{Lu}\d(&"“]|^e\p{Lu}/u.test(w) || SMALL.test(w) || (w === 'journal' && i === words.length - 1));
  if (!titleCase) return undefined;
  if (JOURNAL_WORD.test(name) || /^(?:IEEE|ACM|IET)\s+\p{Lu}/u.test(name)) return name;
  // A Title Case name followed by its publisher ("Future Generation Computer Systems (Elsevier)", "Computing (Springer journal)").
  if (publisherNamed && !acr) return name;
  // "Name Words (ACRONYM)" where the acronym is the name's initials.
  if (acr?.[2] && words.length >= 2 && initials(name).toUpperCase() === acr[2].replace(/[^A-Za-z]/g, '').toUpperCase()) return name;
  return undefined;
}

/**
 * A "title" that is the journal's name ("VSI on Applied Soft Computing journal (Elsevier)") is not the title.
 *
 * @example
 * isJournalName('Journal of Advanced Transportation') // true
 */
export function isJournalName(title: string): boolean {
  return journalLine(title) !== undefined || /\bjournal$/i.test(title);
}
