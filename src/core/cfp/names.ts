/**
 * People's names as CFPs write them: honorifics, particles, initials, quoted
 * nicknames; and the roles and organisations that only look like names.
 */

/** A rank before an honorific ("Assoc. Prof.", "Distinguished Professor", "Emeritus Prof."): never part of the name. */
export const RANK_WORD = String.raw`(?:assoc(?:iate)?\.?|assist(?:ant)?\.?|distinguished|emerit(?:us|a)|full|senior|adjunct|visiting|research|honorary|clinical)`;
/** {@link RANK_WORD} and the space after it. */
export const RANK = String.raw`${RANK_WORD}\s+`;
/** Honorifics before a name, possibly chained ("Assoc. Prof. Dr."). */
/** "Prof", "Professor", "Dr", with the Spanish and Portuguese feminine forms ("Dra.", "Profa.", "Profª Drª", "Dr.ª"): a regular-expression
 * source (no group, its full stop included; read with the `i` flag) for every reader that drops an honorific. */
export const HONORIFIC_WORD = String.raw`(?:prof(?:essor|a|ª)?\.?|dr(?:\.?ª|a)?\.?)`;
export const TITLE_PREFIX = new RegExp(String.raw`^(?:${RANK})?${HONORIFIC_WORD}\s+(?:${HONORIFIC_WORD}\s+)?`, 'i');
const PARTICLE = '(?:de|van|von|der|den|da|di|du|la|le|del|dos|bin|al|el|y)';
// "d'Alonzo", "l'Huillier": an elided particle before the capital.
const NAME_WORD = "(?:[dl]['’])?[\\p{Lu}][\\p{L}'’.\\-]*";
// Particles may come two together ("Jaap van de Beek", "María de la Cruz").
const NAME = new RegExp(`^${NAME_WORD}(?:\\s+(?:${PARTICLE}\\s+){0,2}${NAME_WORD}){1,4}$`, 'u');

/** Capitalised phrases that are roles, salutations or organisations, not people. */
const NOT_NAME =
  /\b(?:Chemistry|Physics|Biology|Engineering|Mathematics|Economics|Medicine|Technology|Sociology|Psychology|Geography|Sciences|Studies|Informatics|Ecology|Geology|University|Institute|Special|Issue|Journal|IEEE|Call|Dear|Colleagues|Editors?|Assistant|E-?Mail|Website|Interests|Department|School|College|Centre|Center|Guest|Topics?|Collections?|Papers?|Submission|Deadline|Information|Important|Dates|Keywords|MDPI|Elsevier|Springer|Wiley|Frontiers|Welcome|Research|Science|Guidelines|Instructions|Notes?|Authors?|Agenc(?:y|ia)|Instituto|Universi(?:dad|dade|tà|té|tät|tat|teit)|Ministry|Council|Foundation|Observatory|Visit|Members|Partners|Team|Committee|Univ|Institut|Inst|Dept|Publications?|Target|Milestones?|Labs?|Laborator(?:y|ies)|Inc|Corp(?:oration)?|Ltd|GmbH|Technologies|Systems|Solutions|Consulting|Views|Downloads|Citations|Metrics|Criteria|Fachbereich|Lehrstuhl|Arbeitsbereich|Abteilung|Fakultät|Seminar)\b/;

/** A German adjective's ending on a long word ("Literaturwissenschaftliche", "Europäischen"): no given name ends so. */
const GERMAN_ADJECTIVE = /^\p{Lu}\p{Ll}{4,}(?:lich|isch)(?:e|en|es)\s/u;

/**
 * A person's name without the full stop it took from the end of its sentence ("... and Samantha Xu." is Samantha Xu);
 * "Jr." and "St." keep theirs, and so does an initial.
 *
 * @example
 * withoutEndStop('Samantha Xu.') // 'Samantha Xu'
 * withoutEndStop('John Tanner Jr.') // 'John Tanner Jr.'
 */
export function withoutEndStop(name: string): string {
  return name.replace(/(?<=\p{L}{2})(?<!\b(?:Jr|Sr|St))\s*\.$/u, '');
}

/** A publisher page's link labels after a person's name, copied as words (MDPI's "Dr. X Website E-Mail"). */
export const LINK_LABEL_WORDS = String.raw`Website|E-?[Mm]ail|SciProfiles|Scilit|Preprints\.org|ORCID|Homepage`;

/** A one-word nickname in parentheses inside a name ("Michelle (Lani) Shiota"): each reader sets its own bounds around it. */
export const PAREN_NICKNAME = String.raw`\(\p{Lu}[\p{L}'’-]{1,15}\)`;

/** A quoted nickname inside a name ("Ruiyun “Rayna” Xu"), which the name pattern cannot read. */
const NICKNAME = /\s[“"‘][^”"’]{1,30}[”"’](?=\s)/gu;

/**
 * Whether a string looks like a person's name (2-5 capitalised words, an
 * honorific and a quoted nickname allowed).
 *
 * @example
 * looksLikeName('Tony Q.S. Quek') // true
 * looksLikeName('Dr. Ruiyun “Rayna” Xu') // true
 * looksLikeName('Generative artificial intelligence') // false
 */
export function looksLikeName(s: string): boolean {
  const t = s.replace(TITLE_PREFIX, '').replace(NICKNAME, ' ').replace(/\s+/g, ' ').trim();
  // A person's name never starts with an article ("The Microbiome Across Biological Systems").
  // Nor with a German adjective ("Literaturwissenschaftliche Schriften", a journal's name translated).
  return t.length <= 60 && NAME.test(t) && !NOT_NAME.test(t) && !/^(?:The|A|An)\s/.test(t) && !GERMAN_ADJECTIVE.test(t);
}

/**
 * Whether a line names a person by honorific ("Prof. X", "Dr X").
 *
 * @example
 * startsWithHonorific('Prof. Dimitrios Georgakopoulos') // true
 */
export function startsWithHonorific(s: string): boolean {
  return TITLE_PREFIX.test(s.trim()) && looksLikeName(s.trim().split(/[,(]/)[0] ?? '');
}

/**
 * The issue an editors' label names after it ("Editors of the Volume", "Guest Editors for this special section", "Coordinateurs du
 * numéro", "Coordinateur du numéro spécial", "Editores convidados para o Dossiê", with the adjective French and Spanish put after the noun): a regular-expression source for the inline reader's label and the sections' label line (read with the `i` flag).
 */
/** The mark that puts a list of editors after an issue's name ("X – Eds A, B", "Hrsg.", "a cura di"): a regular-expression source. */
export const EDS_MARK = String.raw`(?:[Ee]ds?\.?|[Ee]dited by|[Hh]rsg\.?|[Hh]g\.|a cura di|[Cc]oord\.)`;
/** The journal's own editors as Portuguese, Spanish, French and German write them ("Editora associada", "editor jefe", "rédactrice en
 * chef", "Chefredakteurin"): a regular-expression source (read with the `i` flag) beside the English roles of each journal-role reader. */
export const JOURNAL_ROLE_ABROAD = String.raw`editor(?:[ae]s?)?[- ](?:associad[oa]s?|adjunt[oa]s?|chefe|jefe|en jefe)|r[ée]dact(?:eur|rice)s? en chef|chefredakt\p{L}*`;
export const OF_THIS_ISSUE = '(?:du|de ce|of the|of this|for the|for this|del|dello|do|da|para o|para a|para el|para este|para esta|pour le|pour ce|per il|per questo|für das|für dieses|für den) (?:special |thematic |themed )?(?:numéro|dossier|dossiê|dosier|issue|número|numero|fascicolo|volume|section|collection|themenheft|heft)(?: (?:spécial|thématique|especial|speciale|temático|monográfico|monografico))?';
/**
 * Editors' labels in French, Spanish, Portuguese, Italian and German ("Coordination du dossier", "Direction scientifique", "Organizadores",
 * "Herausgeberinnen", "a cura di"), "Coordinators", and Taylor & Francis's "Article collection guest advisor(s)": a regular-expression source for the heading, section and
 * inline-label readers to put inside a group (lower case; read with the `i` flag or against lower-cased text).
 */
export const EDITOR_LABEL_WORDS = '(?:article collection )?guest advisors?(?:\\s*\\(s\\))?|coordination(?: du (?:dossier|numéro))?|direction (?:scientifique|du (?:dossier|numéro))|coordinat(?:eurs?|rices?|ors?)|coordinador(?:es|as)?|organizador(?:es|as)?|proponentes|coordenador(?:es|as)?|editor(?:es|as)(?: convidad[oa]s| invitad[oa]s)?|coordenação|(?:gast-?)?herausgeber(?:innen|\\*innen|:innen|_innen)?|responsables? (?:du|de ce) (?:numéro|dossier)|(?:numéro |dossier )?coordonné par|a cura di|curat(?:ori|rici|ore|rice|ela)';

/**
 * Names joined by "and" as French, German, Spanish and Portuguese write it ("A et B", "A und B"), with "and".
 *
 * @example
 * withPlainAnd('Sara Roe et Marie Doe') // 'Sara Roe and Marie Doe'
 */
export function withPlainAnd(s: string): string {
  return s.replace(/\s(?:et|und|y|e)\s/g, ' and ');
}
