/**
 * Call filters (publisher, venue, deadline window, open only) as pure functions: the predicate the
 * matcher applies after scoring (so a call's fit never depends on the filters), the counts a page
 * shows beside each choice, and the words for an empty result: why, and which filter to drop.
 */
import type { Call, CallFilters, DeadlineStatus, EmptyExplanation, FilterSummary, IsoDate } from '../schema.js';
import { createError, type FieldIssue } from '../errors.js';
import { deadlineStatus, isoToUtc } from './deadline.js';

/** Deadline states after which a call takes no submissions; "open only" leaves them out. Unknown states stay in. */
const CLOSED_STATES: ReadonlySet<string> = new Set(['closed', 'withdrawn']);

/**
 * Whether a deadline state means the call is no longer open (`closed`, `withdrawn`).
 *
 * @example
 * isClosedState('closed') // true
 * isClosedState('closing_soon') // false
 */
export function isClosedState(state: string): boolean {
  return CLOSED_STATES.has(state);
}

/**
 * An inverted deadline window (after later than before) matches nothing, whatever the calls: name
 * both ends, by the names the user typed (`--deadline-after` on the command line), so it is fixed
 * at once instead of read as "no call fits".
 *
 * @example
 * filterWindowIssues({ deadline_after: '2026-06-01', deadline_before: '2026-01-01' })
 * // [{ path: 'deadline_after', message: 'deadline_after 2026-06-01 is later than deadline_before 2026-01-01: swap them or drop one' }, { path: 'deadline_before', ... }]
 */
export function filterWindowIssues(f: Partial<CallFilters>, names = { after: 'deadline_after', before: 'deadline_before' }): FieldIssue[] {
  if (!f.deadline_after || !f.deadline_before || isoToUtc(f.deadline_after) <= isoToUtc(f.deadline_before)) return [];
  const message = `${names.after} ${f.deadline_after} is later than ${names.before} ${f.deadline_before}: swap them or drop one`;
  return [
    { path: 'deadline_after', message },
    { path: 'deadline_before', message },
  ];
}

/**
 * Throw VALIDATION (400, exit 2) naming both fields for an inverted deadline window.
 *
 * @example
 * assertFilterWindow(req); // throws for deadline_after 2026-06-01, deadline_before 2026-01-01
 */
export function assertFilterWindow(f: Partial<CallFilters>, names?: { after: string; before: string }): void {
  const fields = filterWindowIssues(f, names);
  if (fields[0]) throw createError('VALIDATION', fields[0].message, { fields });
}

type FilterKey = 'publisher' | 'venue' | 'deadline_after' | 'deadline_before' | 'open_only';
const fold = (s: string): string => s.trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * Whether any filter is set.
 *
 * @example
 * hasFilters({ open_only: false }) // false
 */
export function hasFilters(f: Partial<CallFilters>): boolean {
  return activeKeys(f).length > 0;
}

function activeKeys(f: Partial<CallFilters>): FilterKey[] {
  const keys: FilterKey[] = [];
  if (f.publisher?.length) keys.push('publisher');
  if (f.venue?.length) keys.push('venue');
  if (f.deadline_after) keys.push('deadline_after');
  if (f.deadline_before) keys.push('deadline_before');
  if (f.open_only) keys.push('open_only');
  return keys;
}

function without(f: Partial<CallFilters>, keys: readonly FilterKey[]): Partial<CallFilters> {
  const out: Partial<CallFilters> = { ...f };
  for (const k of keys) delete out[k];
  return out;
}

/**
 * Whether a call passes the filters, given its deadline status on the ranking's day.
 * A deadline window leaves out calls whose deadline is unknown.
 *
 * @example
 * matchesFilters(call, deadlineStatus(call, '2025-01-10'), { publisher: ['IEEE'], open_only: true })
 */
export function matchesFilters(call: Call, deadline: { readonly state: string }, f: Partial<CallFilters>): boolean {
  return failures(keysOf(call), deadline.state, f, wanted(f)) === 0;
}

const BIT: Record<FilterKey, number> = { publisher: 1, venue: 2, deadline_after: 4, deadline_before: 8, open_only: 16 };

interface CallKeys {
  publisher: string | undefined;
  venue: string | undefined;
  deadline: number | undefined;
}

// Per call, computed once: the folded facet values, the deadline as a number and the last
// deadline status (keyed by its day). Calls are replaced, never mutated, so a WeakMap keyed by
// the object stays right and frees itself.
interface CallCache extends CallKeys {
  asOf?: string;
  status?: DeadlineStatus;
}
const cache = new WeakMap<Call, CallCache>();

function keysOf(call: Call): CallCache {
  let k = cache.get(call);
  if (!k) {
    const d = call.dates.submission_deadline;
    k = { publisher: call.publisher ? fold(call.publisher) : undefined, venue: call.venue ? fold(call.venue) : undefined, deadline: d ? isoToUtc(d) : undefined };
    cache.set(call, k);
  }
  return k;
}

function cached(call: Call, asOf: IsoDate): { keys: CallKeys; state: string; status: DeadlineStatus } {
  const k = keysOf(call);
  if (k.asOf !== asOf || !k.status) {
    k.status = deadlineStatus(call, asOf);
    k.asOf = asOf;
  }
  return { keys: k, state: k.status.state, status: k.status };
}

/** The bits of the filters a call fails (0: it passes them all). One pass over the calls gives every count from these. */
function failures(k: CallKeys, state: string, f: Partial<CallFilters>, want: Wanted): number {
  let m = 0;
  if (f.open_only && isClosedState(state)) m |= BIT.open_only;
  if (want.publisher && !(k.publisher !== undefined && want.publisher.has(k.publisher))) m |= BIT.publisher;
  if (want.venue && !(k.venue !== undefined && want.venue.has(k.venue))) m |= BIT.venue;
  if (want.after !== undefined && (k.deadline === undefined || k.deadline < want.after)) m |= BIT.deadline_after;
  if (want.before !== undefined && (k.deadline === undefined || k.deadline > want.before)) m |= BIT.deadline_before;
  return m;
}

type Wanted = { publisher?: Set<string>; venue?: Set<string>; after?: number; before?: number };

function wanted(f: Partial<CallFilters>): Wanted {
  return {
    ...(f.publisher?.length ? { publisher: new Set(f.publisher.map(fold)) } : {}),
    ...(f.venue?.length ? { venue: new Set(f.venue.map(fold)) } : {}),
    ...(f.deadline_after ? { after: isoToUtc(f.deadline_after) } : {}),
    ...(f.deadline_before ? { before: isoToUtc(f.deadline_before) } : {}),
  };
}

/**
 * `matchesFilters` for many calls on one day: the names folded once, and each call's folded values
 * and deadline status read from the per-call cache the counts fill. Gives the deadline status of a
 * call that passes, undefined for one that does not.
 *
 * @example
 * const passes = filterPredicate({ publisher: ['IEEE'] }, '2025-01-10');
 * calls.filter((c) => passes(c) !== undefined)
 */
export function filterPredicate(f: Partial<CallFilters>, asOf: IsoDate): (call: Call) => DeadlineStatus | undefined {
  const want = wanted(f);
  return (call) => {
    const { keys, state, status } = cached(call, asOf);
    return failures(keys, state, f, want) === 0 ? status : undefined;
  };
}

/** Counts of raw values merged by spelling (case, spaces), most first; distinct values are few. */
function mergeSpellings(raw: ReadonlyMap<string, number>): Array<{ value: string; count: number }> {
  const counts = new Map<string, { value: string; count: number }>();
  for (const [v, n] of raw) {
    const k = fold(v);
    const e = counts.get(k);
    if (e) e.count += n;
    else counts.set(k, { value: v.trim(), count: n });
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

/**
 * Counts for each filter choice (each facet counted with the other filters kept, as faceted search
 * does), the number of calls that pass, and for an empty result (`shown` 0) why and what to drop.
 * One pass over the calls (their folded values and deadline status are cached per call object).
 *
 * @example
 * const s = summarizeFilters(matcher.listCalls(), { open_only: true }, '2025-01-10', 0);
 * s.empty?.reason // 'No open call matches; 1 closed call does.'
 */
export function summarizeFilters(calls: readonly Call[], f: Partial<CallFilters>, asOf: IsoDate, shown: number): FilterSummary {
  const want = wanted(f);
  const masks = new Uint8Array(calls.length);
  // One loop: each call's failed filters, and the facet counts (raw values; spellings merged after).
  const raw = { publisher: new Map<string, number>(), venue: new Map<string, number>(), deadline: new Map<string, number>() };
  const add = (m: Map<string, number>, v: string | undefined) => {
    if (v) m.set(v, (m.get(v) ?? 0) + 1);
  };
  let matched = 0;
  for (let i = 0; i < calls.length; i++) {
    const call = calls[i] as Call;
    const { keys, state } = cached(call, asOf);
    const m = failures(keys, state, f, want);
    masks[i] = m;
    if (m === 0) matched++;
    if ((m & ~BIT.publisher) === 0) add(raw.publisher, call.publisher);
    if ((m & ~BIT.venue) === 0) add(raw.venue, call.venue);
    if ((m & ~BIT.open_only) === 0) add(raw.deadline, state);
  }
  // Calls that pass every filter except those in the removed ones (for the empty state's ways out).
  const count = (g: Partial<CallFilters>) => {
    const ignore = activeKeys(f).filter((k) => !activeKeys(g).includes(k)).reduce((acc, k) => acc | BIT[k], 0);
    let n = 0;
    for (const m of masks) if ((m & ~ignore) === 0) n++;
    return n;
  };
  const summary: FilterSummary = {
    matched,
    total: calls.length,
    facets: { publisher: mergeSpellings(raw.publisher), venue: mergeSpellings(raw.venue), deadline: mergeSpellings(raw.deadline) },
  };
  if (shown === 0) summary.empty = explainEmpty(f, calls.length, matched, count);
  return summary;
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

function describe(f: Partial<CallFilters>): string {
  const parts: string[] = [];
  if (f.publisher?.length) parts.push(`publisher ${f.publisher.map((p) => `"${p}"`).join(' or ')}`);
  if (f.venue?.length) parts.push(`venue ${f.venue.map((v) => `"${v}"`).join(' or ')}`);
  if (f.deadline_after || f.deadline_before) parts.push(`deadline ${f.deadline_after ? `from ${f.deadline_after}` : ''}${f.deadline_after && f.deadline_before ? ' ' : ''}${f.deadline_before ? `until ${f.deadline_before}` : ''}`);
  if (f.open_only) parts.push('open only');
  return parts.join(', ');
}

/**
 * Why nothing is shown, and each filter whose removal would show something (most calls first).
 *
 * @example
 * explainEmpty({ open_only: true }, 3, 0, () => 3).reason // 'No open call matches; 3 closed calls do.'
 */
export function explainEmpty(f: Partial<CallFilters>, total: number, matched: number, count: (g: Partial<CallFilters>) => number): EmptyExplanation {
  if (total === 0) return { reason: 'There are no calls to match against yet.', hint: 'Add calls (POST /v1/calls, or cfpmatch calls add) and try again.', relax: [] };
  const keys = activeKeys(f);
  if (matched > 0 || keys.length === 0) {
    return { reason: `None of the calls closest to the draft pass the filters (${plural(matched, 'call')} pass them).`, hint: 'Widen the filters, or add keywords to the draft.', relax: [] };
  }
  const window = keys.filter((k) => k === 'deadline_after' || k === 'deadline_before');
  const options: Array<{ remove: FilterKey[]; label: (n: number) => string }> = [];
  if (f.open_only) options.push({ remove: ['open_only'], label: (n) => `show the ${plural(n, 'closed call')}` });
  if (f.publisher?.length) options.push({ remove: ['publisher'], label: (n) => `any publisher (${plural(n, 'call')})` });
  if (f.venue?.length) options.push({ remove: ['venue'], label: (n) => `any venue (${plural(n, 'call')})` });
  if (window.length) options.push({ remove: window, label: (n) => `any deadline (${plural(n, 'call')})` });
  if (keys.length > 1) options.push({ remove: keys, label: (n) => `clear all filters (${plural(n, 'call')})` });
  const relax = options
    .map((o) => {
      const matches = count(without(f, o.remove));
      return { remove: o.remove, matches, label: o.label(matches) };
    })
    .filter((r) => r.matches > 0)
    .sort((a, b) => a.remove.length - b.remove.length || b.matches - a.matches)
    // Removing more filters shows a superset, so the same count is the same calls: keep the smaller removal only.
    .filter((r, i, all) => !all.slice(0, i).some((k) => k.matches === r.matches && k.remove.every((x) => r.remove.includes(x))));
  const closedOnly = relax.find((r) => r.remove.length === 1 && r.remove[0] === 'open_only');
  if (closedOnly) {
    const n = closedOnly.matches;
    // The closed calls first: they are what the other filters asked for.
    return { reason: `No open call matches; ${plural(n, 'closed call')} ${n === 1 ? 'does' : 'do'}.`, hint: 'Show them to see how the draft fits, or widen the other filters.', relax: [closedOnly, ...relax.filter((r) => r !== closedOnly)] };
  }
  return {
    reason: `No call matches all the filters (${describe(f)}).`,
    hint: relax.length ? 'Drop a filter to see calls.' : 'No call matches even without the filters.',
    relax,
  };
}
