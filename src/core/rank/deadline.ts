import type { Call, DeadlineStatus, IsoDate } from '../schema.js';

const DAY = 86_400_000;

/**
 * A call whose deadline is at most this many days away is `closing_soon` (still open).
 * Two weeks: long enough to finish and submit a paper that is nearly ready, short enough
 * that most open calls are plain `open` (docs/catalogue.md, "Lifecycle").
 */
export const CLOSING_SOON_DAYS = 14;

/** Today as YYYY-MM-DD (UTC). */
export function todayIso(now: Date = new Date()): IsoDate {
  return now.toISOString().slice(0, 10);
}

/** A month-only date (`2026-03`) is read as the last day of that month. */
export function isoToUtc(date: IsoDate): number {
  const [y, m, d] = date.split('-').map(Number);
  if (d === undefined) return Date.UTC(y ?? 1970, m ?? 1, 0);
  return Date.UTC(y ?? 1970, (m ?? 1) - 1, d);
}

/**
 * Lifecycle state of a call on a given day: `withdrawn` when its sources dropped it, else from the
 * deadline: `open`, `closing_soon` (open, at most {@link CLOSING_SOON_DAYS} left), `closed`, or
 * `unknown` without a deadline. The deadline day itself is open.
 *
 * @example
 * deadlineStatus(call, '2025-07-01') // { state: 'open', deadline: '2025-09-01', days_left: 62 }
 * deadlineStatus(call, '2025-08-30') // { state: 'closing_soon', deadline: '2025-09-01', days_left: 2 }
 */
export function deadlineStatus(call: Call, asOf: IsoDate): DeadlineStatus {
  const deadline = call.dates.submission_deadline;
  const days = deadline === undefined ? undefined : Math.round((isoToUtc(deadline) - isoToUtc(asOf)) / DAY);
  const dated = deadline === undefined || days === undefined ? {} : { deadline, days_left: days };
  if (call.status === 'withdrawn') return { state: 'withdrawn', ...dated };
  if (days === undefined) return { state: 'unknown' };
  const state = days < 0 ? 'closed' : days <= CLOSING_SOON_DAYS ? 'closing_soon' : 'open';
  return { state, ...dated };
}

/**
 * Whether a state still takes submissions (`open` or `closing_soon`); what `open_only` keeps
 * besides calls without a known deadline.
 *
 * @example
 * isOpenState('closing_soon') // true
 */
export function isOpenState(state: DeadlineStatus['state']): boolean {
  return state === 'open' || state === 'closing_soon';
}
