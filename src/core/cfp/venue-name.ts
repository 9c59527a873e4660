/**
 * A journal's name as a call writes it, made plain: announcement words and
 * e-mail subject noise before it ("CFP", "[Deadline Extended]"), labels
 * ("Publication and issue:"), publishers, issue numbers, acronyms, impact
 * factors and descriptive subtitles around it.
 */

/** Announcement words and e-mail subject noise before a title, hashtags included ("#CFP:", as posts on listing sites write it), and a copied e-mail's "Subject:" / "Re:" / "Fwd:". */
const NOISE_HEAD =
  /^(?:\s*#?(?:\[[^\]]{1,40}\]|\((?:deadline|extended|new|reminder|final)[^)]{0,40}\)|(?:\d(?:st|nd|rd|th)|first|second|third|final|last|new|updated)\s+(?:call|cfp)\b[^:|-]{0,20}|(?:extended|new)?\s*deadline (?:extended|extension|approaching)|extended deadline!?|reminder|call for (?:papers?|contributions|contributors|submissions|abstracts|proposals|chapters|articles)(?:\s+extended deadline)?(?:\s+(?:for|on)\b(?:\s+(?:the|a)\b)?)?|cfps?(?:\s+extended deadline)?|invitation to submit|(?:subject|re|fwd?|aw)\s*:)\s*[:|!–—-]*\s*)+/i;

/**
 * A subject line or heading without its announcement words.
 *
 * @example
 * stripNoise('[Deadline Extended] SI: Big Data Exploration') // 'SI: Big Data Exploration'
 * stripNoise('2nd CFP: SI - Complex IoT') // 'SI - Complex IoT'
 */
export function stripNoise(text: string): string {
  return text.replace(NOISE_HEAD, '').trim();
}

/** A journal's descriptive subtitle: "A Journal of Moral, ...", "Biannual International Journal of Philosophy". */
const SUBTITLE = /^(?:(?:an?|the)\s+)?(?:[\p{Lu}][\p{L}-]*\s+){0,3}journal\b/iu;

/**
 * A journal's name without the subtitle it is printed with ("Philosophy and
 * Public Issues: A Journal of Moral, ...", "Critical Hermeneutics. Biannual
 * International Journal of Philosophy"); an acronym keeps its subtitle, which
 * spells the name out ("LLC: The Journal of Digital Scholarship ...").
 */
function withoutSubtitle(raw: string): { name: string; whole: boolean } {
  const m = /^(.*?\p{L})(?:[:：]|\.)\s+(\S.*)$/u.exec(raw.trim());
  if (!m?.[1] || !m[2] || !SUBTITLE.test(m[2]) || /\bjournal\b/i.test(m[1]) || m[1].split(/\s+/).length > 8) return { name: raw, whole: false };
  return /^[A-Z][A-Z&-]{1,10}$/.test(m[1]) ? { name: raw.trim(), whole: true } : { name: m[1], whole: true };
}

/** A fee, a deadline or a date is what a call says about itself, never its journal ("(No Publication Fee)", ", December 2017", "Journals – Deadlines October to December 2022"). */
const NOT_A_NAME = /\b(?:fees?|free|APCs?|charges?|waived|deadlines?|extended)\b|^\W|^(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+)?\d{4}$/i;

/** Words that, alone, name nobody's journal: a pronoun that opens the sentence ("We invite papers") or a call's status ("CLOSED"). */
const NOBODY = 'we|i|you|they|it|he|she|this|that|these|those|there|here|our|their|authors|contributors|editors|closed|open|new|updated|extended|reminder|(?:e|p|print|online)?[- ]?issn|isbn|doi';
/**
 * Venues that are announcement noise, not journals ("CFP", "(Deadline approaching)", "Call for Papers"), for the
 * readers that clean their names. Measured: adding the {@link NOBODY} words to it as well drops 18 more candidates
 * and costs the venue chooser 2 of 485 calls cross-validated, so the lone-word check stays separate.
 */
const NOT_VENUE = /^(?:\W*(?:cfps?|calls?|for|papers?|deadline|approaching|extended|reminder|final|new|\d(?:st|nd|rd|th)|special|issues?|si|this|these|our|its|the|on|about|journal)\W*)+$/i;
/** A publisher page's widgets copied with its text ("Journal Browser", "E-Mail Alert"): no journal's name. */
const PAGE_WIDGET = 'journal browser|journal menu|e ?mail alerts?|article alerts?|browse (?:journals|issues)';
/** The word for a journal before its name in French, Spanish, Portuguese, Italian and German ("Revue Bellica", "Rivista Studiolo"). */
/**
 * "Call for papers" in Portuguese, French and Spanish ("Chamada de artigos", "Appel à contributions", "Convocatoria de artículos"):
 * a regular-expression source (words parted by any white space) for the title's and the venue's readers.
 */
export const CALL_ABROAD = String.raw`chamadas?\s+(?:de|para)\s+(?:artigos|trabalhos|contribuições)|appels?\s+à\s+(?:contributions?|articles?|textes|communications?)|convocatorias?(?:\s+de\s+art[íi]culos)?`;
export const JOURNAL_WORD_ABROAD = '[Rr]evue|[Rr]evista|[Rr]ivista|[Zz]eitschrift';
/** A call's own label in other languages ("Convocatoria No. 01"), and a journal's subtitle alone ("Engineering Geology – An International Journal"). */
const CALL_LABEL = `artigos|trabalhos|art[íi]culos|articles|contributions|textes|${CALL_ABROAD}|convocatorias?|chamadas?|appels?|aufruf|bando|an? (?:(?:international|interdisciplinary|multidisciplinary|open access|peer reviewed|online|refereed)\\s+)+journal`;
const NOBODY_ALONE = new RegExp(`^(?:${NOBODY}|${PAGE_WIDGET}|${CALL_LABEL})$`, 'i');

/**
 * Whether a candidate is one word that names nobody's journal, whichever reader found it
 * (announcement words are {@link cleanVenue}'s to drop, for the readers that clean their names).
 *
 * @example
 * namesNoJournal('We') // true
 * namesNoJournal('CLOSED') // true
 * namesNoJournal('Religions') // false
 */
export function namesNoJournal(text: string): boolean {
  return NOBODY_ALONE.test(text.trim());
}

/**
 * The journal named before or after "Special Issue": announcement words,
 * labels ("Publication and issue:"), publishers, issue numbers and years
 * removed; '' when no journal's name is left ("Call for Papers for the",
 * "(Deadline approaching)").
 *
 * @example
 * cleanVenue('Publication and issue: From the European South, no. 19, Fall 2026.') // 'From the European South'
 * cleanVenue('CFP Semantic Web Journal') // 'Semantic Web Journal'
 */
export function cleanVenue(raw: string): string {
  const { name, whole } = withoutSubtitle(raw);
  // A label before a colon is not the name ("Publication and issue: X"), unless the colon is the name's own ("LLC: The Journal of ...").
  const v = stripNoise(
    (whole ? name : name.replace(/^.*[:：]\s*(?=\S)/, ''))
      .replace(/,?\s*(?:no\.|vol\.|volume|issue)\s*\d.*$/i, ''),
  )
    .replace(/^(?:cfp|call for papers)\b\s*/i, '')
    .replace(/^(?:elsevier|springer|wiley|mdpi|hindawi)\s+(?=\S)/i, '')
    .replace(/\s*\((?:elsevier|springer|wiley|mdpi|hindawi|ieee|acm)[^)]*\)\s*$/i, '')
    // The journal's former name after its name ("Health Security (formerly Biosecurity and Bioterrorism)").
    .replace(/\s*\((?:formerly|previously)\b[^)]*\)\s*$/i, '')
    .replace(/[\s:,.–—|(-]+$/, '')
    // A journal's acronym after its name ("... Technologies (IEEE-TLT)") and subject noise after it ("ACM TSAS CFP") are not the name.
    .replace(/(\S\s+\S.*?)\s*\([A-Z][A-Za-z&-]{1,11}\)$/, '$1')
    .replace(/[\s?|–—-]*\b(?:cfp|call for papers)[\s?|–—-]*$/i, '')
    // Issue words and an image's alt text after the name ("X Special Issue", "X Journal Logo").
    .replace(/\s+(?:special issue|(?:journal )?(?:logo|cover(?: image)?))$/i, '')
    // An impact factor after the name ("Sensors; IF 2.475").
    .replace(/\s*[;,]\s*(?:IF|impact factor)\b.*$/i, '')
    // A title line wrapped before its venue leaves the joining word on the venue's line ("on Semantic Web Journal").
    // "Submit to the Journal of X for a Special Issue": the imperative before the name and the words after it are the sentence's.
    .replace(/^submit(?:\s+(?:your|papers|manuscripts|articles))?\s+to\s+/i, '')
    .replace(/^(?:(?:for|of|in|to|on)\s+)?(?:(?:the|a|an)\s+)?/i, '')
    .replace(/(?:\s+(?:on|of|for|in|a|an|the))+$/i, '')
    .trim();
  return /\p{Lu}/u.test(v) && !/^(?:for|of|the|a|an)$/i.test(v) && !NOT_VENUE.test(v) && !NOT_A_NAME.test(v) ? v : '';
}
