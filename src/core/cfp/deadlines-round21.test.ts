import { describe, expect, it } from 'vitest';
import { deadlineOf } from '../../../tests/fixtures/cfp-deadline.js';
import { parseDate } from './dates.js';


describe('round 21: deadlines', () => {
  it('reads a two-digit year after an apostrophe as this century\'s, never a guessed year', () => {
    expect(parseDate("Feb. 15, '23")).toBe('2023-02-15');
    expect(parseDate('15 March ’24')).toBe('2024-03-15');
    expect(deadlineOf("Deadline Extended - CFS: Fwd: Soil Notes - Feb. 15, '23\n\nWe invite essays on soil.")).toBe('2023-02-15');
  });

  it('reads "the end of <month> <year>" as the month\'s last day', () => {
    expect(parseDate('by the end of February, 2024')).toBe('2024-02-29');
    expect(deadlineOf('Papers should be submitted by the end of December, 2024 through the journal site.')).toBe('2024-12-31');
  });

  it('reads "Call ends <date>" in a header line', () => {
    expect(deadlineOf('Call for Papers | “Soil Matters”, Special Section of Soil Review | Call ends November 30, 2024')).toBe('2024-11-30');
  });

  it('reads the Italian and French "by" of a submission sentence', () => {
    expect(deadlineOf('I contributi dovranno pervenire alla redazione entro il 15/09/2025 tramite il sito della rivista.')).toBe('2025-09-15');
    expect(deadlineOf('Les articles seront envoyés au plus tard le 30 septembre 2025 à la rédaction.')).toBe('2025-09-30');
  });

  it('takes the "for full papers" row of a deadline list, not the abstracts\' row above it', () => {
    expect(deadlineOf('Deadlines\n\n  • for submitting abstracts: 1 May 2019\n  • for full papers: 1 September 2019\n')).toBe('2019-09-01');
  });
});
