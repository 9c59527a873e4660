/**
 * Round 21's patterns, each on a made-up call: editors named in a sentence where each opens with an honorific
 * and a semicolon parts them; a publisher's nested list of editors that is no topic list; (round 22) editors labelled
 * or introduced in French, an elided particle in a name, and MDPI's "Name Website E-Mail" lines.
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

describe('editors, round 22', () => {
  it('reads "coordinateurs du numéro : A, B et C" inside a French sentence', () => {
    const text = 'Appel à contributions pour un numéro spécial de la revue Sols intitulé « Les sols du littoral » (coordinateurs du numéro : Jean Martin, Ana Lopez Garcia et Pere Vidal).\n\nNous attendons des articles sur les sols.';
    expect(names(text)).toEqual(['Jean Martin', 'Ana Lopez Garcia', 'Pere Vidal']);
  });

  it('reads "Numéro coordonné par X" as "edited by X"', () => {
    expect(names('Les sols du littoral\n\nNuméro coordonné par Claire Dubois\n\nNous attendons des articles sur les sols.\n')).toEqual(['Claire Dubois']);
  });

  it('reads an elided particle in a name ("Luigi d\'Alonzo") so a list with one stays whole', () => {
    const text = "CALL FOR PAPERS 1/2023\nSuoli e scuola\nCuratori: Anna Maria Rossi (Università di Enna), Luigi d'Alonzo (Università Cattolica), Roberto Bianchi (Università di Bologna)\nInvitiamo contributi.\n";
    expect(names(text)).toEqual(['Anna Maria Rossi', "Luigi d'Alonzo", 'Roberto Bianchi']);
  });

  it('reads an MDPI editor line "Dr. X Website E-Mail" as X, and the Catalan "Universitat" under it as no person', () => {
    const text = 'Special Issue Information\n\nDear Colleagues,\n\nWe invite papers on soil crusts.\n\nGuest Editor\nDr. Jordi Roca-Mullol Website E-Mail\nUniversitat de Barcelona, Departament de Química, Barcelona, Spain\nInterests: soil crusts; carbon\n';
    expect(names(text)).toEqual(['Jordi Roca-Mullol']);
    // The rules read it too (session 14: the page's link labels are dropped from the line), so no retrain of the chooser can lose it.
    expect(parseCfp(text, { editorChooser: 'rules' }).guest_editors.map((e) => e.name)).toEqual(['Jordi Roca-Mullol']);
  });
});

describe('editors, a long "Editor List:" line', () => {
  it('takes no affiliation inside a name\'s parentheses for a person ("(University of British Columbia, Canada)")', () => {
    const people = ['Mia Lund (University of British Columbia, Canada)', 'Kenji Arai (University of Tokyo, Japan)', 'Rosa Vidal (Instituto de Ciencias del Suelo, Madrid, Spain)', 'Ana Lima (University of Lisbon, Portugal)', 'John Welch (University of Cambridge, UK)', 'Tom Berg (Sun Yat-sen University, China)', 'Sara Holm (Tan Tock Seng Hospital, Singapore)'];
    const text = `Soil Ecology invites papers for a planned Special Issue on soil crusts.\n\nSpecial Issue: Soil Crusts\n\nEditor List: ${people.join(', ')}\n\nOur editors offer a broad range of expertise in soil ecology.\n`;
    const got = names(text);
    expect(got).not.toContain('British Columbia');
    expect(got).toEqual(['Mia Lund', 'Kenji Arai', 'Rosa Vidal', 'Ana Lima', 'John Welch', 'Tom Berg', 'Sara Holm']);
  });
});
