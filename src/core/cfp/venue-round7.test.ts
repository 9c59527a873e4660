import { describe, expect, it } from 'vitest';
import { journalDescribed } from './venue-prose.js';
import { parseCfp } from './parse.js';
import { journalOfMasthead } from './venue-masthead.js';

describe('venues named as round 6\'s unseen calls name them', () => {
  it('reads "X, a leading peer-reviewed journal in ..." as the journal', () => {
    expect(journalDescribed('Soilence, a leading peer-reviewed journal in the study of soils, seeks submissions.')).toBe('Soilence');
  });

  it('drops the journal\'s acronym after its name, whichever reader found it', () => {
    const call = parseCfp('Special Issue on Soil Carbon\n\nThe Journal of Soil Education (JSE) invites papers on soil carbon teaching.');
    expect(call.venue).toBe('Journal of Soil Education');
  });
});

describe('journalOfMasthead', () => {
  it.each([
    ['Soils Special Issue Now Accepting Manuscript Submissions', 'Soils'],
    ['Special Issue in the journal “Frontiers in Soil Science”, October 2023.', 'Frontiers in Soil Science'],
    ['and will appear in the Brazilian journal “Soilos: Communication, Culture and Soil.”', 'Soilos: Communication, Culture and Soil'],
    ['Call for submissions:\nSoil Matters 3.1 (May 2017)\n', 'Soil Matters'],
  ])('reads the journal from %s', (text, venue) => {
    expect(journalOfMasthead(text)).toBe(venue);
  });

  it('finds none in prose', () => {
    expect(journalOfMasthead('We invite papers on soil carbon, due 3 May 2017.')).toBeUndefined();
  });
});
