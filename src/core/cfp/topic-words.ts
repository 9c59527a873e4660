/**
 * Topic words in the other languages calls are written in (Italian, Spanish, Portuguese, French,
 * German): the section names ("Temi", "Ejes temáticos", "Thématiques", "Themenfelder") and, for
 * lead-ins, the words for "the following" ("i seguenti temi", "les thèmes suivants"). Shared by the
 * line classifier (headings), the sections and the topic-list readers.
 */

/** Names of a topics section, as alternatives of a regular expression (lower case; accents optional where writers drop them). */
export const TOPIC_SECTION_WORDS_ABROAD =
  'temi|tematiche|argomenti|ambiti(?: tematici)?|aree(?: tematiche)?|temas|tem[áa]ticas|t[óo]picos|ejes(?: tem[áa]ticos)?|eixos(?: tem[áa]ticos)?|l[íi]neas tem[áa]ticas|[áa]reas tem[áa]ticas|th[èe]mes|th[ée]matiques|domaines|axes(?: th[ée]matiques)?|sujets|themen(?:felder|bereiche|schwerpunkte)?|schwerpunkte|(?:mögliche )?aspekte';

/** Any of those words, or "the following", matched whole (letters on neither side: accents are letters here). */
export const TOPICS_ABROAD = new RegExp(`(?<!\\p{L})(?:${TOPIC_SECTION_WORDS_ABROAD}|seguenti|siguientes|seguintes|suivant(?:e?s)?|folgenden?)(?!\\p{L})`, 'iu');

/** A label over a call's keywords or subfields, in the languages calls are written in; the list follows on its line or the next. */
export const KEYWORDS_LABEL = /^\W{0,3}(?:key ?-?words?|mots[- ]cl[ée]s|palabras[- ]clave|palavras[- ]chave|schl(?:ü|ue)sselw(?:ö|oe)rter|schlagw(?:ö|oe)rter|parole chiave|sub-?fields|sub-?themes)\W{0,3}\s*(?:[:：]\s*(.*))?$/iu;
