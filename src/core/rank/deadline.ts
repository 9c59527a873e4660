import type { Call, DeadlineStatus, IsoDate } from '../schema.js';

const DAY = 86_400_000;

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
 * Deadline status of a call on a given day. The deadline day itself is open.
 *
 * @example
 * deadlineStatus(call, '2025-08-30') // { state: 'open', deadline: '2025-09-01', days_left: 2 }
 */
export function deadlineStatus(call: Call, asOf: IsoDate): DeadlineStatus {
  const deadline = call.dates.submission_deadline;
  if (!deadline) return { state: 'unknown' };
  const days = Math.round((isoToUtc(deadline) - isoToUtc(asOf)) / DAY);
  return days >= 0 ? { state: 'open', deadline, days_left: days } : { state: 'closed', deadline, days_left: days };
}
