import { describe, expect, it } from 'vitest';
import { toLines } from './lines.js';
import { inlineEditors } from './editors-inline.js';
import { parseCfp } from './parse.js';

const names = (text: string) => inlineEditors(toLines(text)).editors.map((e) => e.name);
const editorsOf = (text: string) => parseCfp(text).guest_editors.map((e) => e.name);
const SCOPE = 'We invite papers on soils, their carbon and the markets that price it, from every discipline that studies them.';

describe('round 9: editors', () => {
  it('reads an "Editor(s):" heading over one line of people with affiliations in parentheses', () => {
    expect(editorsOf(`Soil Carbon Markets\n\n${SCOPE}\n\nEditor(s):\nAnn Erk (University of Soil), Jean de Trap (Soil Institute), and Clara Blanc (Carbon University)\n`)).toEqual(['Ann Erk', 'Jean de Trap', 'Clara Blanc']);
  });

  it('reads "Co-Editors of the issue:" with honorifics and a degree, one person a paragraph', () => {
    expect(editorsOf(`Soil Carbon Markets\n\nCo-Editors of the issue:\n\nProf. Ann Erk, PhD\n\nDr. Jean Trap\n\n${SCOPE}\n`)).toEqual(['Ann Erk', 'Jean Trap']);
  });

  it('reads "Edited by:" with a colon', () => {
    expect(names('Edited by: Ann Erk, (Soil University, India), Jean Moran Trap (Soil Institute, Ireland) and Eric G.A.Blanc (Carbon University).')).toEqual(['Ann Erk', 'Jean Moran Trap', 'Eric G.A.Blanc']);
  });

  it('reads a second role label inside a semicolon list', () => {
    expect(names('Guest editor: Dr Ann Erk; Assistant guest editor: Associate Professor Jean Trap')).toEqual(['Ann Erk', 'Jean Trap']);
  });

  it('reads "is serving as Guest Editor" and "will feature A and B as guest editors"', () => {
    expect(names('Prof. Dr. Ann M. Erk is serving as Guest Editor for a special issue of the journal Soils.')).toEqual(['Ann M. Erk']);
    expect(names('The second issue will feature Ann Erk and Jean Trap as guest editors, prompting authors to explore soil.')).toEqual(['Ann Erk', 'Jean Trap']);
  });

  it('takes no one named as the journal\'s editor-in-chief or as its editors', () => {
    expect(names('The journal welcomes Ann Erk as editor-in-chief from 2025.')).toEqual([]);
    expect(names('We thank Ann Erk and Jean Trap as editors of the journal.')).toEqual([]);
  });

  it('reads people after a prose line that ends "Guest Editors:", a paragraph each, and stops at the prose after them', () => {
    const text = `Soil Carbon Markets\n\n${SCOPE}\n\nFor more information, please contact the Guest Editors:\n\nAnn Erk, Department of Soil, University of Soil\nann@example.org\n\nJean Trap, Soil Institute, France\n\nSubmissions are due by the end of the year and go through the journal's system.`;
    expect(editorsOf(text)).toEqual(['Ann Erk', 'Jean Trap']);
  });
});
