import { describe, expect, it } from 'vitest';
import { journalDescribed } from './venue-prose.js';
import { parseCfp } from './parse.js';

describe('venues named as round 6\'s unseen calls name them', () => {
  it('reads "X, a leading peer-reviewed journal in ..." as the journal', () => {
    expect(journalDescribed('Soilence, a leading peer-reviewed journal in the study of soils, seeks submissions.')).toBe('Soilence');
  });

  it('drops the journal\'s acronym after its name, whichever reader found it', () => {
    const call = parseCfp('Special Issue on Soil Carbon\n\nThe Journal of Soil Education (JSE) invites papers on soil carbon teaching.');
    expect(call.venue).toBe('Journal of Soil Education');
  });
});
