/**
 * Submission deadlines that are not on a `Label: date` line: the date on the
 * line after its label ("Manuscript deadline\n31 May 2024"), and deadlines in
 * prose ("has been extended to August 23, 2019", "submit ... by 4th May
 * 2020", "during October 15, 2022 – January 15, 2023").
 */
import type { Line } from './lines.js';
import { findDates, findMonthDay } from './dates.js';
import { dateFieldOf, type DateEntry } from './schedule.js';

const LABEL_ONLY = /^(.{3,80}?)\s*[:：]?$/;
/**
 * A sentence about the submission deadline ("We will accept submissions for this issue through <date>", "Submissions are open until <date>",
 * "you are invited to contribute a piece by <date>", "Les essais devront être soumis avant le <date>", "Einsendeschluss ist der <date>",
 * "Beiträge können bis zum 31.12.2022 eingereicht werden", "... pour le 31 décembre 2014 au plus tard", "(limite: 31 déc. 2014)"); "opens" / "open for submissions from" dates are not deadlines.
 */
const DEADLINE_SENTENCE = /\b(?:deadline|due\b|contribute\b[^.]{0,80}?\b(?:by|before|no later than)|(?:soumis|soumettre|envoy(?:[ée]|er)|remis|transmis)e?s?\s+avant le|einsendeschluss|einreichungs?frist|abgabefrist|bis (?:spätestens )?(?:zum )?\d{1,2}\.[^]{0,60}?(?:eingereicht|einzureichen|eingesandt|einzusenden|gesendet|zu senden|geschickt|zu schicken)|last (?:date|day) (?:(?:of|for) (?:submissions?|submitting)|to submit)|submi(?:t\w*|ssions?)\b[^.]{0,120}?\b(?:by|before|until|through|no later than|during|between)|(?:accept|receiv|consider)\w*\s+(?:submissions?|papers?|manuscripts?|articles?)\b[^.]{0,80}?\b(?:by|before|until|through|no later than)|extended to|(?:submissions?|papers?|manuscripts?|articles?)\s+(?:must|should)\s+be\s+received\s+(?:by|before|no later than)|(?:submissions?|(?:the )?(?:call|collection|special issue))\s+(?:will\s+)?(?:close[sd]?|ends?)\s+(?:on|by)?|(?:entro(?: e non oltre)?|non oltre) il|au plus tard|(?:date )?limite(?=\s*:)|(?:articles?|textes?|contributions?|manuscrits?)\s+(?:\S+\s+){0,3}?avant le|at[ée] (?:o dia|ao dia|\d{1,2})|hasta el (?:d[íi]a )?\d{1,2}|(?:submissions?|papers?|manuscripts?|articles?|contributions?)\s+(?:(?:are\s+)?(?:accepted|welcome[d]?)\s+)?(?:until|till|through|no later than)|(?:submissions?|the (?:call|collection|special issue))\s+(?:are|is|will\s+(?:be|remain)|remains?)\s+open\s+(?:until|till|through))\b/i;
/** A sentence about abstracts or proposals only ("extended abstract submissions ... with a due date on ..."): not the paper deadline. */
const ABSTRACT_ONLY = /^(?!.*\b(?:full|complete|final)\s+(?:papers?|manuscripts?|submissions?|articles?)\b).*\b(?:abstracts?|proposals?|expressions? of interest)\b/i;
/** A sentence about the full papers of a two-stage call, not its proposals. */
const FULL_PAPERS = /\b(?:(?:full|complete|final)\s+(?:papers?|manuscripts?|articles?|submissions?)|(?:first |full )?drafts?)\b/i;
/** Where a sentence ends: not after an abbreviated month ("(deadline Dec. 1, 2023)", "(limite: 31 déc. 2014)") nor a German day ("bis zum 1. März 2027"). */
const SENTENCE_BREAK = /(?<=[.!?])(?<!(?<![\d.])\d{1,2}\.)(?<!\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|janv|févr|avr|juil|sept|oct|nov|déc|ene|abr|ago|dic|fev|dez)\.)\s+(?=[\p{Lu}\d])/u;
const OPENS = /\bopen(?:s|ed)?\b[^.]{0,60}\bfrom\b|\bopens?\s+(?:on\s+)?$/i;

/**
 * A label line ("Submission deadline:") whose date is on the next non-blank line.
 *
 * @example
 * nextLineDeadline(toLines('Manuscript deadline\n\n31 May 2024'), 0) // { field: 'submission_deadline', iso: '2024-05-31', line: 2, ... }
 */
export function nextLineDate(lines: readonly Line[], i: number): DateEntry | undefined {
  const l = lines[i];
  if (!l || (l.kind !== 'text' && l.kind !== 'heading' && l.kind !== 'bullet')) return undefined;
  const label = LABEL_ONLY.exec(l.text)?.[1];
  if (!label || findDates(l.text).length > 0 || l.text.split(/\s+/).length > 8) return undefined;
  const field = dateFieldOf(label);
  if (!field) return undefined;
  // The date may sit under an underline or a rule drawn below its label ("Deadline for Manuscript Submissions:\n=====\n\n30 June 2019").
  for (let j = i + 1; j < Math.min(lines.length, i + 4); j++) {
    const next = lines[j];
    if (!next || next.kind === 'blank' || next.kind === 'rule') continue;
    // A labelled line of its own ("Full paper submission: 28 October") speaks for itself, not for the label above it.
    // Its label may carry numbers in an aside ("Proposals (250-500 word abstract): Feb 28").
    if (/^[^:：\d]{3,60}[:：]\s*\S/.test(next.text.replace(/\s*\([^()]*\)/g, ''))) return undefined;
    const dates = findDates(next.text);
    // The value line is mostly the date (struck-out old date then the new one: the last holds).
    const last = dates[dates.length - 1];
    if (last && next.text.length <= 80) return { field, label, iso: last.iso, line: j };
    return undefined;
  }
  return undefined;
}

/**
 * The submission deadline stated in a sentence, if any: the date after
 * "extended to", else the end of a submission window, else the sentence's
 * last date.
 *
 * @example
 * proseDeadline(toLines('– The submission deadline has been extended to August 23, 2019 –')) // { iso: '2019-08-23', ... }
 */
export function proseDeadline(lines: readonly Line[], opts: { fullPapers?: boolean } = {}): DateEntry | undefined {
  for (const { line, sentence } of deadlineSentences(lines, opts)) {
    // Only whole dates: "for publication in November 2021" after the deadline is not one.
    const dates = findDates(sentence).filter((d) => !OPENS.test(sentence.slice(0, d.start)) && /^\d{4}-\d{2}-\d{2}$/.test(d.iso));
    const pick = dates.find((d) => /extended to\s*$/i.test(sentence.slice(0, d.start))) ?? dates[dates.length - 1];
    if (pick) return { field: 'submission_deadline', label: sentence.slice(0, 60), iso: pick.iso, line: line.index };
  }
  return yearlessProseDeadline(lines, opts);
}

/** The sentences that state a submission deadline (of the full papers with `fullPapers`), in text order, with where each starts in its line. */
function* deadlineSentences(lines: readonly Line[], opts: { fullPapers?: boolean }): Generator<{ line: Line; sentence: string; start: number }> {
  for (const line of lines) {
    if (line.kind === 'blank' || line.kind === 'rule') continue;
    let at = 0;
    for (const sentence of line.text.split(SENTENCE_BREAK)) {
      const start = line.text.indexOf(sentence, at);
      at = start + sentence.length;
      if (DEADLINE_SENTENCE.test(sentence) && !ABSTRACT_ONLY.test(sentence) && (!opts.fullPapers || FULL_PAPERS.test(sentence))) yield { line, sentence, start };
    }
  }
}

/**
 * A deadline sentence with a day and month but no year ("La convocatoria estará abierta hasta el 1 de noviembre", "Papers are due by
 * 15 May"), read only when no sentence gives a whole date. The year is the nearest its paragraph gives ("... publicado en diciembre de
 * 2022. La convocatoria ..."); with none, no deadline is read: today's year would be a guess, and most such calls are years old.
 */
function yearlessProseDeadline(lines: readonly Line[], opts: { fullPapers?: boolean }): DateEntry | undefined {
  for (const { line, sentence, start } of deadlineSentences(lines, opts)) {
    if (OPENS.test(sentence) || findDates(sentence).length > 0) continue;
    const md = findMonthDay(sentence);
    if (!md) continue;
    const years = [...line.text.matchAll(/(?<!\d)(?:19|20)\d{2}(?!\d)/g)];
    const near = years.sort((x, y) => Math.abs((x.index ?? 0) - start) - Math.abs((y.index ?? 0) - start))[0];
    if (near) return { field: 'submission_deadline', label: sentence.slice(0, 60), iso: `${near[0]}-${md}`, line: line.index };
  }
  return undefined;
}

/**
 * Month-days ("10-01") that the prose gives as an abstract or proposal
 * deadline ("Abstracts ... should be submitted by 1st October"): a labelled
 * deadline on one of these days is the call's first stage, whatever its label
 * says ("Call Deadline: 01-Oct-2012").
 *
 * @example
 * abstractDays(toLines('Abstracts should be submitted by 1st October.')) // Set { '10-01' }
 */
export function abstractDays(lines: readonly Line[]): Set<string> {
  const out = new Set<string>();
  for (const l of lines) {
    if (l.kind === 'blank' || l.kind === 'rule' || l.text.length > 600) continue;
    for (const sentence of l.text.split(/(?<=[.!?])\s+(?=[\p{Lu}\d])/u)) {
      if (!DEADLINE_SENTENCE.test(sentence) || !ABSTRACT_ONLY.test(sentence)) continue;
      for (const d of findDates(sentence)) if (/^\d{4}-\d{2}-\d{2}$/.test(d.iso)) out.add(d.iso.slice(5));
      const md = findMonthDay(sentence);
      if (md) out.add(md);
    }
  }
  return out;
}
