import { describe, expect, it } from 'vitest';
import { withoutVenueTail } from './title-venue.js';
import { parseCfp } from './parse.js';

describe('round 5: a title ending with its journal', () => {
  it('drops the journal in parentheses or after a dash when it is the venue, or introduced with an acronym', () => {
    expect(withoutVenueTail('Carbon Markets (SoilCurrents)', 'SoilCurrents', '')).toEqual({ title: 'Carbon Markets' });
    expect(withoutVenueTail('Carbon Markets - Soil Letter', 'Soil Letters', '')).toEqual({ title: 'Carbon Markets' });
    expect(withoutVenueTail('Carbon Markets - Soil Letters', undefined, 'Journals: Soil Letters (SL) and Soil Review (SR)')).toEqual({ title: 'Carbon Markets', venue: 'Soil Letters' });
  });

  it('keeps a subtitle or an acronym that is not the journal', () => {
    expect(withoutVenueTail('Carbon Markets - Policy and Practice', 'Soil Letters', '')).toEqual({ title: 'Carbon Markets - Policy and Practice' });
    expect(withoutVenueTail('Internet of Things (IoT)', 'Soil Letters', '')).toEqual({ title: 'Internet of Things (IoT)' });
  });

  it('applies to a parsed call', () => {
    const call = parseCfp('---\ntitle: "Call for Papers: Carbon Markets - Soil Letter"\n---\nThis special issue of *Soil Letters* asks how soil carbon is measured, traded and verified across farms and regions.');
    expect([call.title, call.venue]).toEqual(['Carbon Markets', 'Soil Letters']);
  });
});
