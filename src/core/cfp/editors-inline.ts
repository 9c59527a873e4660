/**
 * Guest editors named inline rather than in a list: "Editors: X and Y",
 * "(Lead Guest Editor: X)", "Editor:X, Department of ...", "Issue edited by
 * X (Univ) and Y (Univ)", "Prof. X, Prof. Y, and Prof. Z will guest edit".
 */
import type { GuestEditor } from '../schema.js';
import type { Line } from './lines.js';
import { EDITOR_LABEL_WORDS, EDS_MARK, HONORIFIC_WORD, OF_THIS_ISSUE, looksLikeName, PAREN_NICKNAME, RANK, startsWithHonorific, withoutEndStop, withPlainAnd } from './names.js';
import { splitNameLine } from './editor-lines.js';
import { lastSentence } from './lists.js';
import { peopleOnLine } from './editors-multi.js';

/** The label, then its names, each possibly with an affiliation or e-mail in parentheses ("Editors: A (Univ) and B (b@x.org)"). */
const LABEL = new RegExp(
  `${String.raw`(?:^|\(|\b)(?:(?:(?:lead|managing) )?(?:(?:guest |special issue |issue |scientific )?editors?|(?:special )?(?:issue|collection|section|topic) organi[sz]ers?`}|${EDITOR_LABEL_WORDS})(?:\\s+${OF_THIS_ISSUE})?${String.raw`\s*(?:\([^)]{0,40}\))?(?:\s+(?:are|is))?\s*[:：]|\(eds?\.)\s*((?:[^()]|\([^()]*\)){3,300})`}`,
  'i',
);
/** A middle initial's dot ("Ashley P. Jones") or an honorific's ("Dr. X") does not end the names; "coordonné par", "a cura di", "coordinado por", "herausgegeben von" are the same "edited by". */
const EDITED_BY = /\b(?:(?:(?:guest[- ])?edit(?:ed)?|overseen|curated|coordinated|hosted) by|coordonn[ée]e?s? par|(?:co-?)?dirig[ée]e?s? par|a cura di|coordinad[oa]s? por|organizad[oa]s? por|herausgegeben von)\s*:?\s+((?:[^.]|(?<=\b(?:\p{Lu}|Dr|Prof|Assoc|Asst|Mr|Ms|Mrs))\.){3,300})/iu;
/**
 * "Please email Guest Editors X (Univ) and Y (Univ) ...", "Guest editors for this special issue are X (Univ), Y and Z",
 * and the French "notre rédactrice invitée, X" (guest editor).
 */
const GUEST_NAMED = /\b(?:(?:guest|issue) (?:co-?)?editors?\s+|r[ée]dact(?:eur|rice)s? invit[ée]e?s?,?\s+|(?:the )?(?:co-?)?editors? (?=(?:for|of) (?:this|the) (?:special |themed? |thematic )?issue))(?:(?:for|of) (?:this|the) (?:special |themed? |thematic )?issue\s+)?(?:are|is|will be)?\s*((?:(?:prof(?:essor)?\.?|dr\.?)\s+)?[\p{Lu}](?:[^.;:]|(?<=\b(?:\p{Lu}|Dr|Prof|Assoc|Asst|Mr|Ms|Mrs))\.){3,300})/iu;
/** "I will be editing this research topic with A (Univ), and B (Univ)": the writer's co-editors (the writer is not named). */
const EDITING_WITH = /\b(?:I|we) (?:will|shall|am|are) (?:be )?(?:guest[- ]|co-)?edit(?:ing)?\b[^.]{0,60}?\bwith\s+((?:[^.]|(?<=\b(?:\p{Lu}|Dr|Prof|Assoc|Asst|Mr|Ms|Mrs))\.){3,300})/u;
const WILL_EDIT = /^(.{3,300}?)\s+(?:(?:will|are to|shall) (?:guest[- ]edit|serve as (?:the )?(?:guest[- ])?(?:co-?)?editors?)|(?:is|are) (?:serving|acting) as (?:the )?(?:guest[- ])?(?:co-?)?editors?|(?:is|are) (?:the )?guest[- ](?:co-?)?editors?(?: (?:of|for)\b|\s*[.;]))/i;
/** "A, B & C (eds.)", "A und B (Hg.)": the names before an editors' mark that closes them. */
const EDS_AFTER = /^((?:(?:Dr|Prof)\.?\s+)?\p{Lu}[^()]{3,200}?)\s*\((?:eds?|hg|hrsg|coords?|orgs?|dir)\.?\)\s*$/u;
/** "Thieves of Music. Philosophy, Music and Plagiarism – Eds Alessandro Roe, Ezio Doe, Davide Poe": the editors after a dash and "Eds". */
const EDS_DASH = new RegExp(String.raw`\s[–—-]\s+${EDS_MARK}\s+(\p{Lu}[^()]{3,200}?)\s*$`, 'u');
/** "tendo como coeditores temáticos os professores A (U), B (U) e C (U)", "organizado pelas professoras A; B e C": the people a Portuguese or
 * Spanish sentence names as the issue's editors or organisers ("organizado por" is EDITED_BY's, read before it). */
const AS_ORGANISERS = /\b(?:(?:como|com) (?:co-?editor(?:es|as)|editor(?:es|as)(?: convidad[oa]s)?|organizador(?:es|as)|coordenador(?:es|as)|coordinador(?:es|as))(?: temátic[oa]s| convidad[oa]s| invitad[oa]s)?|organizad[oa]s? pel[oa]s|coordenad[oa]s? pel[oa]s)(?: (?:os|as|los|las))?(?: (?:professor(?:es|as)?|profesor(?:es|as)?|pesquisador(?:es|as)|investigador(?:es|as)|doutor(?:es|as)|doctor(?:es|as)))?\s+(\p{Lu}(?:[^.;:]|;(?=\s*(?:\p{Lu}|Dr))|(?<=\b(?:\p{Lu}|Dr|Dra|Prof|Profa|Dr\.ª|Drª))\.){3,300})/u;
/** "A and B are leading the NSE issue X, while ...": the people a sentence opens with, who lead, organise or edit an issue. */
const LEADING = /(?:^|(?<=[a-z)][.!?]\s+))(\p{Lu}.{2,200}?)\s+(?:is|are) (?:leading|organi[sz]ing|co-?editing|guest[- ]editing|editing|coordinating|curating) (?:the|this|a|an) (?:[\p{L}-]+ ){0,4}?(?:special |themed? |thematic )?(?:issue|section|collection)\b/iu;
/** "The issue will feature A and B as guest editors": the names just before "as guest editors". */
/** A name's next word: capitalised, or a particle before one ("Antony van der Ent"). */
const NEXT_NAME_WORD = String.raw`\s+(?:(?:van|von|der|den|de|da|del|della|di|du|la|le|dos|das|ten|ter)\s+){0,3}\p{Lu}[\p{L}.'’-]+`;
const AS_EDITORS = new RegExp(String.raw`((?:(?:Dr|Prof)\.?\s+)?\p{Lu}[\p{L}.'’-]+(?:${NEXT_NAME_WORD}){1,3}(?:,?\s+(?:and|&)\s+(?:(?:Dr|Prof)\.?\s+)?\p{Lu}[\p{L}.'’-]+(?:${NEXT_NAME_WORD}){1,3})*)\s+as (?:the )?(?:[Gg]uest[- ]|[Cc]o-?)[Ee]ditors?\b`, 'u');
/** "sous la direction d'A, professeure ..., et de B, ...": French names each editor, then where they work. */
const DIRECTION = /\bsous la (?:co-?)?direction (?:de |d['’])\s*(.{3,600})/iu;
/** "A (Univ) and B (Univ), Guest Co-Editors of X": the names just before the role. */
const BEFORE_ROLE = /((?:(?:Dr|Prof)\.?\s+)?\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+){1,3}(?:\s*\([^()]{1,80}\))?(?:,?\s+(?:and|&)\s+(?:(?:Dr|Prof)\.?\s+)?\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+){1,3}(?:\s*\([^()]{1,80}\))?)+),\s+(?:the\s+)?(?:[Gg]uest\s+)?[Cc]o-?[Ee]ditors\b/u;
/** "Socius Calls for Papers with Editor Melanie M. Hughes": the issue's editor named after "with". */
const WITH_EDITOR = /\bwith (?:[Gg]uest[- ]?)?(?:[Cc]o-?)?[Ee]ditors?\s+((?:(?:Dr|Prof)\.?\s+)?\p{Lu}[\p{L}'’-]+(?:\s+(?:\p{Lu}\.|\p{Lu}[\p{L}'’-]+)){1,3}(?:,?\s+(?:and|&)\s+\p{Lu}[\p{L}'’-]+(?:\s+(?:\p{Lu}\.|\p{Lu}[\p{L}'’-]+)){1,3})?)/u;
/** "This Focus Collection, with guest-coeditors A (X), B (Y), C (Z) ...": every name of the sentence after the plural role. */
const WITH_EDITORS = /\bwith (?:guest[- ]?)?(?:co-?)?editors\s+((?:[^.;:]|(?<=\b(?:\p{Lu}|Dr|Prof|Assoc|Asst|Mr|Ms|Mrs))\.){3,300})/iu;
/** A person as German prose names one after "die Herausgeber": two to four capitalised words (a particle between), an aside after. */
const GERMAN_PERSON = String.raw`\p{Lu}[\p{L}.'’-]+(?:\s+(?:(?:von|van|de|der|zu)\s+)?\p{Lu}[\p{L}.'’-]+){1,3}(?:\s*\([^()]*\))?`;
/** "... an die Herausgeberinnen und Herausgeber Stefan Roe (mail), Eva Doe (mail) und Tom Poe (mail) übermittelt werden": the editors in a sentence. */
const HERAUSGEBER = new RegExp(String.raw`\b(?:den|die|der) (?:Gast-?)?[Hh]erausgeber(?:innen|\*innen|:innen|_innen|in)?(?: und (?:Gast-?)?[Hh]erausgeber(?:innen)?)?\s+(${GERMAN_PERSON}(?:\s*(?:,|und|&)\s*${GERMAN_PERSON})*)`, 'u');
/** An honorific, with the rank before it, and the plain titles a sentence gives people ("Mr", "Ms"). */
const HONORIFIC = new RegExp(String.raw`^(?:${RANK})?(?:${HONORIFIC_WORD}|mr\.?|ms\.?|mrs\.?)\s+`, 'i');

/** Abbreviated titles whose full stop ends no sentence (with the Spanish and Portuguese "Dra.", "Profa."). */
const TITLE_ABBR = 'Dra?|Profa?|Mr|Ms|Mrs|Assoc|Asst';
/** A sentence's end after a word or an aside, not after an honorific or an initial. */
const SENTENCE_END = new RegExp(String.raw`(?<=\p{L}{2}|\))(?<!\b(?:${TITLE_ABBR}|St|Jr|Sr))\.\s+(?=\p{Lu})`, 'u');
/** A full stop inside an affiliation's aside ("(Reading Univ., UK)"), masked before sentences are cut. */
const ASIDE_STOP = new RegExp(String.raw`(?<!\b(?:${TITLE_ABBR}|[Ee]ds?))\.(?=[\s,)])`, 'gu');

/** Words before an honorific that opens a name: "CDC Director Dr. Ruth Petersen" is Ruth Petersen. */
const POST_BEFORE_HONORIFIC = /^(?:\d{1,2}\.\s+)?(?:\p{Lu}{2,8}\s+)?(?:(?:Executive|Deputy|Associate|Assistant|Acting|Vice|Former|Managing)\s+)?(?:Director|Chair(?:man|woman|person)?|President|Head|Dean|Chief|Secretary|Commissioner|Minister|Rector|Provost)\s+(?=(?:Dr|Prof|Professor)\.?\s+\p{Lu})/u;

/** A French, Spanish or Portuguese rank with its article before a name ("codirigé par le doctorant A et le professeur B"). */
const ROLE_LEAD = /^(?:(?:le|la|el|o|a)\s+)?(?:doctorant|doctorante|doctorando|doctoranda|doutorando|doutoranda|professeure?|profesora?|professora?|chercheur|chercheuse|investigador|investigadora|pesquisador|pesquisadora)\s+(?=\p{Lu})/u;

/** Names in "A, B and C" (each possibly followed by "(Affiliation)" or ", Affiliation"). */
function namesIn(list: string): string[] {
  // Footnote marks after names ("Erktan1,2") and an affiliation list opened but not closed in the sentence are not names.
  const cleaned = withPlainAnd(list).replace(/(?<=\p{Ll})\d{1,2}(?:,\d{1,2})*\b/gu, '').replace(/\([^)]*$/, ' ').replace(/\([^)]*\)/g, ' ').replace(/\)/g, ' ').replace(/\b[\w.+-]+@[\w.-]+\b/g, ' ').replace(/\s{2,}/g, ' ');
  return cleaned
    // "A and B", "A et B" (French, German, Spanish, Portuguese: withPlainAnd), "D. Teira – S. Leonelli".
    .split(/\s*(?:,|;|\band\b|&|\s[–—]\s)\s*/)
    // "... and Dr. C (Univ) for the open access journal X": the sentence goes on after the last name.
    .map((p) => p.replace(/\s+(?:for|who|will|to|at|with|from)\s.*$/, ''))
    // A name at a sentence's end keeps no full stop ("... and Samantha Xu.").
    // A post before the honorific is the person's job, not their name ("CDC Director Dr. Ruth Petersen").
    .map((p) => withoutEndStop(p.replace(/^.*\bco-editor-in-chief\b\s*/i, '').replace(POST_BEFORE_HONORIFIC, '').replace(ROLE_LEAD, '').replace(HONORIFIC, '').replace(HONORIFIC, '')).trim())
    .filter((p) => looksLikeName(p));
}

/**
 * Editors named inline, with the lines that named them.
 *
 * @example
 * inlineEditors(toLines('Issue edited by Eleonora Federici (University of Ferrara) and Marilena Parlati (University of Padova)'))
 * // { editors: [{ name: 'Eleonora Federici' }, { name: 'Marilena Parlati' }], used: Set { 0 } }
 */
export function inlineEditors(lines: readonly Line[]): { editors: GuestEditor[]; used: Set<number> } {
  const editors: GuestEditor[] = [];
  const used = new Set<number>();
  const seen = new Set<string>();
  // A long paragraph is read sentence by sentence ("... which is guest edited by A (U), B (U) and C (U) for the journal X.").
  // A full stop inside an affiliation ("Prof. A (Reading Univ., UK) and Dr. B (Univ. College Dublin)") ends no sentence: masked first.
  const units = sentencesOf(lines)
    .map((p) => ({ ...p, text: p.text.replace(/\([^()]{1,120}\)/g, (aside) => aside.replace(ASIDE_STOP, '\u2024')) }))
    .flatMap((p) => (p.text.length > 600 ? p.text.split(/(?<!\b(?:Dr|Prof|Mr|Ms|Mrs|Assoc|Asst)\.)(?<=[a-z)][.!?])\s+(?=\p{Lu})/u).map((text) => ({ text, indexes: p.indexes })) : [p]));
  for (const { text, indexes } of units) {
    const label = LABEL.exec(text);
    // A long line that opens with its label ("Editor(s): A (U, Belgium), B (U, Italy), ... and M (U, Sweden) Special issue jointly ...") is still read.
    if (text.length > 600 && label?.index !== 0) continue;
    const direction = DIRECTION.exec(text)?.[1];
    const names: string[] = label?.[1]
      ? labelledNames(label[1])
      : direction
        ? directedBy(direction)
        : namesIn(EDITED_BY.exec(text)?.[1] ?? EDITING_WITH.exec(text)?.[1] ?? lastOf(WILL_EDIT.exec(text)?.[1]) ?? lastOf(LEADING.exec(text)?.[1]) ?? EDS_AFTER.exec(text)?.[1] ?? EDS_DASH.exec(text)?.[1] ?? AS_ORGANISERS.exec(text)?.[1] ?? AS_EDITORS.exec(text)?.[1] ?? BEFORE_ROLE.exec(text)?.[1] ?? WITH_EDITORS.exec(text)?.[1] ?? WITH_EDITOR.exec(text)?.[1] ?? HERAUSGEBER.exec(text)?.[1] ?? namedAfterLabel(text));
    // "Guest Editors are Dr. A of X, France; Dr. B of Y", "Editors: Prof. A, X, and Prof. B, Y": each honorific opens the next person.
    const titled = honorificPeople(text);
    if (titled.length > names.length) names.splice(0, names.length, ...titled);
    // "Guest editors ... are A (U) and B (U), respectively chair and vice-chair ..., and C (U), local host": each name before its affiliation.
    // After a label, its sentence however long: "Guest Editors: A (U) and B (Lab) A special issue of ..." names A and B.
    const afterLabel = label?.[1] ? text.slice(label.index + label[0].length - label[1].length).split(SENTENCE_END)[0] : undefined;
    const asided = direction ? [] : asidedPeople(afterLabel ?? GUEST_NAMED.exec(text)?.[1] ?? '');
    if (asided.length > names.length) names.splice(0, names.length, ...asided);
    // "Guest Editors: Prof. A, Univ X" with "Prof. B, Univ Y" on the next line: the label's list goes on, one person a line.
    const last = indexes[indexes.length - 1];
    if (label?.index === 0 && names.length > 0 && last !== undefined) names.push(...personLinesAfter(lines, last, used));
    for (const read of names) {
      // A name read up to its sentence's end keeps no full stop ("... e Profa. Maria Souza (UFRJ).").
      const name = withoutEndStop(read);
      if (seen.has(name.toLowerCase())) continue;
      seen.add(name.toLowerCase());
      editors.push({ name, ...(/\blead\b/i.test(text) && names.length === 1 ? { lead: true } : {}) });
      indexes.forEach((i) => used.add(i));
    }
  }
  return { editors, used };
}

/** The people on the lines straight after line `last` that each open with an honorific and a name ("Professor Julie Marshall, Manchester ..."), up to the first line that does not. */
function personLinesAfter(lines: readonly Line[], last: number, used: Set<number>): string[] {
  const out: string[] = [];
  for (let i = last + 1; i < lines.length && out.length < 10; i++) {
    const l = lines[i];
    if (!l || (l.kind !== 'text' && l.kind !== 'bullet') || !startsWithHonorific(l.text)) break;
    const name = (splitNameLine(l.text)?.name ?? '').replace(HONORIFIC, '').replace(HONORIFIC, '').trim();
    if (!looksLikeName(name)) break;
    out.push(name);
    used.add(i);
  }
  return out;
}

/** What comes before a role, from its own sentence on ("The journal invites papers on X. A (U) and B (U) are the guest editors"). */
const lastOf = (s: string | undefined): string | undefined => (s === undefined ? undefined : lastSentence(s));

/** An honorific that opens a person's name ("Dr.", "Prof.", "Assoc. Prof.", "Professor"). */
const OPENS_PERSON = String.raw`(?:(?:Assoc(?:iate)?|Asst|Assistant)\.?\s+)?(?:Prof(?:essor)?|Dr)\.?\s+(?=\p{Lu})`;
/** Where an editors' label or sentence hands over to its people, honorific first ("Guest Editors are Dr.", "Editors: Prof."). */
const TITLED_AFTER = new RegExp(String.raw`\b(?:guest |issue |special issue )?editors?\b[^.:;]{0,40}?(?:\b(?:are|is|will be)\b|[:：])\s*(${OPENS_PERSON}.{3,500})`, 'iu');

/**
 * The people of a sentence whose every editor is named with an honorific, each name up to its
 * affiliation ("of X", ", X", "(X)"); two or more, or none.
 */
function honorificPeople(text: string): string[] {
  const list = TITLED_AFTER.exec(text)?.[1];
  if (!list) return [];
  const parts = list.split(new RegExp(String.raw`(?:[;,]\s*)?(?:\b(?:and|&)\s+)?(?=${OPENS_PERSON})`, 'u')).filter((p) => p.trim());
  const names = parts.map((p) => (p.replace(HONORIFIC, '').replace(HONORIFIC, '').split(/,|\(|\s+(?:of|from|at)\s|;(?:\s|$)|(?<!\b[A-Z])\.(?:\s|$)/)[0] ?? '').trim());
  return names.length >= 2 && names.every((n) => looksLikeName(n)) ? names : [];
}

/** A name followed by its affiliation in parentheses; it starts a name, not the tail of a longer one ("Marília Uchôa Cavalcanti Lott de Moraes Costa (U)"). */
const NAME_ASIDE = /(?<!\p{Lu}[\p{L}'’.-]*\s+(?:(?:van|von|de|da|del|der|di|le|la)\s+)*)((?:(?:Dr|Prof)\.?\s+)?\p{Lu}[\p{L}'’-]+(?:\s+(?:\p{Lu}\.|\p{Lu}[\p{L}'’-]+|van|von|de|da|del|der|di|le|la)){1,4})\s*\([^()]{2,100}\)/gu;

/** A nickname between a name's words ("Michelle (Lani) Shiota (Arizona State University)"), which an affiliation's parentheses would otherwise take. */
const NICKNAME_IN_NAME = new RegExp(String.raw`(?<=\p{Lu}[\p{L}'’-]+)\s${PAREN_NICKNAME}(?=\s+\p{Lu})`, 'gu');

/** Every "Name (Affiliation)" of a guest editors' sentence, when it names two or more that way. */
function asidedPeople(list: string): string[] {
  // A nickname in parentheses inside a name ("Michelle (Lani) Shiota (Arizona State University)") is no affiliation.
  const names = [...list.replace(NICKNAME_IN_NAME, '').matchAll(NAME_ASIDE)].map((m) => (m[1] ?? '').replace(HONORIFIC, '').trim()).filter((n) => looksLikeName(n));
  return names.length >= 2 ? names : [];
}

/** The editors after "sous la direction de": each "(et) de X, where they work" gives its first comma part. */
function directedBy(rest: string): string[] {
  return rest
    .split(/,?\s+et\s+(?:de\s+|d['’])/)
    .map((p) => (p.split(/,|\(/)[0] ?? '').replace(/[.;]\s.*$/, '').trim())
    .filter((p) => looksLikeName(p.replace(HONORIFIC, '')))
    .map((p) => p.replace(HONORIFIC, ''));
}

/**
 * "Editor: Name, Department of X" names one editor and its affiliation;
 * "Guest Editors: A, B, C" names three: every comma-separated part a name.
 */
function labelledNames(whole: string): string[] {
  // The list ends with its sentence ("... and B (Univ). Deadline for abstracts: ..."), and a role repeated after the label is no name ("Guest editors: guest editor, A").
  const list = (whole.split(SENTENCE_END)[0] ?? whole).replace(/^(?:(?:lead |managing )?guest[- ]editors?|editors?)\s*,\s*/i, '');
  const many = peopleOnLine(list);
  if (many) return many;
  // "A, Univ X; B, Univ Y; and C, Z": semicolons part people, a comma parts each name from its affiliation.
  // A part that goes on in prose ("in collaboration with X, Editors") names no guest editor.
  // A part may open with a role of its own ("...; Assistant guest editor: Associate Professor Y").
  const people = list.split(';').map((p) => p.trim().replace(/^and\s+/i, '').replace(/^[\p{L} -]{0,30}\beditors?\s*[:：]\s*/iu, '')).map((p) => (/^\p{Lu}/u.test(p) ? namesIn((p.split(',')[0] ?? '').trim()) : []));
  if (people.length >= 2 && people.filter((n) => n.length === 1).length >= 2) return people.flat();
  const parts = list.split(',').map((p) => p.trim()).filter(Boolean);
  // Names written surname first, then initials ("GASSELIN P., HOSTIOU N., PETIT S. Novembre 2018"): the last ends with its initials.
  const byInitials = /^\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?\s+(?:\p{Lu}\.-?){1,3}(?=\s|$)/u;
  const cut = parts.length > 1 && parts.slice(0, -1).every((p) => byInitials.exec(p)?.[0] === p) ? byInitials.exec(parts[parts.length - 1] ?? '')?.[0] : undefined;
  if (cut) parts[parts.length - 1] = cut;
  // The last part may join the last two names ("..., D (Univ) e E (Univ)").
  const onePerPart = (p: string, i: number) => namesIn(p).length === 1 && !/\band\b/.test(p) || (i === parts.length - 1 && namesIn(p).length === 2 && /\s(?:and|&|et|und|y|e)\s/.test(p));
  if (parts.length > 1 && parts.every(onePerPart)) return parts.flatMap(namesIn);
  const first = namesIn(parts[0] ?? '');
  return first.length > 0 ? first : namesIn(list);
}

/** The names after "Guest Editors" in a sentence, up to the first word that is not part of a name list. */
function namedAfterLabel(text: string): string {
  const m = GUEST_NAMED.exec(text)?.[1];
  if (!m) return '';
  // Stop at the first lower-case word outside parentheses that is not "and".
  const out: string[] = [];
  let depth = 0;
  for (const w of m.split(/\s+/)) {
    depth += (w.match(/\(/g) ?? []).length;
    const inside = depth > 0;
    depth -= (w.match(/\)/g) ?? []).length;
    if (!inside && /^\p{Ll}/u.test(w) && w !== 'and') break;
    out.push(w);
  }
  return out.join(' ');
}

/**
 * Lines joined into their paragraphs, so a sentence that wraps ("Guest
 * Editors Fred Douglis (Perspecta Labs) and Jason\nNieh (Columbia
 * University)") is read whole; one entry per paragraph, with its lines.
 */
function sentencesOf(lines: readonly Line[]): Array<{ text: string; indexes: number[] }> {
  const out: Array<{ text: string; indexes: number[] }> = [];
  let cur: { text: string; indexes: number[] } | undefined;
  for (const l of lines) {
    if (l.kind === 'blank' || l.kind === 'rule' || l.kind === 'heading' || l.kind === 'bullet') {
      if (l.kind === 'heading' || l.kind === 'bullet') out.push({ text: l.text, indexes: [l.index] });
      cur = undefined;
      continue;
    }
    // Lines of their own (labels, short lines) stay whole; a long line of prose that runs on joins the next.
    // A line that names editors after a label ("X Guest Editors: A, B, C") is read alone, not run into the prose after it.
    const label = (t: string) => /^[^:：]{1,40}[:：]/.test(t) || /\beditors?\s*[:：]\s*\S/i.test(t);
    if (cur && cur.text.length < 600 && l.text.length > 0 && !/[.!?:]$/.test(cur.text) && cur.text.length >= 40 && !label(cur.text) && !label(l.text)) {
      cur.text = `${cur.text} ${l.text}`;
      cur.indexes.push(l.index);
    } else {
      cur = { text: l.text, indexes: [l.index] };
      out.push(cur);
    }
  }
  return out;
}
