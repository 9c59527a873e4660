import { describe, expect, it } from 'vitest';
import type { FilterSummary } from '../../core/schema.js';
import { openCount, openLabel } from './filters.js';

const summary = (deadline: FilterSummary['facets']['deadline']): FilterSummary => ({
  matched: 10,
  total: 10,
  facets: { publisher: [], venue: [], deadline },
});

describe('openLabel', () => {
  it('counts calls without a stated deadline apart: the filter keeps them, they are not known to be open', () => {
    const s = summary([
      { value: 'open', count: 4 },
      { value: 'closing_soon', count: 1 },
      { value: 'unknown', count: 3 },
      { value: 'closed', count: 2 },
    ]);
    expect(openCount(s)).toBe(8);
    expect(openLabel(s)).toBe('Hide closed calls (8 of 10 left, 3 of them without a stated deadline)');
  });

  it('says nothing about undated calls when there are none', () => {
    expect(openLabel(summary([{ value: 'open', count: 7 }, { value: 'withdrawn', count: 3 }]))).toBe('Hide closed calls (7 of 10 left)');
  });
});
