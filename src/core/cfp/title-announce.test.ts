import { describe, expect, it } from 'vitest';
import { announcementOnly, fieldTitle } from './title-announce.js';

describe('round 5: titles that carry their announcement', () => {
  it('strips hashtag and other announcement prefixes, the journal around the title, and trailing issue words', () => {
    expect(fieldTitle('#CFP: Special Issue of Soil Letters: Carbon Markets')).toEqual({ title: 'Carbon Markets', venue: 'Soil Letters' });
    expect(fieldTitle('Call for Abstracts: Special Issue of the Journal of Soil Science, "Carbon Markets"')).toEqual({ title: 'Carbon Markets', venue: 'Journal of Soil Science' });
    expect(fieldTitle('CFP: Special Issue of Soil Letters (Carbon Markets in Africa)')).toEqual({ title: 'Carbon Markets in Africa', venue: 'Soil Letters' });
    expect(fieldTitle('#CFP: Soil Carbon (1906-1995) Special Issue')).toEqual({ title: 'Soil Carbon (1906-1995)' });
    expect(fieldTitle('Soil Carbon Markets')).toEqual({ title: 'Soil Carbon Markets' });
  });

  it('knows a title that is only announcement words and the journal', () => {
    expect(announcementOnly('Call for papers for a special issue of Soil Letters', [])).toBe(true);
    expect(announcementOnly('Soil Letters Call for Papers', ['Soil Letters'])).toBe(true);
    expect(announcementOnly('2024 Special Issue for Soil Letters', ['Soil Letters'])).toBe(true);
    expect(announcementOnly('SL Call for papers for the', ['December'])).toBe(true);
    expect(announcementOnly('SL Call for papers for the special issue of December 2020', [])).toBe(true);
    expect(announcementOnly('Special Topic', [])).toBe(true);
    expect(announcementOnly('Soil Carbon Special Issue', ['Soil Letters'])).toBe(false);
    expect(announcementOnly('Special Issue in Honor of Jane Smith', [])).toBe(false);
    expect(announcementOnly('Carbon Markets', ['Soil Letters'])).toBe(false);
  });
});
