/**
 * Field-by-field scoring of parsed calls against hand-labelled truth: title,
 * venue and submission deadline right or wrong (an empty truth is right only
 * when the parser also leaves the field empty), topics and guest editors as
 * precision / recall over matched items.
 */
import type { Call } from '../../core/schema.js';
import { editorKey } from '../../core/cfp/editor-candidates.js';

export interface CfpTruth {
  id: string;
  split: 'tune' | 'heldout';
  format: 'text' | 'html';
  field: string;
  publisher: string;
  title: string;
  title_alternatives?: string[];
  venue: string | null;
  venue_alternatives?: string[];
  deadline: string | null;
  topics: string[];
  guest_editors: string[];
  provenance: { source: string; url: string; note: string };
}

/** Lower case, letters and digits only, accents and quotes folded, so formatting differences do not count. */
export function norm(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A person's name for matching: no honorifics, no middle initials, no quoted nicknames (the parser's own {@link editorKey}, so the eval and the editor chooser compare names alike). */
export const normName = editorKey;

function tokens(s: string): Set<string> {
  return new Set(norm(s).split(' ').filter(Boolean));
}

/** Two topics match when equal after normalisation or their word sets overlap by 80% (Jaccard). */
export function sameTopic(a: string, b: string): boolean {
  if (norm(a) === norm(b)) return true;
  const x = tokens(a);
  const y = tokens(b);
  const inter = [...x].filter((t) => y.has(t)).length;
  return inter / (x.size + y.size - inter || 1) >= 0.8;
}

/** Items of `found` matched one-to-one against `truth`. */
export function matched(found: readonly string[], truth: readonly string[], same: (a: string, b: string) => boolean): number {
  const left = [...truth];
  let n = 0;
  for (const f of found) {
    const i = left.findIndex((t) => same(f, t));
    if (i >= 0) {
      left.splice(i, 1);
      n++;
    }
  }
  return n;
}

export interface CaseScore {
  id: string;
  split: CfpTruth['split'];
  format: CfpTruth['format'];
  title: boolean;
  venue: boolean;
  deadline: boolean;
  topics: { found: number; truth: number; matched: number };
  editors: { found: number; truth: number; matched: number };
  /** What went wrong, one line per field, for the failure list. */
  failures: string[];
  /** Set when the parser refused the input. */
  error?: string;
}

/** Whether `value` is the truth `want` or one of its alternatives after {@link norm} (an empty truth wants an empty value): the one comparison for title and venue. */
export const oneOf = (value: string | undefined, want: string | null, alts: readonly string[] = []) =>
  want === null ? value === undefined || value.trim() === '' : value !== undefined && [want, ...alts].some((w) => norm(w) === norm(value));

/**
 * Score one parsed call (or the error the parser threw) against its truth.
 *
 * @example
 * scoreCase(truth, parseCfp(text)).title // true
 */
export function scoreCase(truth: CfpTruth, call: Call | { error: string }): CaseScore {
  const base = { id: truth.id, split: truth.split, format: truth.format };
  if ('error' in call) {
    return {
      ...base, title: false, venue: truth.venue === null, deadline: truth.deadline === null,
      topics: { found: 0, truth: truth.topics.length, matched: 0 },
      editors: { found: 0, truth: truth.guest_editors.length, matched: 0 },
      failures: [`refused: ${call.error}`], error: call.error,
    };
  }
  const names = call.guest_editors.map((e) => e.name);
  const s: CaseScore = {
    ...base,
    title: oneOf(call.title, truth.title, truth.title_alternatives),
    venue: oneOf(call.venue, truth.venue, truth.venue_alternatives),
    deadline: (call.dates.submission_deadline ?? null) === truth.deadline,
    topics: { found: call.topics.length, truth: truth.topics.length, matched: matched(call.topics, truth.topics, sameTopic) },
    editors: { found: names.length, truth: truth.guest_editors.length, matched: matched(names, truth.guest_editors, (a, b) => normName(a) === normName(b)) },
    failures: [],
  };
  const show = (v: unknown) => JSON.stringify(v ?? null);
  if (!s.title) s.failures.push(`title: got ${show(call.title)}, want ${show(truth.title)}`);
  if (!s.venue) s.failures.push(`venue: got ${show(call.venue)}, want ${show(truth.venue)}`);
  if (!s.deadline) s.failures.push(`deadline: got ${show(call.dates.submission_deadline)}, want ${show(truth.deadline)}`);
  if (s.topics.matched < s.topics.truth || s.topics.matched < s.topics.found) {
    s.failures.push(`topics: ${s.topics.matched} of ${s.topics.truth} found, ${s.topics.found - s.topics.matched} extra (got ${show(call.topics.slice(0, 4))}${call.topics.length > 4 ? '...' : ''})`);
  }
  if (s.editors.matched < s.editors.truth || s.editors.matched < s.editors.found) {
    s.failures.push(`guest editors: got ${show(names)}, want ${show(truth.guest_editors)}`);
  }
  return s;
}

export interface FieldTable {
  cases: number;
  title: number;
  venue: number;
  deadline: number;
  topics: { precision: number; recall: number; f1: number; truth: number };
  editors: { precision: number; recall: number; truth: number };
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

/**
 * Accuracy per field and micro-averaged precision / recall over all items.
 * With no items to find or none found, precision or recall is 1 (nothing was wrong).
 *
 * @example
 * summarise(scores).deadline // 0.9
 */
export function summarise(scores: readonly CaseScore[]): FieldTable {
  const sum = (f: (s: CaseScore) => number) => scores.reduce((a, s) => a + f(s), 0);
  const acc = (f: (s: CaseScore) => boolean) => ratio(scores.filter(f).length, scores.length);
  const tp = sum((s) => s.topics.matched);
  const precision = ratio(tp, sum((s) => s.topics.found));
  const recall = ratio(tp, sum((s) => s.topics.truth));
  const ep = sum((s) => s.editors.matched);
  return {
    cases: scores.length,
    title: acc((s) => s.title),
    venue: acc((s) => s.venue),
    deadline: acc((s) => s.deadline),
    topics: { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall), truth: sum((s) => s.topics.truth) },
    editors: { precision: ratio(ep, sum((s) => s.editors.found)), recall: ratio(ep, sum((s) => s.editors.truth)), truth: sum((s) => s.editors.truth) },
  };
}
