import { describe, expect, it } from 'vitest';
import { parseCfp } from './parse.js';
import { cleanTitle } from './title-parts.js';
import { titleCandidates } from './title-candidates.js';
import { toLines } from './lines.js';

const candidates = (text: string) => {
  const lines = toLines(text);
  return titleCandidates({ lines, prose: '', tried: [], plain: text }).map((c) => c.text);
};

describe('round 23: titles', () => {
  it('keeps the closing quote of a title that ends on a quoted word, and strips quotes around a whole title', () => {
    expect(cleanTitle('Islam and the Category of “Religion”')).toBe('Islam and the Category of “Religion”');
    expect(cleanTitle('Revue : « Les sols : regards croisés »')).toBe('Revue : « Les sols : regards croisés »');
    expect(cleanTitle('“Soil Care”')).toBe('Soil Care');
  });

  it('offers the name before an issue number in brackets and a deadline after it', () => {
    expect(candidates('Call for Submissions: Special Issue on Soil Ahead: Addressing Soil Loss [Issue 14.1]: Last date to submit March 15, 2022\n\nWe invite papers.'))
      .toContain('Soil Ahead: Addressing Soil Loss');
  });

  it('offers the quoted name before "Special Issue" and the name after "Focus Series on"', () => {
    expect(candidates('Call for Submissions: "Soil" Special Issue (Soil Press)\n\nWe invite papers.')).toContain('Soil');
    expect(candidates('Focus Series on Challenges in Soil Matter\n\nWe invite papers.')).toContain('Challenges in Soil Matter');
  });

  it('offers a name quoted after "intitulé :" (French), the colon between', () => {
    expect(candidates('AàC pour un n° de la revue Sols France intitulé : « Politique(s) des sols dans le monde francophone ».\n\nLes articles de ce numéro porteront sur les sols.'))
      .toContain('Politique(s) des sols dans le monde francophone');
  });

  it('reads "Publication Opportunity" as furniture beside the name', () => {
    const call = parseCfp('Publication Opportunity: Soil and the Category of “Care”\n\nDr. Ann Lee has announced that the Soil Journal is seeking articles for a guest edited issue.\n\nWe are seeking papers on soil and care for the Summer 2019 issue.');
    expect(call.title).toBe('Soil and the Category of “Care”');
  });
});
