/**
 * Topic lists written inline in one paragraph, as pages lose their list
 * markup and as some calls write them: after a topics lead-in and a colon,
 * items separated by semicolons ("Topic Areas: Ethics; Applied Ethics; ..."),
 * by bullet glyphs ("related to: • A • B • C") or by numbers ("the following:
 * 1. A 2. B 4. C"), and enumerations marked in order inside a sentence with
 * or without a lead-in ("focuses on three components: a) A b) B, and c) C";
 * "examines how institutions (i) A; (ii) B; (iii) C"). Used only when the
 * call has no list of its own.
 */
import { lastSentence } from './lists.js';
import { cleanTopic, REQUIREMENT_INTRO, SEEKS } from './topics.js';
import { KEYWORDS_LABEL, TOPICS_ABROAD } from './topic-words.js';

/** A lead-in that names what follows as topics, ending with a colon. */
const LEAD = /\b(?:topics?|areas?|themes?|fields|include[sd]?|following|for example|related to|not limited to|such as)\b[^:.;]{0,60}[:：]\s+|\b(?:topics|themes|subjects|areas|contributions|papers|submissions|these|they)\b[^.:;]{0,40}\binclude[sd]?,?\s+but\s+(?:are\s+)?not\s+limited\s+to,\s+|\bof\s+interest\s+include\s+|\b(?:topics|themes|subjects)\b[^.:;]{0,40}?,?\s+(?:including|such as)\s+|\b(?:topics|themes|subjects|areas|contributions|papers|submissions)\b[^.:;]{0,40}\binclude[sd]?\s*\(but\s+(?:are\s+)?not\s+limited\s+to\)\s*:?\s+|\bincluding,?\s+but\s+not\s+limited\s+to,?\s+|\b(?:this|it|which)\s+includes,?\s+but\s+is\s+not\s+limited\s+to,?\s+|\bincluding\s+contributions\s+(?:to|on)\s+|\branging\s+from\s+/i;
/** The same lead-in ending with a colon in another language ("... ambiti diversi ed eterogenei: A; B; C", "Ejes temáticos: A; B"). */
const LEAD_ABROAD = new RegExp(`${TOPICS_ABROAD.source}[^:.;]{0,60}[:：]\\s+`, 'iu');
/** Words that name a list as topics, in its lead-in's sentence ("... the following topics related to banks:"). */
const TOPICAL = /\b(?:topics?|themes?|subjects?)\b/i;
const GLYPH = /\s*[•●▪]\s*/;
/**
 * A list flattened into its paragraph with its marks kept, opening right after the lead-in
 * ("include, but are not limited to: -- A -- B -- C"): the mark, which then parts every item.
 */
const FLAT_MARK = /^\s*(--?|[*+–—◦‣■□➢►➤∙·])\s+/u;
/**
 * Where the paragraph goes on after a flattened list whose last item has no full stop ("... Language
 * design issues Authors should follow ..."): a word in lower case, then one that opens a call's next sentence.
 */
const NEXT_SENTENCE = /(?<=\p{Ll}|\))\s+(?=(?:Authors?|Papers?|Submissions?|Manuscripts?|Contributions?|Prospective|Interested|Please|All|Important|Deadlines?|Guest|Instructions|The|This|These|We|Full|Original|Accepted|Selected|Extended)\b)/u;
const NUMBERED = /^\d{1,2}[.)]\s+\p{Lu}/u;
/** A sentence end inside a paragraph: the list stops there. */
const SENTENCE_END = /(?<=\p{L}{3,}|\))\.\s+(?=\p{Lu})|\s\.{3}\s|…\s/u;

function untilSentenceEnd(s: string): string {
  const m = SENTENCE_END.exec(s);
  return m ? s.slice(0, m.index) : s;
}

/** The last item of a marked list: up to its sentence's end, or where the call's next sentence starts when it runs on past the others. */
function lastItem(parts: readonly string[]): string {
  const last = untilSentenceEnd(parts[parts.length - 1] ?? '');
  const longest = Math.max(...parts.slice(0, -1).map((p) => p.split(/\s+/).length));
  const m = last.split(/\s+/).length > longest ? NEXT_SENTENCE.exec(last) : null;
  return m ? last.slice(0, m.index) : last;
}

/** A lead-in that announces questions ("mit folgenden Fragen:", "the following questions:"): the list is its questions. */
const QUESTIONS = /\b(?:questions|fragen|preguntas|perguntas|domande)\b[^:.;]{0,40}[:：]\s+$/iu;

/** Three or more questions after a lead-in that announces them, each up to its question mark, the run ending at the first sentence that asks nothing. */
function questions(rest: string): string[] {
  const out: string[] = [];
  // Sticky: each question starts where the one before it ended.
  const next = /\s*([^?.!]{10,300}\?)/uy;
  for (let m = next.exec(rest); m !== null; m = next.exec(rest)) out.push((m[1] ?? '').trim());
  return out;
}

function items(rest: string, topical = false): string[] {
  const flat = FLAT_MARK.exec(rest);
  if (flat) {
    const mark = (flat[1] ?? '').replace(/[*+]/g, '\\$&');
    const parts = rest.slice(flat[0].length).split(new RegExp(`\\s+${mark}\\s+`, 'u')).filter((p) => p.trim().length > 0);
    if (parts.length >= 3) return [...parts.slice(0, -1), lastItem(parts)];
  }
  if (GLYPH.test(rest) && rest.split(GLYPH).filter(Boolean).length >= 3) {
    const parts = rest.split(GLYPH).filter((p) => p.trim().length > 0);
    return [...parts.slice(0, -1), lastItem(parts)];
  }
  if (NUMBERED.test(rest)) {
    const parts = untilSentenceEnd(rest).split(/\s+(?=\d{1,2}[.)]\s+\p{Lu})/u).map((p) => p.replace(/^\d{1,2}[.)]\s+/, ''));
    // "... and Many More" closes the list, it is not part of the last item.
    return parts.map((p) => p.replace(/\s+and (?:many )?more\b.*$/i, ''));
  }
  const sentence = untilSentenceEnd(rest);
  if (sentence.includes(';')) return sentence.split(/\s*;\s*/).map((p) => p.replace(/^(?:and|or)\s+/i, ''));
  // Short sentences only: the split's look-ahead rescans the rest of the sentence at each "and".
  if (sentence.length > 1500) return [];
  // "A, B, and C": short phrases separated by commas, the last after "and" (a comma inside an item cannot be told apart, so items stay short).
  // After a lead-in that names the list as topics, a bracket with commas is part of its item ("the following topics: risk
  // management (including credit risk, market risk, and others), moral hazard"): it is set aside while the sentence is split, and
  // its words do not count towards the item's length.
  const held: string[] = [];
  const bare = !topical ? sentence : sentence.replace(/\s*\([^()]*,[^()]*\)/g, (b) => `\uE000${held.push(b) - 1}\uE000`);
  // ", as well as E" closes a list as ", and E" does.
  const parts = bare.split(/\s*,\s*(?:(?:and|or|as well as)\s+)?|\s+(?:and|or)\s+(?=[^,]*$)/);
  const back = (p: string) => p.replace(/\uE000(\d+)\uE000/g, (_, n: string) => held[Number(n)] ?? '');
  return /\b(?:and|or|as well as)\s+[^,]+$/.test(bare) && parts.every((p) => p.split(/\s+/).length <= 8) ? parts.map(back) : [];
}

/**
 * The topics of the first paragraph that lists three or more inline.
 *
 * @example
 * inlineTopics(['Topic Areas: Social Philosophy; Ethics; Applied Ethics.']) // ['Social Philosophy', 'Ethics', 'Applied Ethics']
 */
export function inlineTopics(paragraphs: readonly string[]): string[] {
  for (const p of paragraphs) {
    // Bounded so a whole page run into one paragraph is still read, and a pathological one is not.
    if (p.length > 20_000) continue;
    // The first lead-in that leads a list; a paragraph's "The topics:" may open prose whose list comes after a later
    // "not limited to" ("The topics: The issue aims to ... This includes but is not limited to design, simulation, ...").
    // Only that lead-in, a list's own words, is read later on: "Additional areas of focus are: A including B, C" is prose.
    let led: string[] = [];
    for (let from = 0, tries = 0; tries < 3 && led.length < 3; tries++) {
      const m = leadIn(p, from);
      if (!m) break;
      if (tries === 0 || /not\s+limited\s+to/i.test(m[0])) led = ledItems(p, m);
      from = m.index + m[0].length;
    }
    const marked = led.length >= 3 ? led : enumerated(p);
    const found = (marked.length >= 3 ? marked : semicolonList(p)).map(cleanTopic).filter((t) => t.length > 1 && t.length <= 250 && /\p{L}{2}/u.test(t));
    if (found.length >= 3) return found;
  }
  return [];
}

/** What a lead-in may list that is no topic: journals, people, dates, documents. */
const NAMES_THINGS = /\bfollowing\s+(?:journals?|publishers?|speakers?|keynotes?|partners?|sponsors?|organi[sz]ers?|people|persons|members|dates?|deadlines?|documents?|files?|information|details|formats?|languages?|links?)\b/i;

/** The first lead-in at or after `from`, English first (its index is the paragraph's). */
function leadIn(p: string, from: number): RegExpExecArray | null {
  const rest = p.slice(from);
  const m = LEAD.exec(rest) ?? LEAD_ABROAD.exec(rest);
  if (m) m.index += from;
  return m;
}

/** The items a lead-in leads, or none when what follows it is no list. */
function ledItems(p: string, m: RegExpExecArray): string[] {
  // "the involvement of the following journals: A, B", "the following speakers:": a list of things the lead-in names, not of topics.
  if (NAMES_THINGS.test(m[0])) return [];
  let rest = p.slice(m.index + m[0].length);
  // Lead-ins with no colon ("including but not limited to", "including contributions to", "ranging from") also open scope
  // sentences: they lead a list only when it is one, items parted by two or more commas, and "ranging from" only as
  // "from A, B, C, to D" (the last item after "to"). A colon lead-in that follows is the list's own ("..., the following topics: A, B").
  const prose = /^(?:including|ranging|(?:this|it|which)\s+includes|of\s+interest\s+include)/i.test(m[0].trim());
  if (prose) rest = rest.replace(/^the following[^:.;]{0,40}[:：]\s+/i, '');
  // "... include, but are not limited to, challenges such as: A, B": the words up to the colon are the lead-in's, not an item.
  if (/not\s+limited\s+to,\s+$/i.test(m[0])) rest = rest.replace(/^[^:.;]{0,60}[:：]\s+/, '');
  const ranged = /^ranging/i.test(m[0]);
  const sentence = untilSentenceEnd(rest);
  const usable = !prose || ((sentence.match(/[,;]/g) ?? []).length >= 2 && (!ranged || /,\s+to\s+/.test(sentence)));
  const asked = QUESTIONS.test(m[0]) ? questions(rest) : [];
  if (asked.length >= 3) return asked;
  return usable ? items(ranged ? rest.replace(/,\s+to\s+/, ', and ') : rest, TOPICAL.test(lastSentence(p.slice(0, m.index + m[0].length)))) : [];
}

/** The n-th marker of each kind of enumeration, lower case. */
const SEQUENCES: readonly (readonly string[])[] = [
  ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'],
  ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii'],
  ['1', '2', '3', '4', '5', '6', '7', '8', '9'],
];
/** "a)" or "(a)" after a space, a colon or the start; the marker is group 1. */
const MARKER = /(?:^|[\s:;,])\(?([a-h]|i{1,3}|iv|vi{0,3}|[1-9])\)\s+(?=\S)/g;

/**
 * Items of an enumeration marked in order inside a paragraph ("a) A b) B, and c) C"), three or more,
 * the last ending at its sentence's end. Only when the sentence before the first marker says what the
 * call seeks, and not when it asks for submission material ("must include: a) a cover letter ...").
 * Read by inlineTopics only (its tests cover it).
 */
function enumerated(paragraph: string): string[] {
  const marks = [...paragraph.matchAll(MARKER)].map((m) => ({ key: (m[1] ?? '').toLowerCase(), at: m.index, end: m.index + m[0].length }));
  for (const seq of SEQUENCES) {
    const start = marks.findIndex((m) => m.key === seq[0]);
    if (start < 0) continue;
    const run = [marks[start]!];
    for (const m of marks.slice(start + 1)) if (m.key === seq[run.length]) run.push(m);
    if (run.length < 3) continue;
    const before = paragraph.slice(0, run[0]!.at).split(/(?<=[.!?])\s+/).pop() ?? '';
    if (REQUIREMENT_INTRO.test(before) || !SEEKS.test(before)) continue;
    const texts = run.map((m, k) => (k + 1 < run.length ? paragraph.slice(m.end, run[k + 1]!.at) : untilSentenceEnd(paragraph.slice(m.end))));
    if (texts.every((t) => t.split(/\s+/).length <= 40)) return texts.map((t) => t.replace(/[\s,;]+(?:and|or)?\s*$/i, ''));
  }
  return [];
}

/** What an issue covers, just before the first item of its list ("This Special Issue will highlight A; B; ..."). */
const COVERS = /\b(?:highlight|address|cover|explore|examine|focus(?:es|ing)? on|include|welcome|invite|seek|feature|discuss|consider|showcase|bring together|deal with)(?:s|es|ed|ing)?\s+(?:(?:papers?|contributions?|submissions?|articles?|manuscripts?|research|studies|works?)\s+(?:on|about|in|that address|addressing|dealing with)\s+)?/gi;

/**
 * Items of a sentence that lists four or more by semicolons after a verb of what the issue covers
 * ("This Special Issue of Plants will highlight A; B; C; and D."), each a phrase of at most 25 words.
 * Read by inlineTopics only (its tests cover it).
 */
function semicolonList(paragraph: string): string[] {
  for (const sentence of paragraph.split(/(?<=\p{L}{3}|\))\.\s+(?=\p{Lu})/u)) {
    const first = sentence.indexOf(';');
    if (first < 0 || (sentence.match(/;/g) ?? []).length < 3 || !SEEKS.test(sentence.slice(0, first))) continue;
    const verbs = [...sentence.slice(0, first).matchAll(COVERS)];
    const last = verbs[verbs.length - 1];
    if (!last) continue;
    const parts = sentence.slice(last.index + last[0].length).replace(/\.\s*$/, '').split(/\s*;\s*/).map((t) => t.replace(/^(?:and|or)\s+/i, ''));
    // "Submissions can include A; can include B; or can be reviews": kinds of submission, not topics.
    if (parts.filter((t) => /^(?:can|may|could|should|will|must)\s/i.test(t)).length >= 2) continue;
    if (parts.every((t) => t.split(/\s+/).length <= 25)) return parts;
  }
  return [];
}

/** A keyword line that tells authors what to supply ("Keywords: 3-5, separated by commas"). */
const KEYWORDS_RULE = /\b(?:must|should|up to|maximum|minimum|at least|separated|provide|supply|please)\b|\d\s*(?:-|–|to)\s*\d/i;

/**
 * Topics from a "Keywords:" (or "Mots-clés :", "Subfields:") line, when the call has no list of its own:
 * items parted by semicolons, or by commas when there are no semicolons, three or more, each a short phrase.
 *
 * @example
 * keywordTopics(['Keywords:', '', 'Exemplar theory, frequency effects, inflection']) // ['Exemplar theory', 'frequency effects', 'inflection']
 */
export function keywordTopics(lines: readonly string[]): string[] {
  for (let i = 0; i < lines.length; i++) {
    const m = KEYWORDS_LABEL.exec(lines[i]?.trim() ?? '');
    if (!m) continue;
    let list = (m[1] ?? '').trim();
    for (let j = i + 1; !list && j < Math.min(lines.length, i + 3); j++) list = lines[j]?.trim() ?? '';
    if (!list || KEYWORDS_RULE.test(list) || list.length > 1500) continue;
    const parts = list.split(list.includes(';') ? /\s*;\s*/ : /\s*,\s*/).map(cleanTopic).filter((t) => t.length > 1);
    if (parts.length >= 3 && parts.every((p) => p.split(/\s+/).length <= 10 && /\p{L}{2}/u.test(p))) return parts;
  }
  return [];
}
