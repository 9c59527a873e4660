import { describe, expect, it } from 'vitest';
import { deadlineStatus, isoToUtc } from '../../src/core/rank/deadline.js';
import { checkRequirements } from '../../src/core/rank/requirements.js';
import { Call, Draft } from '../../src/core/schema.js';

const call = Call.parse({ id: 'c', title: 'T', dates: { submission_deadline: '2025-09-01' }, rules: { abstract_max_words: 5, keywords_min: 3, keywords_max: 4 } });

describe('deadlineStatus', () => {
  it('is open with days left up to and including the deadline day, closed after', () => {
    expect(deadlineStatus(call, '2025-08-30')).toEqual({ state: 'open', deadline: '2025-09-01', days_left: 2 });
    expect(deadlineStatus(call, '2025-09-01')).toEqual({ state: 'open', deadline: '2025-09-01', days_left: 0 });
    expect(deadlineStatus(call, '2025-09-02')).toEqual({ state: 'closed', deadline: '2025-09-01', days_left: -1 });
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
    expect(checks[0]?.message).toMatch(/over the call's limit of 5/);
  });
  it('produces no checks for a call without rules', () => {
    expect(checkRequirements(Call.parse({ id: 'x', title: 'T' }), Draft.parse({ abstract: 'a' }))).toEqual([]);
  });
});
