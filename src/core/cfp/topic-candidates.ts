/**
 * Every list a call writes that could be its topics, with what surrounds it:
 * the candidates the learned topic chooser (topic-model.ts) scores. The rules
 * (topics.ts, inline-lists.ts) take a list only after a lead-in they know; a
 * candidate here is any bullet or unmarked run, any run of three or more
 * short lines (blank lines allowed between them, as pages copied from a
 * browser give a list), and any enumeration inside a prose sentence ("We
 * welcome papers on A, B, and C"), so lists no rule reaches still reach the
 * chooser, which decides from the features.
 */
import { introOf, lastSentence, lineSentences, type BulletRun } from './lists.js';
import type { Line } from './lines.js';
import { paragraphs } from './scope.js';
import type { SectionKind } from './sections.js';
import { cleanTopic, CONTACT, EDITORS_INTRO, hasTopicWords, INSTRUCTION, isDateLine, namesTopics, PROMO_INTRO, REQUIREMENT_INTRO, runTopics, SEEKS } from './topics.js';

/** The features of a candidate list, in the order the model's weights use. */
export const TOPIC_FEATURES = [
  'bias',
  'kind-marked',
  'kind-unmarked',
  'kind-lines',
  'kind-prose',
  'section-scope',
  'section-topics',
  'section-dates',
  'section-editors',
  'section-submission',
  'section-other',
  'intro-topic-words',
  'intro-names-topics',
  'intro-seeks',
  'intro-requirement',
  'intro-editors',
  'intro-promo',
  'intro-colon',
  'intro-not-limited',
  'intro-question',
  'intro-invites',
  'intro-ends-on',
  'intro-background',
  'sentence-invites',
  'sentence-call-subject',
  'sentence-past',
  'items-3',
  'items-5plus',
  'items-log',
  'words-mean-log',
  'words-long-share',
  'words-one-share',
  'question-share',
  'date-share',
  'instruction-share',
  'email-share',
  'name-share',
  'upper-start-share',
  'period-end-share',
  'digit-share',
  'lead-strong',
  'lead-weak',
  'position',
  'first-of-kind',
  'candidates-log',
] as const;

export type TopicFeature = (typeof TOPIC_FEATURES)[number];
export type TopicCandidateKind = 'marked' | 'unmarked' | 'lines' | 'prose';

export interface TopicCandidate {
  kind: TopicCandidateKind;
  /** The list's topics as the parser would store them. */
  items: string[];
  /** The lines the list is written on. */
  lines: number[];
  features: number[];
}

/** What a candidate is built from before its features are computed. */
interface Raw {
  kind: TopicCandidateKind;
  items: string[];
  lines: number[];
  intro: string;
  /** The whole sentence a prose list is written in (other lists: their intro). */
  sentence: string;
  section: SectionKind | undefined;
  lead: 'strong' | 'weak' | 'none';
}

/** A lead-in that names questions as what follows ("... the following research questions:"), besides the topic words {@link namesTopics} reads. */
const NAMES_QUESTIONS = /\bquestions?\b[^.;:]{0,40}[:：]\s*$/i;
/** A lead-in that invites work ("We welcome papers on", "Contributions are sought on", "Nous invitons"). */
const INVITES = /\b(?:invit\w*|welcom\w*|encourag\w*|seek\w*|solicit\w*|call for|looking for|interested in|sought|accept\w*|invitons|accueill\w*|recib\w*|acolh\w*|benvenut\w*|willkommen)\b/i;
/** A sentence about the call or what it asks for, not background. */
const CALL_SUBJECT = /\b(?:we|this (?:special |themed? |topical )?(?:issue|call|collection|section|volume|dossier|number)|the (?:special |themed? )?(?:issue|call|collection|dossier)|papers?|submissions?|contributions?|manuscripts?|articles?|authors?|topics?|themes?|questions?|dossiê|dossier|número|numéro|artículos|artigos|articles|contribuciones|contributions|beiträge|contributi)\b/i;
const NAME_LIKE = /^(?:(?:Prof|Dr|Professor|Assoc)\.?\s+)*\p{Lu}[\p{L}'’-]+\.?(?:\s+\p{Lu}[\p{L}'’-]*\.?){1,3}(?:\s*[,(–-]|$)/u;
const words = (s: string) => s.split(/\s+/).filter(Boolean).length;
const share = (items: readonly string[], f: (s: string) => boolean) => (items.length === 0 ? 0 : items.filter(f).length / items.length);

/** A line that can be an item of a list written one per line without marks: short, not a sentence run on. */
const shortLine = (l: Line | undefined) => l !== undefined && l.kind === 'text' && l.text.length > 1 && l.text.length <= 160 && /\p{L}/u.test(l.text) && !/[:：]\s*$/.test(l.text);

/**
 * Runs of three or more short text lines, one blank line allowed between two of them, that no bullet run holds.
 *
 * @example
 * lineRuns(toLines('Topics include:\n\nA\n\nB\n\nC'), new Set()) // one run of A, B, C
 */
function lineRuns(lines: readonly Line[], taken: ReadonlySet<number>): Array<{ items: number[] }> {
  const out: Array<{ items: number[] }> = [];
  let cur: number[] = [];
  let blanks = 0;
  const close = () => {
    if (cur.length >= 3) out.push({ items: cur });
    cur = [];
    blanks = 0;
  };
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (l?.kind === 'blank' || (l?.kind === 'text' && l.text.trim() === '')) {
      blanks++;
      if (blanks > 1) close();
      continue;
    }
    if (shortLine(l) && !taken.has(i)) {
      cur.push(i);
      blanks = 0;
    } else close();
  }
  close();
  return out;
}

/** Split at the separators outside brackets. */
function splitTop(s: string, sep: RegExp): string[] {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i] as string;
    if (c === '(' || c === '[') depth++;
    else if ((c === ')' || c === ']') && depth > 0) depth--;
    else if (depth === 0 && sep.test(c)) {
      out.push(s.slice(from, i));
      from = i + 1;
    }
  }
  out.push(s.slice(from));
  return out.map((x) => x.trim());
}

/** Words after which an enumeration starts: strong ones always lead it, weak ones (prepositions) only where the first item's length fits. */
const STRONG_LEAD = /\b(?:such as|including|include[sd]?|e\.g\.|like|namely|for example|for instance|notably|in particular|especially|not (?:be )?limited to|not only|among others|tels? que|notamment|como|tales como|incluyendo|wie|etwa|insbesondere|quali|come|tra cui|quanto|incluindo)(?:\s*[,:]\s*|\s+)/giu;
const WEAK_LEAD = /\b(?:on|about|of|to|in|from|as|into|regarding|concerning|for|with|between|addressing|exploring|examining|sobre|sur|de|des|du|über|zu|su|di|em|por)\s+/giu;
const AND_OR = /^(?:and|or|as well as|and\/or|et|ou|y|o|e|und|oder)\s+/i;
const LAST_AND = /\s+(?:and|or|as well as|et|ou|y|e|und|oder)\s+(?![^()]*\))/gi;
/** {@link LAST_AND} for a test (a global regex's test() keeps state between calls). */
const HAS_AND = new RegExp(LAST_AND.source, 'i');
/** Words that open a clause, not a listed thing. */
const CLAUSE = /^(?:which|that|who|whom|whose|where|while|whereas|because|although|though|since|thus|hence|so that|but|yet|whether or not|qui|que|dont|cui|che|welche[rsn]?|die|der|das)\b/i;
/** An item's own enumerator or dash ("1)", "(b)", "ii.", "-"). */
const ENUMERATOR = /^(?:\(?(?:\d{1,2}|[a-h]|i{1,3}|iv|vi{0,3})[).]|[-–•])\s*/i;

/** Bracket depth at each position of `s`. */
function depthAt(s: string): number[] {
  const out: number[] = [];
  let d = 0;
  for (const c of s) {
    if (c === '(' || c === '[') d++;
    out.push(d);
    if ((c === ')' || c === ']') && d > 0) d--;
  }
  return out;
}

/** The separators an enumeration of `s` would be split at: semicolons when there are two or more, else commas (outside brackets). */
const separators = (s: string) => {
  const d = depthAt(s);
  const count = (c: string) => [...s].filter((x, i) => x === c && d[i] === 0).length;
  return count(';') >= 2 ? count(';') : count(',') + (HAS_AND.test(s) ? 1 : 0);
};

export interface ProseList {
  items: string[];
  lead: 'strong' | 'weak' | 'none';
  /** The sentence's words before the first item (what leads into the list). */
  before: string;
}

/**
 * The enumeration of one sentence: three or more items parted by commas or semicolons outside brackets, the
 * last after "and"/"or"; the first item starts after the lead-in ("papers on", "such as", a colon).
 *
 * @example
 * proseLists('We welcome papers on soil carbon, nitrogen cycling, and root traits.')[0].items // ['soil carbon', 'nitrogen cycling', 'root traits']
 */
export function proseLists(sentence: string): ProseList[] {
  if (sentence.length > 1500 || sentence.length < 20) return [];
  const whole = sentence.replace(/[.!?…]+["”’)]?\s*$/, '');
  let start = 0;
  let lead: ProseList['lead'] = 'none';
  const depth = depthAt(whole);
  // The last colon or strong lead-in outside brackets that still has a list after it.
  const leads = [...whole.matchAll(/[:：]\s*/g), ...whole.matchAll(STRONG_LEAD)]
    .filter((m) => (depth[m.index ?? 0] ?? 0) === 0)
    .map((m) => (m.index ?? 0) + m[0].length)
    .sort((a, b) => b - a);
  const at = leads.find((i) => separators(whole.slice(i)) >= 2);
  if (at !== undefined) {
    start = at;
    lead = 'strong';
  }
  const region = whole.slice(start);
  const semis = splitTop(region, /;/);
  let parts = (semis.length >= 3 ? semis : splitTop(region, /,/)).filter((p) => p.length > 0);
  if (parts.length < 2) return [];
  const last = parts[parts.length - 1] as string;
  if (AND_OR.test(last)) parts[parts.length - 1] = last.replace(AND_OR, '');
  else {
    const ands = [...last.matchAll(LAST_AND)];
    const m = ands[ands.length - 1];
    if (m && m.index !== undefined && m.index > 0) parts.splice(parts.length - 1, 1, last.slice(0, m.index), last.slice(m.index + m[0].length));
  }
  // "..., etc." closes the list.
  parts = parts.map((p) => p.replace(AND_OR, '').replace(/\s*\betc\.?$/i, '').trim()).filter((p) => p.length > 0 && !/^etc\.?$/i.test(p));
  if (parts.length < 3) return [];
  const rest = parts.slice(1);
  const median = [...rest.map(words)].sort((a, b) => a - b)[Math.floor(rest.length / 2)] ?? 1;
  let first = parts[0] as string;
  let before = whole.slice(0, start);
  // An enumeration numbered from its first item ("... address 1) A, 2) B"): the list starts at its first number.
  const numbered = lead === 'none' ? /(?:^|\s)\(?(?:1|a|i)[).]\s+/i.exec(first) : null;
  if (numbered && numbered.index > 0) {
    before = first.slice(0, numbered.index);
    first = first.slice(numbered.index);
    lead = 'strong';
  }
  if (lead === 'none') {
    // The cut after a preposition that leaves the first item closest in length to the others.
    let best: number | undefined;
    for (const m of first.matchAll(WEAK_LEAD)) {
      const cut = (m.index ?? 0) + m[0].length;
      const n = words(first.slice(cut));
      if (n > 0 && (best === undefined || Math.abs(n - median) <= Math.abs(words(first.slice(best)) - median))) best = cut;
    }
    if (best !== undefined) {
      before = first.slice(0, best);
      first = first.slice(best);
      lead = 'weak';
    } else before = '';
  }
  const items = [first, ...rest].map((t) => cleanTopic(t.trim().replace(ENUMERATOR, ''))).filter((t) => t.length > 1 && /\p{L}{2}/u.test(t));
  // A part that opens a clause ("..., which together shape ...") continues the sentence: the commas do not list things.
  if (items.length < 3 || items.some((t) => words(t) > 30 || CLAUSE.test(t))) return [];
  return [{ items, lead, before: before.trim() }];
}

/**
 * Every candidate topic list of a call, in text order, with its features.
 *
 * @example
 * topicCandidates(lines, sections, runs, dateAndEditorLines)
 */
export function topicCandidates(
  lines: readonly Line[],
  sections: readonly SectionKind[],
  runs: readonly BulletRun[],
  /** Lines the parser gave another field (dates, editors): they end a run of lines. */
  claimed: ReadonlySet<number> = new Set(),
): TopicCandidate[] {
  const raws: Raw[] = [];
  const inRuns = new Set<number>();
  for (const r of runs) {
    for (const i of r.items) for (const n of i.lines) inRuns.add(n);
    raws.push({ kind: r.unmarked ? 'unmarked' : 'marked', items: runTopics(r), lines: r.items.flatMap((i) => i.lines), intro: introOf(r), sentence: introOf(r), section: sections[r.start], lead: 'none' });
  }
  for (const run of lineRuns(lines, new Set([...inRuns, ...claimed]))) {
    const first = run.items[0] as number;
    let j = first - 1;
    while (j >= 0 && (lines[j]?.text.trim() ?? '') === '') j--;
    const intro = j >= 0 && lines[j]?.kind === 'text' ? lastSentence(lines[j]?.text ?? '') : '';
    raws.push({ kind: 'lines', items: run.items.map((n) => cleanTopic(lines[n]?.text ?? '')), lines: run.items, intro, sentence: intro, section: sections[first], lead: 'none' });
  }
  for (const p of paragraphs(lines, sections, inRuns)) {
    if (p.text.length > 20_000) continue;
    for (const sentence of lineSentences(p.text, true)) {
      for (const l of proseLists(sentence)) {
        raws.push({ kind: 'prose', items: l.items, lines: [p.start], intro: l.before, sentence, section: p.section, lead: l.lead });
      }
    }
  }
  const seen = new Set<string>();
  const kept = raws
    .map((r) => ({ ...r, items: r.items.filter((t) => t.length > 0 && /[\p{L}\p{N}]/u.test(t)) }))
    .filter((r) => {
      const key = r.items.map((t) => t.toLowerCase()).join('\u0000');
      if (r.items.length === 0 || seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => (a.lines[0] ?? Infinity) - (b.lines[0] ?? Infinity));
  const total = Math.max(1, lines.length);
  const firstOf = new Map<TopicCandidateKind, number>();
  return kept.map((r, idx) => {
    if (!firstOf.has(r.kind)) firstOf.set(r.kind, idx);
    const n = r.items.length;
    const w = r.items.map(words);
    const intro = r.intro;
    const f: Record<TopicFeature, number> = {
      bias: 1,
      'kind-marked': r.kind === 'marked' ? 1 : 0,
      'kind-unmarked': r.kind === 'unmarked' ? 1 : 0,
      'kind-lines': r.kind === 'lines' ? 1 : 0,
      'kind-prose': r.kind === 'prose' ? 1 : 0,
      'section-scope': r.section === 'scope' ? 1 : 0,
      'section-topics': r.section === 'topics' ? 1 : 0,
      'section-dates': r.section === 'dates' ? 1 : 0,
      'section-editors': r.section === 'editors' ? 1 : 0,
      'section-submission': r.section === 'submission' ? 1 : 0,
      'section-other': r.section === 'other' ? 1 : 0,
      'intro-topic-words': hasTopicWords(intro) ? 1 : 0,
      'intro-names-topics': namesTopics(intro) || NAMES_QUESTIONS.test(intro) ? 1 : 0,
      'intro-seeks': SEEKS.test(intro) ? 1 : 0,
      'intro-requirement': REQUIREMENT_INTRO.test(intro) ? 1 : 0,
      'intro-editors': EDITORS_INTRO.test(intro) || /\beditors?\b/i.test(intro) ? 1 : 0,
      'intro-promo': PROMO_INTRO.test(intro) ? 1 : 0,
      'intro-colon': /[:：]/.test(intro) ? 1 : 0,
      'intro-not-limited': /not (?:be )?limited to|non limit|no limitad|não se limit|pas limit/i.test(intro) ? 1 : 0,
      'intro-question': /\?\s*$/.test(intro) ? 1 : 0,
      'intro-invites': INVITES.test(intro) ? 1 : 0,
      'intro-background': /\b(?:challenges?|problems?|threats?|factors?|consequences|effects|crises|risks?|pressures?)\b[^,;]{0,30}$/i.test(intro) ? 1 : 0,
      'sentence-invites': INVITES.test(r.sentence) ? 1 : 0,
      'sentence-call-subject': CALL_SUBJECT.test(r.sentence) ? 1 : 0,
      'sentence-past': /\b(?:was|were|had|has been|have been|did)\b/i.test(r.sentence) ? 1 : 0,
      'intro-ends-on': /\b(?:on|about|addressing|exploring|examining|investigating|related to|dealing with|concerning|regarding|such as|including|include[sd]?|like|e\.g\.|limited to|following)\W*$/i.test(intro) ? 1 : 0,
      'items-3': n >= 3 ? 1 : 0,
      'items-5plus': n >= 5 ? 1 : 0,
      'items-log': Math.log1p(n) / 3,
      'words-mean-log': Math.log1p(w.reduce((a, b) => a + b, 0) / Math.max(1, n)) / 3,
      'words-long-share': share(r.items, (t) => words(t) > 20),
      'words-one-share': share(r.items, (t) => words(t) === 1),
      'question-share': share(r.items, (t) => /\?\s*$/.test(t)),
      'date-share': share(r.items, isDateLine),
      'instruction-share': share(r.items, (t) => INSTRUCTION.test(t)),
      'email-share': share(r.items, (t) => CONTACT.test(t)),
      'name-share': share(r.items, (t) => NAME_LIKE.test(t)),
      'upper-start-share': share(r.items, (t) => /^\p{Lu}/u.test(t)),
      'period-end-share': share(r.items, (t) => /[.!]$/.test(t)),
      'digit-share': share(r.items, (t) => /\d/.test(t)),
      'lead-strong': r.lead === 'strong' ? 1 : 0,
      'lead-weak': r.lead === 'weak' ? 1 : 0,
      position: (r.lines[0] ?? 0) / total,
      'first-of-kind': firstOf.get(r.kind) === idx ? 1 : 0,
      'candidates-log': Math.log1p(kept.length) / 4,
    };
    return { kind: r.kind, items: r.items, lines: r.lines, features: TOPIC_FEATURES.map((k) => f[k]) };
  });
}
