import { describe, expect, it } from 'vitest';
import { furnitureCuts, isSideFurniture } from './title-sides.js';
import { titleSides as sidesOf } from './title-sides.js';

const titleSides = (text: string, others: readonly string[], venues: readonly string[]) => sidesOf(text, furnitureCuts(others, venues), venues);

describe('title sides', () => {
  it('reads labels, statuses, announcement words and the journal as furniture beside a title', () => {
    for (const s of ['CLOSED', 'title', 'Annual Symposium', 'Call for Papers', 'Special Issue']) expect(isSideFurniture(s, []), s).toBe(true);
    expect(isSideFurniture('Geographical Research', ['Geographical Research'])).toBe(true);
    expect(isSideFurniture('Mutation Testing', [])).toBe(false);
    expect(isSideFurniture('Taking Stock and New Directions', [])).toBe(false);
  });

  it('marks a candidate that carries furniture on one side, and the candidate that leaves it out', () => {
    const whole = 'CLOSED—50 Years of Software Engineering';
    expect(titleSides(whole, [whole, '50 Years of Software Engineering'], [])).toEqual({ carries: true, cut: false });
    expect(titleSides('50 Years of Software Engineering', [whole], [])).toEqual({ carries: false, cut: true });
    expect(titleSides('The geographical research implications of COVID-19', ['The geographical research implications of COVID-19 – Geographical Research'], ['Geographical Research']).cut).toBe(true);
    expect(titleSides('improving population mental health', ['the theme of improving population mental health'], []).cut).toBe(true);
    expect(titleSides('the impact of COVID-19 on cancer care', ['Call for papers on the impact of COVID-19 on cancer care'], []).cut).toBe(true);
  });

  it('marks nothing when both sides name something, as a title with its subtitle does', () => {
    const whole = 'Entrepreneurship as an Academic Field: Taking Stock and New Directions';
    expect(titleSides(whole, [whole], [])).toEqual({ carries: false, cut: false });
    expect(titleSides('Taking Stock and New Directions', [whole], [])).toEqual({ carries: false, cut: false });
    // A schedule's label before its date is no title with furniture beside it.
    expect(titleSides('Initial Decision Notification', ['Initial Decision Notification: 15 March 2025'], [])).toEqual({ carries: false, cut: false });
  });
});
