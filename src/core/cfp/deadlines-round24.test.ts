import { describe, expect, it } from 'vitest';
import { deadlineOf } from '../../../tests/fixtures/cfp-deadline.js';


describe('round 24: deadlines', () => {
  it('reads "send in your submissions by <date>" (submissions, not only submit)', () => {
    expect(deadlineOf('Please send in your submissions by September 26, 2017 in accordance with the guidelines below:')).toBe('2017-09-26');
  });

  it('reads the French "Articles à envoyer avant le <date>" after a proposals\' date', () => {
    expect(deadlineOf('Propositions à envoyer avant le 11 novembre 2024  |  Articles à envoyer avant le 20 janvier 2025  |  Date de publication : mai 2025')).toBe('2025-01-20');
  });

  it('reads the full submission\'s date in a sentence that opens with the abstracts\'', () => {
    expect(deadlineOf('Abstracts are due by April 1, 2020; authors will be notified by April 15, 2020 regarding invitations for a full submission (due August 1, 2020).')).toBe('2020-08-01');
    // Abstracts alone are still no paper deadline.
    expect(deadlineOf('Abstracts are due by April 1, 2020.')).toBeUndefined();
  });

  it('reads the Portuguese label "Encaminhamento de trabalhos"', () => {
    expect(deadlineOf('    Encaminhamento de trabalhos prorrogado até: 06 de outubro de 2024')).toBe('2024-10-06');
  });
});
