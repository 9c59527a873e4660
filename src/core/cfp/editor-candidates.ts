/**
 * Every person's name a call writes, with what surrounds it: the candidates
 * the learned editor chooser (editor-model.ts) scores. The rules
 * (editors.ts) read editors from the forms they know; a name here is any run
 * of two to five capitalised words (initials and particles allowed) that
 * {@link looksLikeName} accepts, in any line, so forms no rule knows
 * ("A and B are the editors of this collection", signatures, names under a
 * label in another language) still reach the chooser, which decides from
 * the features.
 */
import type { GuestEditor } from '../schema.js';
import type { Line } from './lines.js';
import type { SectionKind } from './sections.js';
import { EMAIL_G, emailsOf, fold } from './editor-lines.js';
import { startsWithCountry } from './places.js';
import { nameEvidence } from './person-names.js';
import { EDITOR_LABEL_WORDS, HONORIFIC_WORD, JOURNAL_ROLE_ABROAD, LINK_LABEL_WORDS, looksLikeName, PAREN_NICKNAME, RANK_WORD } from './names.js';

const NICKNAME_ANYWHERE = new RegExp(String.raw`\s${PAREN_NICKNAME}(?=\s)`, 'gu');

/** The features of a candidate, in the order the model's weights use. */
export const EDITOR_FEATURES = [
  'bias',
  'rule',
  'rules-found-others',
  'honorific',
  'section-editors',
  'section-topics',
  'section-dates',
  'section-other',
  'label-before-same-line',
  'label-after-same-line',
  'label-line-above-1',
  'label-line-above-3',
  'label-line-above-12',
  'label-sentence',
  'journal-role-near',
  'contact-near',
  'email-here',
  'email-spells-name',
  'affiliation-after',
  'whole-segment',
  'line-start',
  'tokens-2',
  'tokens-3',
  'tokens-4plus',
  'initial',
  'lower-elsewhere',
  'people-near',
  'occurrences',
  'position',
  'signature',
  'first-lines',
  'bullet',
  'heading',
  'prose',
  'all-caps',
  'author-words',
  'in-aside',
  'after-of',
  'country-after',
  'given-name',
  'family-name',
] as const;

export type EditorFeature = (typeof EDITOR_FEATURES)[number];

export interface EditorCandidate {
  /** The name as the text writes it, without honorifics. */
  name: string;
  /** {@link editorKey} of the name: candidates are one per person. */
  key: string;
  /** The rules' editor for this person, when the rules found them (kept whole: affiliation, e-mail, lead). */
  rule?: GuestEditor;
  /** Every line that names them, in text order (none for a rule's editor the text never spells as the rule does). */
  lines: number[];
  features: number[];
}

/**
 * A person's name for comparing: accents folded, lower case, letters only,
 * no honorifics, no one-letter initials and no nickname in parentheses
 * ("Dr. Ana M. Pérez" and "Ana Perez" are one person, and so are "Michelle
 * (Lani) Shiota" and "Michelle Shiota").
 *
 * @example
 * editorKey('Dr. Ana M. Pérez') // 'ana perez'
 * editorKey('John F. (Jeff) Tanner Jr.') // 'john tanner jr'
 */
export function editorKey(name: string): string {
  let n = name
    // A one-word nickname in parentheses anywhere inside the name ("Michelle (Lani) Shiota", "John F. (Jeff) Tanner"); the parser's
    // withoutNickname (editor-lines.ts) drops one only after the first name, so the key is the wider of the two.
    .replace(NICKNAME_ANYWHERE, ' ')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[“"][^”"]*[”"]/g, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  const honorific = /^(?:prof|professor|dr|assoc|assistant|associate|mr|ms|mrs)\s+/;
  while (honorific.test(n)) n = n.replace(honorific, '');
  return n
    .split(' ')
    .filter((w) => w.length > 1)
    .join(' ');
}

const HONORIFIC_WORD_ONLY = new RegExp(String.raw`^(?:${HONORIFIC_WORD}|mr\.?|ms\.?|mrs\.?|sir|dame)$`, 'i');
/** A rank ("Assoc.", "Senior") is an honorific only before one ("Assoc. Prof."): "Senior Group Leader" is a job. */
const RANK_ALONE = new RegExp(String.raw`^${RANK_WORD}$`, 'i');
/** Job titles, which read as capitalised words after a name ("Ana Lima, Principal Scientist") but are never part of one. */
/** A job, or a page's link label after a name ("Dr. Jordi Roca Website E-Mail" on MDPI pages): the name ends before it. */
const JOB_WORD = new RegExp(String.raw`^(?:Leader|Scientist|Dean|Director|Chair(?:man|woman)?|Head|Manager|Officer|Lecturer|Fellow|Researcher|Professor|Editor|President|Coordinator|Investigator|Engineer|Consultant|Analyst|Advisor|Adviser|${LINK_LABEL_WORDS})$`);
const isHonorificAt = (words: readonly string[], i: number) =>
  HONORIFIC_WORD_ONLY.test(words[i] ?? '') || (RANK_ALONE.test(words[i] ?? '') && HONORIFIC_WORD_ONLY.test(words[i + 1] ?? ''));
const PARTICLE = /^(?:de|van|von|der|den|da|di|du|la|le|del|dos|das|bin|al|el|y|ter|ten|zu)$/;
/** A word that can be part of a name: capitalised ("Ana", "O'Neil", "Jean-Luc", "d'Alonzo"), or an initial ("M.", "J.-P."). */
const NAME_TOKEN = /^(?:(?:[dl]['’])?\p{Lu}[\p{L}'’-]*\.?|(?:\p{Lu}\.-?){1,3})$/u;
/** Separators between people or between a name and its affiliation. */
const SEGMENT = /\s*(?:[,;|()[\]:：/•·–—]|\s-\s|\s(?:and|et|und|y|e|&)\s|\t|\s{2,})\s*/u;

const LABEL = new RegExp(
  String.raw`\b(?:guest[- ]?(?:co-?)?edit\w*|(?:special |thematic |themed? |topic |issue |co-?)edit(?:or|ors|ed)\b|edited by|editors?\b|editorial team|${EDITOR_LABEL_WORDS}|organi[sz]ed by|organi[sz]ers?)`,
  'i',
);
/** The journal's own editors, also as Portuguese, Spanish, French and German write them ("Editora associada da RBHE", "rédactrice en chef"). */
const JOURNAL_ROLE = new RegExp(String.raw`\b(?:editor[- ]in[- ]chief|chief editor|associate editors?|managing editors?|section editors?|editorial (?:office|assistant|board)|advisory (?:board|editors?)|handling editor|corresponding(?: [\w-]+)? editor|founding editor|book review editor|EiC|${JOURNAL_ROLE_ABROAD})\b`, 'iu');
/** A line holding only an editor's role, in brackets or not ("(organizador)", "(Hrsg.)", "Guest Editor", "Special Issue Editor"). */
const ROLE_BELOW = new RegExp(String.raw`^\(?\s*(?:(?:lead |managing )?(?:special issue |guest |issue |special |section )*editors?|eds?\.|hrsg\.?|orgs?\.|coord\.|${EDITOR_LABEL_WORDS})\s*\)?\.?$`, 'i');
const CONTACT = /\b(?:contact|enquir|inquir|questions?|correspondence|for more information|write to|send (?:your|an|the))/i;
const AFFILIATION = /\b(?:Universit\w*|Univ\.?|Institut\w*|College|School|Department|Dept\.?|Cent(?:er|re)|Laborator\w+|Hospital|Academy|Politecnico|Polytechnic|Faculty|Fakult\w*|Facult\w*|Research|Foundation|Inc\.?|Ltd\.?|GmbH|CNRS|INRA\w*|CSIC|NIH|Ministry|Agency|Clinic|Museum|Library|Observatory)\b/;
const SIGNATURE = /^(?:sincerely|best regards|kind regards|regards|best wishes|yours|on behalf of|thank you)/i;
const AUTHORS = /\b(?:authors?|contributors?|submitters?|keynote|speakers?|reviewers?|panel(?:ists)?|award|prize|fellow|in memory|obituary|dedicated to|tribute)\b/i;

/** Particles ("van de") inside a name: one or two, then a name word. */
function particlesThenName(words: readonly string[], i: number): boolean {
  let j = i;
  while (j < words.length && j - i < 2 && PARTICLE.test(words[j] ?? '')) j++;
  return j > i && NAME_TOKEN.test(words[j] ?? '');
}

/**
 * Whether the text before a name leaves it inside the parenthesised aside after another name ("Loren Rieseberg (University
 * of British Columbia, ..."): an affiliation's words, not a person. An aside that names the editors itself ("(edit by A e B)")
 * is not one.
 */
function inNameAside(before: string): boolean {
  const open = before.lastIndexOf('(');
  if (open < 0 || (before.match(/\(/g) ?? []).length <= (before.match(/\)/g) ?? []).length) return false;
  return !LABEL.test(before.slice(open + 1)) && /\p{Lu}[\p{L}'’.-]*\s*$/u.test(before.slice(0, open));
}

/**
 * A sentence that says who edits the issue, in English and as Italian, Portuguese, Spanish, French and German say it ("Il fascicolo,
 * curato da A e B", "together with my co-editors A and B", "coordenado pelos professores", "herausgegeben von", "sous la direction de").
 */
const EDITING_SENTENCE = /\bguest[- ]?(?:co-?)?edit|\bedited by\b|\b(?:co-?)?editors? of (?:this|the)\b|\bco-?editors?\b|\bcoeditor(?:es|as)\b|\bcurat[oaie] da\b|\ba cura di\b|\b(?:organizad|coordenad|coordinad)[oa]s? p(?:or|el[oa]s?)\b|\bherausgegeben von\b|\bcoordonn[ée]e?s? par\b|\bsous la (?:co-?)?direction\b/i;

/** A text that ends with an honorific ("... Prof.", "Dr"): the name after it is a person's. */
const ENDS_WITH_HONORIFIC = /\b(?:prof(?:essor)?|dr)\.?\s*$/i;

interface Occurrence {
  name: string;
  line: number;
  honorific: boolean;
  wholeSegment: boolean;
  lineStart: boolean;
  before: string;
  after: string;
}

/** The name runs of one line: maximal runs of name words between separators, honorifics dropped and remembered. */
function occurrencesIn(line: Line): Occurrence[] {
  const text = line.text.replace(EMAIL_G, ' ');
  const out: Occurrence[] = [];
  let offset = 0;
  for (const segment of text.split(SEGMENT)) {
    const at = text.indexOf(segment, offset);
    if (at < 0 || segment.length === 0) continue;
    offset = at + segment.length;
    // Footnote marks after a name ("Smith2", "Lima1,2") are not part of it.
    const words = segment.split(/\s+/).filter(Boolean).map((w) => w.replace(/(?<=\p{Ll})\d{1,2}(?:,\d{1,2})*$/u, ''));
    let i = 0;
    while (i < words.length) {
      let honorific = false;
      while (i < words.length && isHonorificAt(words, i)) {
        honorific = true;
        i++;
      }
      const start = i;
      while (i < words.length && !JOB_WORD.test(words[i] ?? '') && (NAME_TOKEN.test(words[i] ?? '') || (i > start && particlesThenName(words, i)))) i++;
      const run = words.slice(start, i);
      if (run.length >= 2 && run.length <= 5) {
        const name = run.join(' ').replace(/[.,]$/, (m) => (/\s\p{Lu}\.$/u.test(run.join(' ')) ? m : ''));
        if (looksLikeName(name)) {
          const before = text.slice(0, at) + words.slice(0, start).join(' ');
          out.push({
            name,
            line: line.index,
            honorific: honorific || ENDS_WITH_HONORIFIC.test(before),
            wholeSegment: start <= (honorific ? 1 : 0) && i === words.length,
            lineStart: at === 0 && start <= (honorific ? 3 : 0),
            before,
            after: words.slice(i).join(' ') + text.slice(offset),
          });
        }
      }
      if (i === start) i++;
    }
  }
  return out;
}

const isLabelLine = (l: Line | undefined) => l !== undefined && l.text.length <= 80 && LABEL.test(l.text) && !JOURNAL_ROLE.test(l.text);

/**
 * The candidates of a call, one per person, with their features (in
 * {@link EDITOR_FEATURES} order), in the order the text first names them.
 *
 * @example
 * const lines = toLines('Guest Editors:\nAna Pérez, University of Lisbon');
 * editorCandidates(lines, sectionsOf(lines), [])[0]?.name // 'Ana Pérez'
 */
export function editorCandidates(lines: readonly Line[], sections: readonly SectionKind[], rules: readonly GuestEditor[]): EditorCandidate[] {
  const plain = lines.map((l) => l.text).join('\n');
  const lowerWords = new Set(plain.match(/\b\p{Ll}[\p{L}'’-]*/gu) ?? []);
  const occurrences = lines.flatMap((l) => (l.kind === 'blank' || l.kind === 'rule' ? [] : occurrencesIn(l)));
  const ruleByKey = new Map(rules.map((e) => [editorKey(e.name), e]));
  const byKey = new Map<string, Occurrence[]>();
  for (const o of occurrences) {
    const key = editorKey(o.name);
    if (key.split(' ').length < 2) continue;
    byKey.set(key, [...(byKey.get(key) ?? []), o]);
  }
  // A rule's editor the runs did not read (a name the rules cut differently) is a candidate too, read where the text spells it.
  for (const [key, e] of ruleByKey) {
    if (byKey.has(key)) continue;
    const line = lines.find((l) => l.text.includes(e.name));
    const at = line ? line.text.indexOf(e.name) : -1;
    const before = line ? line.text.slice(0, at) : '';
    byKey.set(key, [{
      name: e.name, line: line?.index ?? -1, honorific: ENDS_WITH_HONORIFIC.test(before), wholeSegment: true, lineStart: at === 0,
      before, after: line ? line.text.slice(at + e.name.length) : '',
    }]);
  }
  const perLine = new Map<number, number>();
  for (const o of occurrences) perLine.set(o.line, (perLine.get(o.line) ?? 0) + 1);
  const n = Math.max(1, lines.length);
  const rulesFound = rules.length > 0;

  const candidates: EditorCandidate[] = [];
  for (const [key, occ] of byKey) {
    const f = new Map<EditorFeature, number>([['bias', 1]]);
    const set = (k: EditorFeature, v: number) => f.set(k, Math.max(f.get(k) ?? 0, v));
    const rule = ruleByKey.get(key);
    if (rule) set('rule', 1);
    else if (rulesFound) set('rules-found-others', 1);
    const tokens = key.split(' ');
    set(tokens.length === 2 ? 'tokens-2' : tokens.length === 3 ? 'tokens-3' : 'tokens-4plus', 1);
    set('lower-elsewhere', tokens.filter((t) => lowerWords.has(t)).length / tokens.length);
    set('occurrences', Math.min(occ.length, 3) / 3);
    const first = occ[0];
    set('position', first && first.line >= 0 ? first.line / n : 0);
    const listed = nameEvidence(tokens);
    if (listed.given) set('given-name', 1);
    if (listed.family) set('family-name', 1);
    for (const o of occ) {
      if (/\s\p{Lu}\.(?:\s|$)/u.test(` ${o.name} `)) set('initial', 1);
      if (o.name.split(' ').some((w) => w.length > 2 && w === w.toUpperCase())) set('all-caps', 1);
      if (o.honorific) set('honorific', 1);
      if (o.wholeSegment) set('whole-segment', 1);
      if (o.lineStart) set('line-start', 1);
      if (inNameAside(o.before)) set('in-aside', 1);
      // After "of" ("University of British Columbia", "Institute of Soil Science"): a place or a field.
      if (/\b(?:of|de|di|du|der|des)\s*$/i.test(o.before)) set('after-of', 1);
      // Before a country (", Porto Alegre, Brazil"): a city.
      if (startsWithCountry(o.after)) set('country-after', 1);
      if (o.line < 0) continue;
      const line = lines[o.line];
      if (!line) continue;
      const section = sections[o.line];
      if (section === 'editors') set('section-editors', 1);
      else if (section === 'topics') set('section-topics', 1);
      else if (section === 'dates') set('section-dates', 1);
      else if (section === 'other' || section === 'submission') set('section-other', 1);
      if (o.line < 3) set('first-lines', 1);
      if (line.kind === 'bullet') set('bullet', 1);
      if (line.kind === 'heading') set('heading', 1);
      if (line.text.length > 160) set('prose', 1);
      if (LABEL.test(o.before.slice(-160)) && !JOURNAL_ROLE.test(o.before.slice(-80))) set('label-before-same-line', 1);
      if (LABEL.test(o.after.slice(0, 120))) set('label-after-same-line', 1);
      const sentenceStart = Math.max(o.before.lastIndexOf('. '), 0);
      const sentence = o.before.slice(sentenceStart) + o.after.split(/\.\s/)[0];
      if (EDITING_SENTENCE.test(sentence)) set('label-sentence', 1);
      if (AUTHORS.test(sentence)) set('author-words', 1);
      const near = [lines[o.line - 1], line, lines[o.line + 1]];
      if (near.some((l) => l !== undefined && JOURNAL_ROLE.test(l.text))) set('journal-role-near', 1);
      if (CONTACT.test(o.before.slice(-80))) set('contact-near', 1);
      // The closest label above, skipping blank lines.
      let seen = 0;
      for (let i = o.line - 1; i >= 0 && seen < 12; i--) {
        const l = lines[i];
        if (!l || l.kind === 'blank') continue;
        seen++;
        if (isLabelLine(l)) {
          set(seen <= 1 ? 'label-line-above-1' : seen <= 3 ? 'label-line-above-3' : 'label-line-above-12', 1);
          break;
        }
        if (JOURNAL_ROLE.test(l.text) && l.text.length <= 80) break;
      }
      for (let i = o.line - 1; i >= Math.max(0, o.line - 6); i--) if (SIGNATURE.test(lines[i]?.text ?? '')) set('signature', 1);
      const next = lines.slice(o.line + 1, o.line + 3).find((l) => l.kind !== 'blank');
      if (AFFILIATION.test(o.after.slice(0, 160)) || (next && AFFILIATION.test(next.text) && next.text.length < 200)) set('affiliation-after', 1);
      // "Luciano Donizetti\n(organizador)", "Jane Roe\n(Hrsg.)": the role on the line below is the name's own label.
      if (next && next.index === o.line + 1 && ROLE_BELOW.test(next.text.trim())) set('label-after-same-line', 1);
      const mail = [line, next].flatMap((l) => (l ? emailsOf(l) : []));
      if (mail.length > 0) set('email-here', 1);
      if (mail.some((m) => tokens.some((t) => t.length >= 3 && fold(m.split('@')[0] ?? '').includes(fold(t))))) set('email-spells-name', 1);
      set('people-near', Math.min(((perLine.get(o.line - 1) ?? 0) + (perLine.get(o.line) ?? 1) - 1 + (perLine.get(o.line + 1) ?? 0)) / 3, 1));
    }
    candidates.push({
      name: rule?.name ?? first?.name ?? key,
      key,
      ...(rule ? { rule } : {}),
      lines: [...new Set(occ.filter((o) => o.line >= 0).map((o) => o.line))],
      features: EDITOR_FEATURES.map((k) => f.get(k) ?? 0),
    });
  }
  // Text order; a rule's editor with no line of its own keeps its place after the rest.
  const at = (c: EditorCandidate) => c.lines[0] ?? Number.MAX_SAFE_INTEGER;
  return candidates.sort((a, b) => at(a) - at(b));
}
