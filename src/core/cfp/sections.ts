/**
 * Which part of a CFP each line belongs to, from the heading above it.
 */
import type { Line } from './lines.js';
import { isEditorLine } from './editor-lines.js';
import { EDITOR_LABEL_WORDS, OF_THIS_ISSUE, startsWithHonorific } from './names.js';
import { peopleOnLine } from './editors-multi.js';
import { TOPIC_SECTION_WORDS_ABROAD } from './topic-words.js';

/** `other`: parts that are not the call's own content or people (associate editors, editorial boards, reviewers, committees). */
export type SectionKind = 'scope' | 'topics' | 'dates' | 'editors' | 'submission' | 'other';

/**
 * The kind of section a heading opens.
 *
 * @example
 * sectionKindOf('Important Dates') // 'dates'
 * sectionKindOf('IEEE IoT Journal Special Issue: Symbiotic IoT') // 'scope'
 */
export function sectionKindOf(heading: string): SectionKind {
  const h = heading.toLowerCase();
  // Short headings name their section even with "Special Issue" in front ("Special Issue Editors").
  const short = h.split(/\s+/).length <= 6;
  // "Guest Associate Editor" is how Frontiers and MDPI name an issue's guest editors; other associate editors are the journal's.
  if (/(?<!guest )associate editors?|editorial (?:board|advisory)|advisory (?:board|editors?)|reviewers?\b|program(?:me)? committee|scientific committee|editor[- ]in[- ]chief/.test(h)) return 'other';
  // With the French, Spanish, Portuguese and German headings ("Coordination :", "Coordinadores", "Organizadores", "Herausgeberinnen").
  if (short && /\beditors?\b|editorial (?:team|board)|organi[sz]ers?\b/.test(h) || ABROAD_LABEL.test(h)) return 'editors';
  if (short && /\b(?:important|key) dates\b|\bdeadlines?\b|\btimeline\b/.test(h)) return 'dates';
  // A title heading is about the call, whatever words it happens to contain.
  if (/special (?:issue|section)|feature topic/.test(h) || h.length > 70) return 'scope';
  if (/\bdates?\b|deadlines?|timeline|schedule/.test(h)) return 'dates';
  if (/editor|organi[sz]er/.test(h)) return 'editors';
  // "Call for Submissions" heads the call itself, not the instructions for submitting.
  if (/^(?:open |current )?calls? for (?:papers|submissions|contributions|proposals|abstracts|publications|participation)\W*$/.test(h)) return 'scope';
  // A heading that opens with its topic words is the topics, whatever follows ("Topics of interest for submission include").
  if (/^(?:(?:main|key|suggested|possible|potential|relevant|list of|research) )?(?:topics?|themes?|subjects?|areas? of interest)\b/.test(h)) return 'topics';
  // "Temi", "Ejes temáticos", "Thématiques", "Themenfelder".
  if (short && TOPICS_HEADING_ABROAD.test(h)) return 'topics';
  if (/submi|guideline|instruction|how to|for authors|manuscript prep/.test(h)) return 'submission';
  if (/topic|theme|interest|areas/.test(h)) return 'topics';
  return 'scope';
}

/** "Guest Editors for this special section:", "Editors of the Volume:", "Editores convidados para o Dossiê:": a label line over the issue's people. */
const EDITORS_OF_THIS = new RegExp(`\\b(?:editors?|${EDITOR_LABEL_WORDS})\\s+${OF_THIS_ISSUE}\\s*[:：]\\s*$`, 'i');

/** A topics heading in another language. */
const TOPICS_HEADING_ABROAD = new RegExp(`^(?:${TOPIC_SECTION_WORDS_ABROAD})(?!\\p{L})`, 'u');

/** An editors' heading in another language ("Coordination", "Organizadores"). */
const ABROAD_LABEL = new RegExp(`^(?:${EDITOR_LABEL_WORDS})\\b`, 'u');

/**
 * The section kind of every line (same length as `lines`). Lines before the
 * first heading are `scope`.
 *
 * @example
 * sectionsOf(toLines('## Guest Editors\nAda Lovelace, Univ X')) // ['editors', 'editors']
 */
export function sectionsOf(lines: readonly Line[]): SectionKind[] {
  let current: SectionKind = 'scope';
  let before: SectionKind | undefined;
  // Inside a paragraph that a person's line opened: its other lines (affiliation, e-mail) belong to that person.
  let person = false;
  return lines.map((l) => {
    if (l.kind === 'blank') person = false;
    // "... and the following Guest Editors:" opens a list of people that ends with the list: bullets, or
    // paragraphs that each open with a person ("Rahul Mitra, Department of ..."), blank lines between them.
    if (before !== undefined && l.kind === 'text' && (person || isEditorLine(l.text) || startsWithHonorific(l.text))) person = true;
    else if (before !== undefined && l.kind !== 'bullet' && l.kind !== 'blank') {
      current = before;
      before = undefined;
    }
    if (l.kind === 'text' && ((/\beditors?\s*[:：]\s*$/i.test(l.text) && l.text.length > 40) || EDITORS_OF_THIS.test(l.text))) {
      before = current;
      current = 'editors';
      return 'scope';
    }
    // A bold line of names under an editors heading ("**A, B, and C**" reads as a heading) is the section's content.
    if (l.kind === 'heading') current = current === 'editors' && peopleOnLine(l.text) !== undefined ? 'editors' : sectionKindOf(l.text);
    // Pages without a heading after their editors or dates go on in prose: a long sentence ends those sections.
    else if ((current === 'editors' || current === 'dates') && l.kind === 'text' && isProse(l.text)) current = 'scope';
    return current;
  });
}

/**
 * A line of running prose: long, several sentences' worth of words, ending like a sentence or holding
 * one sentence's end ("... which aims to gather frontier research. Relevant topics include", its list below).
 */
function isProse(text: string): boolean {
  return text.length > 180 && text.split(/\s+/).length >= 25 && (/[.!?:]["”’)]?$/.test(text) || /\p{Ll}{2}[.!?]\s+\p{Lu}/u.test(text)) && !/@/.test(text);
}
