import { describe, expect, it } from 'vitest';
import { parseCfp } from './parse.js';

const names = (text: string) => parseCfp(text).guest_editors.map((e) => e.name);

describe('round 25: guest editors', () => {
  it('reads a proposal template\'s "Name:" field under an editors heading', () => {
    const text = [
      '## Special Issue Editors', '', '**Guest Editor**', '', 'Name: Prof. Ivan P. Sokolov', '', 'Affiliation:', '', '- Soil Institute, 3 Field st, Tartu, Estonia.', '',
      'E-Mail: sokolov@soil.ee', '', '**Guest Editor (Co-Guest Editor)**', '', 'Name: Prof. Dr. Marta Kovač', '', 'E-Mail: kovac@soil.si', '',
      '## Special Issue Information', '', 'We invite papers on soil and water.',
    ].join('\n');
    expect(names(text)).toEqual(['Ivan P. Sokolov', 'Marta Kovač']);
  });

  it('reads names listed above their "Guest Editors" label with a blank line between', () => {
    const text = 'Special Issue on Soil\n\nWe invite papers on soil and water, from field to lab.\n\n- Prof. Ivan P. Sokolov\n- Dr. Marta V. Kovač\n\n_Guest Editors_\n\n## Keywords\n\n- soil\n';
    expect(names(text)).toEqual(['Ivan P. Sokolov', 'Marta V. Kovač']);
  });
});
