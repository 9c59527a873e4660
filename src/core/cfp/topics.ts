/**
 * The topic list: bullet items introduced by "topics of interest include",
 * "the following topics", or sitting under a Topics heading.
 */
import { introOf, type BulletRun } from './lists.js';
import type { SectionKind } from './sections.js';
import { findDates } from './dates.js';
import { parseDateLine } from './schedule.js';
import { TOPICS_ABROAD } from './topic-words.js';

const TOPIC_WORDS =
  /\b(?:topics?|themes?|areas?|subjects?|directions?|not limited to|of interest|include(?:s|d)?|includ(?:ing)?|following|(?:issues|questions|aspects|themes) such as)\b/i;
/** Whether a lead-in has words that lead into a topic list, in English or another language. */
export const hasTopicWords = (s: string): boolean => TOPIC_WORDS.test(s) || TOPICS_ABROAD.test(s);
/** Lists introduced like this are people ("... and the following Guest Editors:"). */
/** A list of the issue's people: its editors, or the authors, contributors or speakers it names ("we have contacted the following authors:"). */
export const EDITORS_INTRO = /\b(?:editors?|(?:invited |contacted |confirmed )?(?:authors|contributors|speakers|panelists))\s*[:：]?\s*$|\bedited by\b[^.]*[:：]\s*$/i;
/** Lists introduced like this are submission requirements, not topics. */
export const REQUIREMENT_INTRO =
  /\b(?:accompanied|following information|must (?:include|contain|provide)|should (?:include|contain)|requirements?|checklist|prepar(?:e|ing)|formatting)\b/i;

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
const NAMES_TOPICS_EN = /\b(?:topics?|themes?|subjects?|(?:research )?areas?)\b[^.;:]{0,40}[:：]\s*$/i;
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
    chosen = fallback ? [fallback] : [];
  }
  // Research questions are the topics only when the call has no other topic list ("the following questions arise:" beside "Topics include:").
  const isQuestions = (r: BulletRun) => r.items.every((i) => /\?\s*$/.test(i.text));
  if (chosen.some((r) => !isQuestions(r))) chosen = chosen.filter((r) => !isQuestions(r));
  const seen = new Set<string>();
  const topics: string[] = [];
  for (const r of chosen) {
    for (const t of runTopics(r)) {
      if (t.length === 0 || !/[\p{L}\p{N}]/u.test(t) || seen.has(t.toLowerCase())) continue;
      seen.add(t.toLowerCase());
      topics.push(t);
    }
  }
  return { topics, runs: chosen };
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
