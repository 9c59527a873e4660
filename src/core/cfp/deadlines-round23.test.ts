import { describe, expect, it } from 'vitest';
import { deadlineOf } from '../../../tests/fixtures/cfp-deadline.js';
import { parseDate } from './dates.js';


describe('round 23: deadlines', () => {
  it('reads "by the end of <year>" as the year\'s last day, and "the end of the year" as no date', () => {
    expect(parseDate('by the end of 2021')).toBe('2021-12-31');
    expect(deadlineOf('We expect contributions to be submitted by the end of 2021. Please contact the editors.')).toBe('2021-12-31');
    expect(deadlineOf('We expect contributions to be submitted by the end of the year.')).toBeUndefined();
  });

  it('does not end a sentence after an abbreviated month', () => {
    expect(deadlineOf('Read the call for our 2024 issue on "Soil and Song" (deadline Dec. 1, 2023) on the journal site.')).toBe('2023-12-01');
  });

  it('reads "Submissions until <date>" with no verb of submitting', () => {
    expect(deadlineOf('Submissions until September 30, 2020')).toBe('2020-09-30');
    expect(deadlineOf('Manuscripts are accepted until 15 May 2025.')).toBe('2025-05-15');
    // Papers published until a year are no deadline.
    expect(deadlineOf('The journal has published papers until 2020 on this.')).toBeUndefined();
  });

  it('reads Portuguese "até (o dia)" and Spanish "hasta el" before a date', () => {
    expect(deadlineOf('Os artigos devem ser enviados à Comissão Editorial até o dia 15 de março de 2026 por meio eletrônico.')).toBe('2026-03-15');
    expect(deadlineOf('Los artículos se recibirán hasta el 15 de marzo de 2026 en la plataforma.')).toBe('2026-03-15');
  });

  it('reads "Last date to submit <date>" at the end of a long header line', () => {
    expect(deadlineOf('Call for Submissions for students- Soil, Law and Development’s Special Issue on Looking Ahead: Addressing the Challenges Faced by the Soil Regime [Issue 14.1]: Last date to submit March 15, 2022')).toBe('2022-03-15');
  });

  it('reads the French label "Date de remise des articles"', () => {
    expect(deadlineOf('  • Date de remise des articles : 31 juillet 2020')).toBe('2020-07-31');
  });
});
