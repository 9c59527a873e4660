import { describe, expect, it } from 'vitest';
import { parseCfp } from './parse.js';

const names = (text: string) => parseCfp(text).guest_editors.map((e) => e.name);
const editors = (line: string) => names(`Special Issue on Soil\n\n${line}\n\nWe invite papers on soil and water.\n`);

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

  it('reads a label with a longer aside before its colon ("(par ordre alphabétique) :")', () => {
    expect(editors('Équipe responsable de la coordination du numéro (par ordre alphabétique) : Julie Brun, Marc Lévesque, Ana Maria Pinto, Paul Roy.'))
      .toEqual(['Julie Brun', 'Marc Lévesque', 'Ana Maria Pinto', 'Paul Roy']);
  });

  it('reads every "Name (Affiliation)" after a label when the sentence runs on without a full stop', () => {
    expect(editors('The Soil Challenge: Sand versus Clay? Guest Editors: Ruth Miles (University of Leeds) and Omar T. Haddad (Desert Research Centre) A special issue of Soil Letters is planned for 2026'))
      .toEqual(['Ruth Miles', 'Omar T. Haddad']);
  });

  it('reads a long line that opens with its label, each name before its affiliation', () => {
    const people = ['Ana Van Dijk', 'Bo Lind', 'Carla Ruiz-Mata', 'Dev Rao', 'Eli Moss', 'Fay Chen', 'Gus van Leer', 'Hana Ito', 'Ida Berg', 'Jon Tal', 'Kim Sato', 'Lea Roux'];
    const line = `Editor(s): ${people.map((p) => `${p} (University of Somewhere Far Away, Some Country)`).join(', ')} Special issue jointly organized between Soil Letters and Water Notes`;
    expect(line.length).toBeGreaterThan(600);
    expect(editors(line)).toEqual(people);
  });

  it('takes a nickname in parentheses for no affiliation, and no tail of a name too long to read for a name', () => {
    expect(editors('Editors: Michelle (Mia) Okafor (Soil University, USA), Linda Park (Clay College, USA), Raj Menon (Sand Lab, India)')).toEqual(['Michelle Okafor', 'Linda Park', 'Raj Menon']);
    expect(editors('Guest Editors: Ana Lima (Soil University), Bruno Alves da Silva (UFX) and Maria Luísa Souza Cavalcanti Lott de Moraes Costa (Soil University).'))
      .toEqual(['Ana Lima', 'Bruno Alves da Silva']);
  });

  it('reads names written surname first with initials, the last one running on into the date', () => {
    expect(editors('NUMERO SPECIAL « SOLS ET EAUX » COORDINATION : MARTIN A., DUBOIS C., ROUX J.-P. Mars 2024')).toEqual(['MARTIN A.', 'DUBOIS C.', 'ROUX J.-P.']);
    // First name, initial, surname stays whole.
    expect(editors('Guest Editors: Ann L. Yao, Omar J. Haddad, Sara B. Lind')).toEqual(['Ann L. Yao', 'Omar J. Haddad', 'Sara B. Lind']);
  });

  it('reads the French "rédactrice invitée, X" as the guest editor', () => {
    expect(editors('Nous vous invitons à une séance d\'information avec notre rédactrice invitée, Lena Vermeer, le jeudi 2 mai à 10 h.')).toEqual(['Lena Vermeer']);
  });

  it('reads the French heading "Direction scientifique" over a line of names', () => {
    const text = '[AAC] Les sols – Revue Terra – Publication en 2026\nCe numéro de la revue Terra veut réunir des articles sur les sols, dans une perspective chronologique large.\nDirection scientifique\nPaul Girard, Anne Morel et Luc Fabre\nArgumentaire\nCe numéro veut réunir des articles sur les sols, dans une perspective large.\n';
    expect(names(text)).toEqual(['Paul Girard', 'Anne Morel', 'Luc Fabre']);
  });
});
