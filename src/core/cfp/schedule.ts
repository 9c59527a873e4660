/**
 * The important-dates block: labelled date lines to `CallDates`, and the
 * warnings when the dates contradict each other.
 */
import type { CallDates } from '../schema.js';
import type { Line } from './lines.js';
import { compareIso, findDates, findMonthDay } from './dates.js';
import { abstractDays, nextLineDate, proseDeadline } from './prose-dates.js';

export type DateField = keyof CallDates;

/** Stages in the order a special issue runs through them. */
export const DATE_ORDER: readonly DateField[] = [
  'submission_deadline', 'first_decision', 'revision', 'final_decision', 'final_manuscript', 'publication',
];

/** Checked in this order: "Revision Submission Deadline" is a revision, not the submission deadline. */
const LABELS: ReadonlyArray<[DateField, RegExp]> = [
  ['final_manuscript', /final (?:manuscript|paper|version|camera)|camera[- ]?ready|final submission/i],
  ['publication', /publication|published|publishing|issue date|online date/i],
  ['revision', /revis/i],
  ['final_decision', /final (?:decision|notification|acceptance)|(?:second|2nd) (?:review|round|decision|notification)|acceptance notification|notification of acceptance/i],
  ['first_decision', /(?:initial|first|1st) (?:decision|review|notification|round)|first round of (?:review|notification|decision)|review (?:due|notification|results?)|notification|decision/i],
  // With the labels of calls in French, German, Spanish, Portuguese, Italian and Russian ("Date limite de soumission", "Einreichfrist", "Fecha límite",
  // "Fecha de cierre de la convocatoria", "Prazo", "Scadenza", "Invio entro", "Приём материалов").
  // A submission window's end on its own ("Starts: Aug 1 / Ends: Aug 31", "Inicio / Fin", "Reception: From opening to April 30"), and the
  // papers' own line in a timetable ("Proposal: February 15 / Manuscript: May 15").
  ['submission_deadline', /^(?:ends?|end date|fin|fim|reception|recepci[óo]n|recebimento)$|^(?:full |complete )?(?:manuscripts?|papers?|articles?)$|submi|deadline|manuscripts? due|papers? due|due date|closing date|closes\b|call ends|^(?:(?:for|of) )?(?:the )?full (?:manuscripts?|papers?|articles?)\b|\bdrafts?\b|date limite|cl[ôo]ture|soumission|envoi des (?:articles|textes|contributions)|encaminhamento|remise des (?:articles|textes|contributions|manuscrits)|einreich|einsendeschluss|abgabe|fecha l[íi]mite|\bcierre\b|plazo|prazo|encerramento|chiusura|scadenza|\binvio\b|при[её]м\s+(?:материалов|статей|рукописей)|срок\S*\s+(?:подачи|представления|при[её]ма)/i],
];

/** An abstract, proposal or intent deadline: the first stage of a two-stage call, not the paper deadline. */
const ABSTRACT_STAGE = /\b(?:(?:extended )?abstracts?|proposals?|pre-?proposals?|(?:letters?|notices?|statements?) of intent|intent to submit|expressions? of interest)\b/i;
const PAPER_STAGE = /\b(?:full|complete|papers?|manuscripts?|articles?)\b/i;
/** The papers an abstract or proposal is of ("Deadline for submitting proposals/abstracts of papers") are not a paper stage. */
const OF_PAPERS = /\b(?:abstracts?|proposals?)\s+(?:of|for)\s+(?:the\s+)?(?:papers?|articles?|manuscripts?)\b/gi;
const isAbstractStage = (e: DateEntry) => e.field === 'submission_deadline' && ABSTRACT_STAGE.test(e.label) && !PAPER_STAGE.test(e.label.replace(OF_PAPERS, ''));

/**
 * Which date field a label names, if any.
 *
 * @example
 * dateFieldOf('The first round of Notification') // 'first_decision'
 * dateFieldOf('Revision Submission Deadline') // 'revision'
 */
export function dateFieldOf(label: string): DateField | undefined {
  const field = LABELS.find(([, re]) => re.test(label))?.[0];
  // "Submission system opens", "Submissions start": the start of a submission window, not its deadline.
  if (field === 'submission_deadline' && OPENING.test(label) && !/deadline|due|close/i.test(label)) return undefined;
  return field;
}

const OPENING = /\b(?:opens?|opening|starts?|begins?|launch(?:es)?|(?:now )?accepting)\b/i;

/** One labelled date as it appears in the CFP. */
export interface DateEntry {
  field: DateField;
  label: string;
  iso: string;
  line: number;
  /** Set when the CFP gave no year and the parser assumed one. */
  yearAssumed?: boolean;
}

const LABELLED = /^(.{3,90}?)\s*(?:[:：]|\s[-–—]\s|\t)\s*(.{4,200})$/;
/** A copied table's label and date with nothing between ("Full Manuscript Submission DeadlineMarch 15, 2026", "Revised Manuscript Due (if invited)June 30, 2026"). */
const RUN_TOGETHER = /^(.{3,90}?[\p{Ll})])((?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2}\b.{0,40})$/u;
/**
 * A label and the date that ends its line with only a space between ("Fecha límite para la recepción de colaboraciones 1 de mayo de 2024");
 * not a post's byline ("Submitted by editor on 21 March 2025").
 */
const SPACED = /^(?!.*\b(?:submitted|posted|published|updated)\b)(.{3,90}?\p{L})\s+((?:\d{1,2}(?:er|º|°|\.|st|nd|rd|th)?\s+(?:de\s+)?\p{L}+\.?|\p{L}+\.?\s+\d{1,2}(?:st|nd|rd|th)?,?)\s+(?:de\s+)?\d{4})\.?$/iu;

/**
 * Read a `Label: date` line. When a line holds several dates (an extended
 * deadline after a struck-out one) the last one is the one that holds.
 *
 * @example
 * parseDateLine('Submissions Deadline: 1 September 2025', 3)
 * // { field: 'submission_deadline', label: 'Submissions Deadline', iso: '2025-09-01', line: 3 }
 */
export function parseDateLine(text: string, line: number): DateEntry | undefined {
  if (text.length > 300) return undefined;
  return labelFirst(text, line) ?? dateFirst(text, line);
}

function labelFirst(text: string, line: number): DateEntry | undefined {
  const m = LABELLED.exec(text) ?? RUN_TOGETHER.exec(text) ?? SPACED.exec(text);
  if (!m) return undefined;
  const label = (m[1] ?? '').trim();
  const field = dateFieldOf(label);
  if (!field || /\d{4}/.test(label)) return undefined;
  const dates = findDates(m[2] ?? '');
  const last = dates[dates.length - 1];
  if (last) return { field, label, iso: last.iso, line };
  // "15 April" with no year: the year is filled in by collectDates.
  const md = findMonthDay(m[2] ?? '');
  return md ? { field, label, iso: `0000-${md}`, line, yearAssumed: true } : undefined;
}

/** A timetable's line with its date first and its label after a dash ("20 Feb 2019 - paper submission"). */
const DATE_FIRST = /^\s*(\S[^–—|]{3,28}?\d{4})\s*[-–—|]\s+(\p{L}[^\d]{2,160})$/u;

function dateFirst(text: string, line: number): DateEntry | undefined {
  const m = DATE_FIRST.exec(text);
  if (!m) return undefined;
  const date = findDates(m[1] ?? '')[0];
  const label = (m[2] ?? '').trim();
  const field = dateFieldOf(label);
  // The date is the whole of what comes before the dash, not a sentence that ends on a year.
  if (!date || !field || date.start > 0 || (m[1] ?? '').trim().length - date.end > 1) return undefined;
  return { field, label, iso: date.iso, line };
}

/** Give year-less dates the year that keeps the schedule in order, from their neighbours or `now`. */
function fillYears(entries: DateEntry[], now: string | undefined): void {
  let year = entries.find((e) => !e.yearAssumed)?.iso.slice(0, 4) ?? now?.slice(0, 4);
  let prev = '';
  for (const e of entries) {
    if (!e.yearAssumed) {
      year = e.iso.slice(0, 4);
      prev = e.iso;
      continue;
    }
    if (!year) continue;
    let iso = `${year}${e.iso.slice(4)}`;
    if (prev && compareIso(iso, prev) < 0) iso = `${Number(year) + 1}${e.iso.slice(4)}`;
    e.iso = iso;
    year = iso.slice(0, 4);
    prev = iso;
  }
}

/**
 * All labelled date lines of a CFP; the first entry for a field wins.
 * Year-less dates get a year from the dates around them (or from `now`).
 *
 * @example
 * collectDates(toLines('Submission Deadline: 1 May 2025\nFinal Decision: 1 July')).dates
 * // { submission_deadline: '2025-05-01', final_decision: '2025-07-01' }
 */
export function collectDates(lines: readonly Line[], now?: string): { dates: CallDates; entries: DateEntry[] } {
  const entries: DateEntry[] = [];
  const seen = new Set<DateField>();
  lines.forEach((l, i) => {
    // A labelled date underlined as a heading ("Papers due: March 10, 2019\n=====") is still a date line.
    const e = l.kind === 'text' || l.kind === 'bullet' || l.kind === 'heading' ? (parseDateLine(l.text, l.index) ?? nextLineDate(lines, i)) : nextLineDate(lines, i);
    if (!e) return;
    if (seen.has(e.field)) {
      // Two-stage calls: the paper deadline after an abstract or proposal deadline is the submission deadline.
      const k = entries.findIndex((x) => x.field === e.field && isAbstractStage(x));
      if (k >= 0 && !isAbstractStage(e)) entries.splice(k, 1, e);
      return;
    }
    seen.add(e.field);
    entries.push(e);
  });
  if (!seen.has('submission_deadline')) {
    const prose = proseDeadline(lines);
    if (prose) entries.push(prose);
  } else {
    // Two-stage calls that label only the proposal's deadline and give the full papers' in prose ("full manuscripts will be due by 1st August 2019").
    const firstStage = abstractDays(lines);
    const k = entries.findIndex((e) => isAbstractStage(e) || (e.field === 'submission_deadline' && firstStage.has(e.iso.slice(5))));
    const full = k >= 0 ? proseDeadline(lines, { fullPapers: true }) : undefined;
    if (full && compareIso(full.iso, entries[k]?.iso ?? '') > 0) entries.splice(k, 1, full);
    // A call that gives only its abstracts' deadline ("Abstract Submission Deadline: March 15, 2024") has no paper deadline yet: the date is
    // kept as the abstracts' deadline, not the submission deadline. A proposals' deadline stays, as some calls take the proposal as the submission.
    const abstracts = entries.findIndex((e) => isAbstractStage(e) && /\babstracts?\b/i.test(e.label));
    const only = entries[abstracts];
    if (only) entries.splice(abstracts, 1, { ...only, field: 'abstract_deadline' });
  }
  fillYears(entries, now);
  const kept = entries.filter((e) => !e.iso.startsWith('0000'));
  const dates: CallDates = {};
  for (const e of kept) dates[e.field] = e.iso;
  return { dates, entries: kept };
}

/**
 * Warnings for dates that come before an earlier stage (a decision before the
 * submission deadline). The parsed value is kept; the warning says what is
 * wrong and, when moving the year on by one fixes the order, suggests that.
 *
 * @example
 * checkDateOrder([{ field: 'submission_deadline', label: 'Submission Deadline', iso: '2025-04-15', line: 0 },
 *                 { field: 'final_decision', label: 'Second Review', iso: '2024-07-31', line: 1 }])
 * // ['final_decision ("Second Review") is 2024-07-31, before submission_deadline ("Submission Deadline") 2025-04-15; ...']
 */
export function checkDateOrder(entries: readonly DateEntry[]): string[] {
  const byField = new Map(entries.map((e) => [e.field, e]));
  const warnings: string[] = [];
  DATE_ORDER.forEach((field, i) => {
    const e = byField.get(field);
    if (!e) return;
    const earlier = DATE_ORDER.slice(0, i)
      .map((f) => byField.get(f))
      .find((x): x is DateEntry => x !== undefined && compareIso(e.iso, x.iso) < 0);
    if (!earlier) return;
    const bumped = `${Number(e.iso.slice(0, 4)) + 1}${e.iso.slice(4)}`;
    const later = DATE_ORDER.slice(i + 1).map((f) => byField.get(f)).filter((x) => x !== undefined);
    const fits = DATE_ORDER.slice(0, i).every((f) => {
      const x = byField.get(f);
      return !x || compareIso(x.iso, bumped) <= 0;
    }) && later.every((x) => compareIso(bumped, x.iso) <= 0);
    warnings.push(
      `${e.field} ("${e.label}") is ${e.iso}, before ${earlier.field} ("${earlier.label}") ${earlier.iso}; ` +
        `the source dates contradict each other${fits ? ` (probably a typo for ${bumped})` : ''}; kept as written`,
    );
  });
  return warnings;
}
