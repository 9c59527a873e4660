/**
 * Round 21's patterns, each on a made-up call: editors named in a sentence where each opens with an honorific
 * and a semicolon parts them; a publisher's nested list of editors that is no topic list.
 */
import { describe, expect, it } from 'vitest';
import { parseCfp } from './parse.js';

const names = (text: string) => parseCfp(text).guest_editors.map((e) => e.name);

describe('editors, round 21', () => {
  it('reads "Guest Editors are Dr A, Org; Prof. B, Org; and Prof. C, Org" as three people, not a name and an organisation', () => {
    const text = 'Special Issue: Soil Crusts of the High Arctic\n\nWe invite papers on soil crusts in the Arctic.\n\nGuest Editors are Dr Mia Lund, SOILNET Norway; Prof. Kenji Arai, NIPR Japan; and Prof. Rosa Vidal, CSIC Spain.\n';
    expect(names(text)).toEqual(['Mia Lund', 'Kenji Arai', 'Rosa Vidal']);
  });
});

describe('topics, round 21', () => {
  it('takes no topics from a publisher\'s nested list of editors ("Lead Guest Editor" over names, then "Introduction")', () => {
    const text = [
      'Special Issue on Soil Crusts as Carbon Sinks',
      '',
      'Submission Deadline: May 25, 2020',
      '',
      '  • Lead Guest Editor',
      '    • Mia Lund',
      '      Department of Soil Science, University of Tromso, Norway',
      '  • Guest Editor',
      '    • Kenji Arai',
      '      National Institute of Polar Research, Tokyo, Japan',
      '    • Rosa Vidal',
      '      CSIC, Madrid, Spain',
      '  • Introduction',
      '',
      '    Soil crusts store carbon in cold deserts. We invite papers on how much they store and for how long.',
      '',
    ].join('\n');
    const call = parseCfp(text);
    expect(call.topics).toEqual([]);
  });
});
