import { describe, expect, it } from 'vitest';
import { CLOSING_SOON_DAYS, deadlineStatus, isOpenState, isoToUtc } from '../../src/core/rank/deadline.js';
import { checkRequirements } from '../../src/core/rank/requirements.js';
import { Call, Draft } from '../../src/core/schema.js';

const call = Call.parse({ id: 'c', title: 'T', dates: { submission_deadline: '2025-09-01' }, rules: { abstract_max_words: 5, keywords_min: 3, keywords_max: 4 } });

describe('deadlineStatus', () => {
  it('is open, closing soon in the last CLOSING_SOON_DAYS up to and including the deadline day, closed after', () => {
    expect(CLOSING_SOON_DAYS).toBe(14);
    expect(deadlineStatus(call, '2025-08-17')).toEqual({ state: 'open', deadline: '2025-09-01', days_left: 15 });
    expect(deadlineStatus(call, '2025-08-18')).toEqual({ state: 'closing_soon', deadline: '2025-09-01', days_left: 14 });
    expect(deadlineStatus(call, '2025-09-01')).toEqual({ state: 'closing_soon', deadline: '2025-09-01', days_left: 0 });
    expect(deadlineStatus(call, '2025-09-02')).toEqual({ state: 'closed', deadline: '2025-09-01', days_left: -1 });
  });
  it('is withdrawn when the catalogue withdrew the call, whatever the deadline', () => {
    const gone = Call.parse({ ...call, status: 'withdrawn' });
    expect(deadlineStatus(gone, '2025-08-01')).toEqual({ state: 'withdrawn', deadline: '2025-09-01', days_left: 31 });
    expect(deadlineStatus(Call.parse({ id: 'w', title: 'T', status: 'withdrawn' }), '2025-08-01')).toEqual({ state: 'withdrawn' });
  });
  it('counts open and closing soon as open states', () => {
    expect(['open', 'closing_soon', 'closed', 'withdrawn', 'unknown'].filter((s) => isOpenState(s as 'open'))).toEqual(['open', 'closing_soon']);
  });
  it('is unknown without a deadline', () => {
    expect(deadlineStatus(Call.parse({ id: 'x', title: 'T' }), '2025-01-01')).toEqual({ state: 'unknown' });
  });
  it('reads a month-only date as the end of that month', () => {
    expect(isoToUtc('2026-02')).toBe(Date.UTC(2026, 1, 28));
  });
});

describe('checkRequirements', () => {
  it('flags an abstract over the word limit and too few keywords', () => {
    const checks = checkRequirements(call, Draft.parse({ title: '', abstract: 'one two three four five six', keywords: ['a', 'b'] }));
    expect(checks.map((c) => [c.rule, c.ok, c.actual])).toEqual([
      ['abstract_max_words', false, 6],
      ['keywords_min', false, 2],
      ['keywords_max', true, 2],
    ]);
    expect(checks.map((c) => c.message)).toEqual([
      'cut 1 word from the abstract (limit 5; it has 6)',
      'add 1 keyword (the call asks for at least 3; you have 2)',
      '2 keywords (maximum 4)',
    ]);
  });
  it('says what to change, in the right number, for every failed rule', () => {
    const strict = Call.parse({ id: 's', title: 'T', rules: { abstract_min_words: 10, keywords_min: 3, keywords_max: 1 } });
    const one = checkRequirements(strict, Draft.parse({ abstract: 'one two', keywords: ['a'] }));
    expect(one.map((c) => c.message)).toEqual([
      'add 8 words to the abstract (minimum 10; it has 2)',
      'add 2 keywords (the call asks for at least 3; you have 1)',
      '1 keyword (maximum 1)',
    ]);
    const many = checkRequirements(strict, Draft.parse({ abstract: 'one', keywords: ['a', 'b', 'c'] }));
    expect(many[2]?.message).toBe('remove 2 keywords (the call allows at most 1; you have 3)');
    expect(many[0]?.message).toBe('add 9 words to the abstract (minimum 10; it has 1)');
  });
  it('produces no checks for a call without rules', () => {
    expect(checkRequirements(Call.parse({ id: 'x', title: 'T' }), Draft.parse({ abstract: 'a' }))).toEqual([]);
  });
});
