import { describe, expect, it } from 'vitest';
import { Call } from '../schema.js';
import { deadlineStatus } from './deadline.js';
import { assertFilterWindow, explainEmpty, filterWindowIssues, isClosedState, matchesFilters, summarizeFilters } from './filters.js';

const call = (id: string, publisher: string | undefined, deadline: string | undefined) =>
  Call.parse({ id, title: id, ...(publisher ? { publisher } : {}), dates: deadline ? { submission_deadline: deadline } : {} });
const CALLS = [call('a', 'IEEE', '2025-03-01'), call('b', 'Elsevier', '2024-12-01'), call('c', 'ieee', undefined), call('d', 'MDPI', '2025-06')];
const AS_OF = '2025-01-10';

describe('call filters', () => {
  it('keeps open, unknown and any state it does not know; drops closed and withdrawn for open only', () => {
    expect(['open', 'unknown', 'closing_soon', 'some_future_state'].map(isClosedState)).toEqual([false, false, false, false]);
    expect(['closed', 'withdrawn'].map(isClosedState)).toEqual([true, true]);
    const c = CALLS[0] as Call;
    expect(matchesFilters(c, { state: 'withdrawn' }, { open_only: true })).toBe(false);
    expect(matchesFilters(c, { state: 'closing_soon' }, { open_only: true })).toBe(true);
  });

  it('matches publishers case-insensitively and reads a month-only deadline as its last day', () => {
    const keep = (f: Parameters<typeof matchesFilters>[2]) => CALLS.filter((c) => matchesFilters(c, deadlineStatus(c, AS_OF), f)).map((c) => c.id);
    expect(keep({ publisher: ['IEEE'] })).toEqual(['a', 'c']);
    expect(keep({ deadline_after: '2025-06-30' })).toEqual(['d']);
    expect(keep({ deadline_before: '2025-03-01' })).toEqual(['a', 'b']);
    expect(keep({ open_only: true, publisher: ['Elsevier'] })).toEqual([]);
  });

  it('counts each facet with the other filters kept', () => {
    const s = summarizeFilters(CALLS, { open_only: true }, AS_OF, 1);
    expect(s.matched).toBe(3);
    expect(s.facets.publisher).toEqual([{ value: 'IEEE', count: 2 }, { value: 'MDPI', count: 1 }]);
    expect(s.facets.deadline).toEqual([{ value: 'open', count: 2 }, { value: 'closed', count: 1 }, { value: 'unknown', count: 1 }]);
    expect(s.empty).toBeUndefined();
  });

  it('explains an empty result: no calls at all, closed only, or which filter to drop', () => {
    expect(explainEmpty({}, 0, 0, () => 0).reason).toBe('There are no calls to match against yet.');
    const closed = summarizeFilters(CALLS, { open_only: true, publisher: ['Elsevier'] }, AS_OF, 0).empty;
    expect(closed?.reason).toBe('No open call matches; 1 closed call does.');
    const none = summarizeFilters(CALLS, { publisher: ['Springer'] }, AS_OF, 0).empty;
    expect(none?.reason).toBe('No call matches all the filters (publisher "Springer").');
    expect(none?.relax).toEqual([{ remove: ['publisher'], matches: 4, label: 'any publisher (4 calls)' }]);
  });
  it('offers no way out that shows the same calls as a smaller one (any deadline = clear all filters)', () => {
    const window = summarizeFilters(CALLS, { deadline_after: '2030-01-01', deadline_before: '2030-12-31' }, AS_OF, 0).empty;
    expect(window?.relax.map((r) => r.label)).toEqual(['any deadline (4 calls)']);
    // Different results stay: dropping the deadline shows 1 call, clearing everything shows 4.
    const two = summarizeFilters(CALLS, { publisher: ['MDPI'], deadline_before: '2024-01-01' }, AS_OF, 0).empty;
    expect(two?.relax.map((r) => r.label)).toEqual(['any deadline (1 call)', 'clear all filters (4 calls)']);
  });
  it('names both ends of an inverted deadline window, in the words the user typed', () => {
    expect(filterWindowIssues({ deadline_after: '2025-01-01', deadline_before: '2025-01-01' })).toEqual([]);
    const issues = filterWindowIssues({ deadline_after: '2026-06-01', deadline_before: '2026-01-01' });
    expect(issues.map((i) => i.path)).toEqual(['deadline_after', 'deadline_before']);
    expect(issues[0]?.message).toBe('deadline_after 2026-06-01 is later than deadline_before 2026-01-01: swap them or drop one');
    expect(() => assertFilterWindow({ deadline_after: '2026-06', deadline_before: '2026-05-31' }, { after: '--deadline-after', before: '--deadline-before' })).toThrow(
      '--deadline-after 2026-06 is later than --deadline-before 2026-05-31: swap them or drop one',
    );
  });
});
