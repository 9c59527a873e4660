import { describe, expect, it } from 'vitest';
import { parseCfp } from './parse.js';
import { fromSpecial, cleanTitle } from './title-parts.js';
import { looksLikeName } from './names.js';
import { toLines } from './lines.js';
import { venueCandidates } from './venue-candidates.js';
import { widenings } from './venue-widen.js';
import { deadlineOf } from '../../../tests/fixtures/cfp-deadline.js';

// Rules from the failures of round 28 (computing, engineering, arts, design, religion, film; a third not in English), each on made-up calls.
const names = (text: string) => parseCfp(text).guest_editors.map((e) => e.name);

describe('round 28: titles', () => {
  it('ends a listing item\'s name at its sentence when the editors or the deadline follow ("Special Issue on X. Guest Editors: ...")', () => {
    expect(fromSpecial('Special Issue on Soil-Enabled Security at the Edge. Guest Editors: Ann Roe, RMIT University, Australia; Bo Li, Flinders University, Australia. Submissions close 31st of January 2027.')?.title)
      .toBe('Soil-Enabled Security at the Edge');
    // A listing page of such items is read, not refused.
    const call = parseCfp('Special Issues\n\n\nCall for Papers\n\n  • Special Issue on Soil-Enabled Security at the Edge. Guest Editors: Ann Roe, RMIT University, Australia; Bo Li, Flinders University, Australia. Submissions close 31st of January 2027.\n');
    expect(call.title).toBe('Soil-Enabled Security at the Edge');
  });

  it('drops the submission window a listing sets after the name ("X- de 01/04 à 03/06")', () => {
    expect(cleanTitle('Cinema e Solo: Resistências no Brasil- de 01/04 à 03/06')).toBe('Cinema e Solo: Resistências no Brasil');
    expect(cleanTitle('Soil Carbon – from 01/04 to 03/06/2027')).toBe('Soil Carbon');
  });
});

describe('round 28: guest editors', () => {
  it('reads a name above its "Special Issue Editor" line, and takes no "Review Criteria" heading for a person', () => {
    expect(names('Special Issue of Soil Learning on Unsupervised Soils\n\nDoug Fisher\nSpecial Issue Editor\n\nWe invite papers on unsupervised soils.\n\nReview Criteria\n\nEach submission will be reviewed by two referees.\n'))
      .toEqual(['Doug Fisher']);
    expect(looksLikeName('Review Criteria')).toBe(false);
    expect(looksLikeName('Fachbereich Evangelische Theologie')).toBe(false);
  });

  it('reads "Editores convidados para o Dossiê:" as the editors\' label', () => {
    expect(names('Dossiê: Decolonialidade e informação\n\nEditores convidados para o Dossiê:\n\nAndre Vieira de Freitas Araujo (UFRJ)\nLuciana Gracioso (UFSCar)\n\nPrazo: 30 de março de 2027\n'))
      .toEqual(['Andre Vieira de Freitas Araujo', 'Luciana Gracioso']);
  });

  it('reads a list whose lines open with "** ", and leaves one such line alone a heading', () => {
    const lines = toLines('Special Issue Guest Editors\n** Barney Roe, The University of Sydney (barney.roe at sydney.edu.au)\n** Petter Doe, University of Oslo (pdoe at ifi.uio.no)\n\n** Aim and Topics\nText.');
    expect(lines.map((l) => l.kind)).toEqual(['heading', 'bullet', 'bullet', 'blank', 'text', 'text']);
    expect(lines[1]?.text).toBe('Barney Roe, The University of Sydney (barney.roe at sydney.edu.au)');
    expect(names('Soil and Sustainable Development\n\nSpecial Issue Guest Editors\n** Barney Roe, The University of Sydney (barney.roe at sydney.edu.au)\n** Petter Doe, University of Oslo (pdoe at ifi.uio.no)\n\nDeadline: 1 May 2027\n'))
      .toEqual(['Barney Roe', 'Petter Doe']);
  });

  it('reads the editors after a dash and "Eds" on the title line, and the title before them', () => {
    const call = parseCfp('CFP (journal): Studi di Suolo. Thieves of Soil. Philosophy, Music and Plagiarism\n\nThieves of Soil. Philosophy, Music and Plagiarism – Eds Alessandro Bertoni, Ezio Gambi, Davide Sisti\n\nWe invite papers on plagiarism in music. Deadline: 1 May 2027.\n');
    expect(call.guest_editors.map((e) => e.name)).toEqual(['Alessandro Bertoni', 'Ezio Gambi', 'Davide Sisti']);
  });

  it('reads the editors a Portuguese sentence names "como coeditores" or "organizado pelas professoras", with "Dr.ª"', () => {
    expect(names('Dossiê “Roteiros do solo”\n\nA Revista Solo está com chamada aberta até o dia 14/03/2027 para artigos destinados ao dossiê temático “Roteiros do solo”, tendo como coeditores temáticos os professores Gláucia Davi (IA/ UNESP, SP), João Massa (UFSCar) e Rosanne Welk (Stephens College).\n'))
      .toEqual(['Gláucia Davi', 'João Massa', 'Rosanne Welk']);
    expect(names('Dossiê: Cinema e solo\n\nA Revista abre chamada para o dossiê temático, organizado pelas professoras Dr.ª Fran Rebelo (UNILA); Drª Kate Lane Costa (UFF) e Drª Marina Tedes (UFF). Prazo: 3 de junho de 2027.\n'))
      .toEqual(['Fran Rebelo', 'Kate Lane Costa', 'Marina Tedes']);
  });
});

describe('round 28: deadlines', () => {
  it('reads a timetable\'s "Manuscript:" line as the paper deadline, after its "Proposal:" line', () => {
    expect(deadlineOf('Timeline\nProposal: February 15, 2027\nManuscript: May 15, 2027\nPublication: 2028')).toBe('2027-05-15');
  });
});

describe('round 28: venues', () => {
  it('reads the journal after Portuguese "A Revista" up to its verb, and widens no name with "Cfp" in front', () => {
    const plain = 'A Revista GEMInIS está com chamada aberta até o dia 14/03/2027 para artigos.';
    expect(venueCandidates({ lines: toLines(plain), links: [], plain }).map((c) => c.text)).toContain('GEMInIS');
    expect(widenings('Diacritica', 'Cfp Diacritica "Letteratura e Musica"')).not.toContain('Cfp Diacritica');
  });
});
