/**
 * The topic list: bullet items introduced by "topics of interest include",
 * "the following topics", or sitting under a Topics heading.
 */
import { introOf, type BulletRun } from './lists.js';
import type { SectionKind } from './sections.js';
import { findDates } from './dates.js';
import { parseDateLine } from './schedule.js';
import { KEYWORDS_LABEL, TOPICS_ABROAD } from './topic-words.js';
import type { Line } from './lines.js';

/** Besides the topic words, the words that say examples follow ("Manuscripts can address, for example:", "qui abordent, entre autres :"). */
const TOPIC_WORDS =
  /\b(?:topics?|themes?|areas?|subjects?|directions?|not limited to|of interest|include(?:s|d)?|includ(?:ing)?|following|(?:issues|questions|aspects|themes) such as|for example|for instance|among others|inter alia|entre autres|entre otros|entre outros|unter anderem)\b/i;
/** Whether a lead-in has words that lead into a topic list, in English or another language. */
export const hasTopicWords = (s: string): boolean => TOPIC_WORDS.test(s) || TOPICS_ABROAD.test(s);
/** Lists introduced like this are people ("... and the following Guest Editors:"). */
/** A list of the issue's people: its editors, or the authors, contributors or speakers it names ("we have contacted the following authors:"). */
export const EDITORS_INTRO = /\b(?:editors?|(?:invited |contacted |confirmed )?(?:authors|contributors|speakers|panelists))\s*[:：]?\s*$|\bedited by\b[^.]*[:：]\s*$/i;
/** Lists introduced like this are submission requirements, not topics. */
export const REQUIREMENT_INTRO =
  /\b(?:accompanied|following information|must (?:include|contain|provide)|should (?:include|contain)|requirements?|checklist|prepar(?:e|ing)|formatting|(?:a )?maximum of|(?:word|page) (?:limits?|counts?))\b/i;

/** An item that tells authors what to do ("All articles must adhere to ...", "Manuscripts should be submitted via ..."). */
export const INSTRUCTION = /\b(?:must|should|please|guidelines?|submitted|template)\b/i;

/** Most items are instructions to authors: the list is submission rules, whatever introduces it. */
function isInstructions(run: BulletRun): boolean {
  return run.items.filter((i) => INSTRUCTION.test(i.text)).length * 2 > run.items.length;
}

/**
 * A topic as it should be stored: no trailing punctuation or dangling "and".
 *
 * @example
 * cleanTopic('LAMs for network security in IoE.') // 'LAMs for network security in IoE'
 * cleanTopic('Edge AI; and') // 'Edge AI'
 */
export function cleanTopic(item: string): string {
  return item
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/(?:[\s,;:.]+(?:and|or))?[\s,;:.…]*$/i, '')
    .trim();
}

/**
 * A lead-in that says what the call seeks ("This call focuses on", "We encourage research that
 * examines", "The special issue aims to address key research fronts:"); a background list
 * ("Agriculture faces several challenges, including (i) ... (ii) ...", "Changes can impact:") is
 * not the call's topics.
 */
export const SEEKS =
  /\b(?:we|this (?:special )?(?:issue|call|section|volume)|the (?:special |themed? )?(?:issue|call|section|volume)|invit\w*|welcom\w*|encourag\w*|seek\w*|focus\w*|address\w*|papers?|submissions?|contributions?|manuscripts?|articles?|topics?|themes?)\b/i;

/** Lists introduced like this are the publisher's promotion ("Benefits of publishing include:") or the journal's article types, not topics. */
/** An item that is a signature or contact line (an address, "contact", the editor-in-chief), not a topic. */
export const CONTACT = /@[\w-]+\.\w|\bcontact\b|\beditor-in-chief\b/i;
/** An item that is an editors' role ("Lead Guest Editor", "Guest Editors: ..."): the list is the issue's people, however it is drawn. */
export const EDITOR_ITEM = /^(?:(?:lead|managing|corresponding|associate) )?(?:guest |special issue |issue )?(?:co-?)?editors?\b/i;
/** Lists introduced like this are the publisher's promotion, not topics. */
export const PROMO_INTRO = /\b(?:benefits|advantages|why publish|article types)\b/i;

/**
 * A lead-in whose last words name the list as topics ("... satisfy the general requirements of RSWP
 * and may cover any of the following topics:"): a requirement word earlier in the sentence does not
 * make the list requirements.
 */
const NAMES_TOPICS_EN = /\b(?:topics?|themes?|subjects?|categories|(?:research )?areas?)\b[^.;:]{0,40}[:：]\s*$/i;
/** A lead-in whose last words name the list as topics, in English or (within its last 60 characters, before the colon) another language. */
export const namesTopics = (s: string): boolean => NAMES_TOPICS_EN.test(s) || (/[:：]\s*$/.test(s) && TOPICS_ABROAD.test(s.slice(-60)));

/** A schedule's item: a labelled date, or its date first ("April 1, 2018: submission deadline", "15 December 2020 - deadline for titles"). */
export const isDateLine = (t: string) => parseDateLine(t, 0) !== undefined || (findDates(t.slice(0, 40))[0]?.start ?? Infinity) <= 3;

function isTopicRun(run: BulletRun, section: SectionKind | undefined): boolean {
  const texts = run.items.map((i) => i.text);
  if (texts.filter(isDateLine).length * 2 >= texts.length) return false;
  if (section === 'dates' || section === 'editors' || section === 'other' || isInstructions(run)) return false;
  const intro = introOf(run);
  if (intro && namesTopics(intro) && !EDITORS_INTRO.test(intro) && !PROMO_INTRO.test(intro)) return true;
  if (intro && (REQUIREMENT_INTRO.test(intro) || EDITORS_INTRO.test(intro) || PROMO_INTRO.test(intro))) return false;
  if (section === 'topics') return true;
  return hasTopicWords(intro) && /[:：]\s*$|following|include|topics|such as\s*$/i.test(intro);
}

/** An item that is only the examples of the item above, broken onto a bullet of its own ("(z. B. Pandemie, Naturkatastrophen)", "(e.g., floods, fires)"). */
const EXAMPLES_ONLY = /^\((?:e\.\s?g\.|z\.\s?B\.|p\.\s?ex\.|par ex\.|ad es\.|p\.\s?ej\.|por ej\.|por ex\.)[^()]*\)$/iu;

/**
 * Topics from the bullet runs, with the runs that held them.
 *
 * @example
 * const lines = toLines('Topics of interest include:\n* A.\n* B;');
 * findTopics(bulletRuns(lines), sectionsOf(lines)).topics // ['A', 'B']
 */
export function findTopics(
  runs: readonly BulletRun[],
  sections: readonly SectionKind[],
): { topics: string[]; runs: BulletRun[] } {
  let chosen = runs.filter((r) => isTopicRun(r, sections[r.start]));
  if (chosen.length === 0) {
    // No introducing sentence: fall back to the first long list in the call's own text.
    const fallback = runs.find(
      (r) =>
        r.items.length >= 3 &&
        sections[r.start] !== 'dates' && sections[r.start] !== 'editors' && sections[r.start] !== 'submission' && sections[r.start] !== 'other' &&
        // A list after a sentence that is not about topics ("Changes can impact:") is that sentence's list, not the call's topics.
        // A lead-in that says what the call seeks introduces its topics ("aims to address key research fronts:").
        // Research questions after any lead-in are the call's topics when it has no topic list ("... e.g.:", "The special issue inquiries into:").
        (!/[:：]\s*$/.test(introOf(r)) || hasTopicWords(introOf(r)) || SEEKS.test(introOf(r)) || r.items.every((i) => /\?\s*$/.test(i.text))) &&
        !REQUIREMENT_INTRO.test(introOf(r)) && !EDITORS_INTRO.test(introOf(r)) && !PROMO_INTRO.test(introOf(r)) &&
        r.items.every((i) => !isDateLine(i.text) && i.text.length < 400) && !isInstructions(r) &&
        // A signature or contact block ("Name, PhD / Editor-in-Chief / Contact Email: <x@y>") is not a topic list.
        !r.items.some((i) => CONTACT.test(i.text) || EDITOR_ITEM.test(i.text)),
    );
    // A list under a "Keywords" label or heading stands in for the topics before a first long list no sentence leads into
    // (the journal's facts under a heading, the editors' names after the call's last sentence).
    const keyed = runs.find((r) => r.items.length >= 3 && underKeywords(r));
    const led = fallback !== undefined && /[:：]\s*$/.test(introOf(fallback));
    chosen = keyed && !led ? [keyed] : fallback ? [fallback] : [];
  }
  // Research questions are the topics only when the call has no other topic list ("the following questions arise:" beside "Topics include:").
  const isQuestions = (r: BulletRun) => r.items.every((i) => /\?\s*$/.test(i.text));
  if (chosen.some((r) => !isQuestions(r))) chosen = chosen.filter((r) => !isQuestions(r));
  const seen = new Set<string>();
  const topics: string[] = [];
  for (const r of chosen) {
    for (const t of runTopics(r)) {
      if (t.length === 0 || !/[\p{L}\p{N}]/u.test(t) || EXAMPLES_ONLY.test(t) || seen.has(t.toLowerCase())) continue;
      seen.add(t.toLowerCase());
      topics.push(t);
    }
  }
  return { topics, runs: chosen };
}

/**
 * Whether a run sits under a label of its own that names it keywords ("**Keywords:**", "### 3.2 Keywords {#keywords}"),
 * with nothing after the label on its line.
 */
function underKeywords(r: BulletRun): boolean {
  const label = (r.intro?.text ?? '').replace(/<[^>]*>|\{#[^}]*\}/g, '').replace(/^\s*\d+(?:\.\d+)*\.?\s+/, '').trim();
  return !(KEYWORDS_LABEL.exec(label)?.[1] ?? '').trim() && KEYWORDS_LABEL.test(label);
}

/**
 * The topics of one list. When every item has items under it, the items are
 * group headings ("Big Data Analytics" over "Anomaly detection", ...) and the
 * topics are the items under them; otherwise nested items qualify their
 * parent ("Knowledge Graphs: Creation; Integration"), since alone they are
 * often fragments.
 */
export function runTopics(r: BulletRun): string[] {
  const grouped = r.items.length >= 2 && r.items.every((i) => i.subs.length > 0);
  return r.items.flatMap((item) => {
    const subs = item.subs.map(cleanTopic).filter((x) => x.length > 0);
    if (grouped) return subs;
    return [subs.length > 0 ? `${cleanTopic(item.text)}: ${subs.join('; ')}` : cleanTopic(item.text)];
  });
}

/** A phrase that stops on a word no topic ends with, a bracket opened or a mark: the text was cut after it ("related to or impacting for", "Drug epidemics (", "Ecosystem-"). */
const CUT_AFTER = /(?:^|[\s(])(?:for|of|in|on|to|into|at|by|with|within|between|from|the|a|an|and|or|be|is|are|that|which|its|their|de|des|du|la|le|les|et|ou|en|di|del|della|und|der|die|das|im|zu|von|für)$|[•●▪(–-]$/iu;
/** A last word of one or two small letters that is no word a topic ends on: a word cut short ("people who are j", "Stage Forms: p", "Online pe"). */
const CUT_SHORT = /(?:^|[\s(/])(?!(?:up|us|it|me|go|no|so|ok|id)$)\p{Ll}{1,2}$/u;
const WORDS = /[\p{L}\p{N}]+/gu;

/**
 * The topics without a last one the text ends inside, cut off mid-phrase as stored pages and e-mail previews are
 * cut at a fixed length: the call's last line ends with that topic, with no full stop, and the topic stops on a
 * word no topic ends with ("impacting for"), a word of one or two small letters ("who are j"), or a word the text
 * writes nowhere else whole but as the start of a longer word ("analysis and evaluat" beside "evaluation"). Of items a
 * page ran into one line ("GDP growth • r") only the cut one goes.
 *
 * @example
 * withoutCutEnd(['Asphalt materials', 'Mechanistic analysis and evaluat'], toLines('Topics:\n- Asphalt materials\n- Mechanistic analysis and evaluat')) // ['Asphalt materials']
 */
export function withoutCutEnd(topics: readonly string[], lines: readonly Line[]): string[] {
  const last = topics[topics.length - 1];
  const end = [...lines].reverse().find((l) => l.text.trim().length > 0)?.text;
  if (!last || !end) return [...topics];
  const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();
  // The text ends with the topic itself, not with a full stop, a bracket or a question after it.
  if (!norm(end).endsWith(norm(last).slice(-20))) return [...topics];
  const word = /[\p{L}\p{N}]+$/u.exec(last)?.[0].toLowerCase();
  let cut = CUT_AFTER.test(last) || CUT_SHORT.test(last);
  if (!cut && word) {
    const words = lines.flatMap((l) => l.text.toLowerCase().match(WORDS) ?? []);
    cut = words.filter((w) => w === word).length <= 1 && words.some((w) => w.length > word.length && w.startsWith(word));
  }
  if (!cut) return [...topics];
  // Items a page ran into one line ("GDP growth • r"): only the cut one goes.
  const joined = /\s*[•●▪;]\s*[^•●▪;]*$/u.exec(last);
  const kept = joined && joined.index > 0 ? cleanTopic(last.slice(0, joined.index)) : '';
  return kept ? [...topics.slice(0, -1), kept] : topics.slice(0, -1);
}
