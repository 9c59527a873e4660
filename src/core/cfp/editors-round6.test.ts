import { describe, expect, it } from 'vitest';
import { toLines } from './lines.js';
import { inlineEditors } from './editors-inline.js';
import { looksLikeName } from './names.js';
import { parseCfp } from './parse.js';

const names = (text: string) => inlineEditors(toLines(text)).editors.map((e) => e.name);

describe('round 6: editors', () => {
  it('reads "guest edited by" names with footnote marks and an unclosed affiliation list', () => {
    expect(names('A Special Issue on soils guest edited by Ann Erk1,2, Jean Trap1, Eric Blanc3 (1Eco&Sols, Univ Montpellier, IRD, Institut Agro')).toEqual(['Ann Erk', 'Jean Trap', 'Eric Blanc']);
  });

  it('reads "Issue Organizers:" with semicolons between people, and no one from a trailing clause', () => {
    expect(names('Issue Organizers: Jerry L. Hat, Retired USDA; Hum Blanc, University of Soil; and Cris Morgan, Soil Institute; in collaboration with Gret Sass and J. Arb, Editors,')).toEqual(['Jerry L. Hat', 'Hum Blanc', 'Cris Morgan']);
  });

  it('reads an "issue editor" named in a sentence', () => {
    expect(names('Send an abstract by September 15, 2024, to issue editor Joan Homer (College of Soil) at joan@example.org.')).toEqual(['Joan Homer']);
  });

  it('reads editors under a heading framed by dashes', () => {
    const call = parseCfp('Soil Carbon: A SOIL ONE Call for Papers\n\n– Guest Editors –\n\nSteve Beiss\n\nThomas Couv\n\n– Call for Papers –\n\nWe invite papers on soils and their carbon.');
    expect(call.guest_editors.map((e) => e.name)).toEqual(['Steve Beiss', 'Thomas Couv']);
  });

  it('takes no abbreviated institution for a person', () => {
    expect(looksLikeName('Univ Montpellier')).toBe(false);
    expect(looksLikeName('Institut Agro')).toBe(false);
  });
});

describe('round 6: editors in a long paragraph and after a lost character', () => {
  it('reads "guest edited by Dr. A (U), Dr. B (U), and Dr. C (U) for the journal X" inside a long paragraph', () => {
    const long = `${'Soils store carbon in many ways. '.repeat(20)}Papers will go to a special issue "Soil AI", which is guest edited by Dr. Siew Ann Soil (NTU), Dr. Ling Clay (A STAR), and Dr. Lock Yue Loam (NTU) for the open access journal Soil (ISSN 1099-4300). This issue will feature papers.`;
    expect(names(long)).toEqual(['Siew Ann Soil', 'Ling Clay', 'Lock Yue Loam']);
  });

  it('reads a name whose line ends in a lost non-breaking space ("?")', () => {
    const call = parseCfp('Special Issue on Soil Computing\n\nWe invite papers on soils.\n\nGuest Editors\nProf. Andrei Soilkh?\nCICESE Research Center, Mexico,?\nandrei@cicese.mx\n');
    expect(call.guest_editors.map((e) => e.name)).toEqual(['Andrei Soilkh']);
  });
});
