import { describe, expect, it } from 'vitest';
import { parseCfp } from './parse.js';

const editorsOf = (tail: string) => parseCfp(`Call for Papers: Soil\n\nWe invite papers on soil and carbon in farms.\n\n${tail}\n`).guest_editors.map((e) => e.name);

describe('guest editors, round 10', () => {
  it('reads French, Portuguese and German labels, and names joined by "et" or a dash', () => {
    expect(editorsOf('Coordination du dossier : Sara Bédard-Goulet et Marie-Laure Delaporte')).toEqual(['Sara Bédard-Goulet', 'Marie-Laure Delaporte']);
    expect(editorsOf('Numéro coordonné par : Anne Roe et Jean Doe')).toEqual(['Anne Roe', 'Jean Doe']);
    expect(editorsOf('Organizadores: Marco Tulio de Sousa e Mihaela Tudor')).toEqual(['Marco Tulio de Sousa', 'Mihaela Tudor']);
    expect(editorsOf('Editors: D. Teira – S. Leonelli')).toEqual(['D. Teira', 'S. Leonelli']);
    expect(editorsOf('Coordinators: Alison Booth (Univ. of Virginia) and Miriam Posner (Univ. of California, Los Angeles)')).toEqual(['Alison Booth', 'Miriam Posner']);
  });

  it('reads the editors after "sous la direction de", each before where they work', () => {
    expect(editorsOf("La revue lance un appel sur le thème « Sol » sous la direction d'Hela Zahar, professeure agrégée, Université de l’Ontario français (Canada), et de Caroline Marcoux-Gendron, professeure associée au Département de musique.")).toEqual(['Hela Zahar', 'Caroline Marcoux-Gendron']);
  });

  it('reads names just before ", Guest Co-Editors of"', () => {
    expect(editorsOf('Questions should be directed to Anna Kijas (Tufts University) and Andreas Segerberg (University of Gothenburg), Guest Co-Editors of Library Trends.')).toEqual(['Anna Kijas', 'Andreas Segerberg']);
  });

  it('takes no one from prose that only mentions editing', () => {
    expect(editorsOf('Papers will be edited by the journal staff and published online.')).toEqual([]);
    expect(editorsOf('The coordination of this issue is a joint effort of the society.')).toEqual([]);
  });

  it('reads a "Coordination :" heading, a bold line of names, names joined by "et", and "will serve as the guest co-editors"', () => {
    expect(editorsOf('Coordination :\nBrigitte Baldelli (ACOFIS, IRTS LR), Anne-Marie Bureth (CORHIS) et Yves Gilbert (CORHIS, Université de Perpignan)')).toEqual(['Brigitte Baldelli', 'Anne-Marie Bureth', 'Yves Gilbert']);
    expect(editorsOf('Guest Editors:   \n**Torsten Wagner, Patrick Wagner, Michael J. Schöning, and Theodor Doll** \n\n\nWe look forward to receiving your contributions!')).toEqual(['Torsten Wagner', 'Patrick Wagner', 'Michael J. Schöning', 'Theodor Doll']);
    expect(editorsOf('Dr. Lauren Beasley (Georgia State University) and Dr. Tarkington J. Newman (University of New Hampshire) will serve as the guest co-editors for this special issue.')).toEqual(['Lauren Beasley', 'Tarkington J. Newman']);
  });

  it('does not read a bold heading of words as people under an editors heading', () => {
    expect(editorsOf('Guest Editors:\nJane Roe, University of Soil\n\n**Submission Guidelines and Dates**\n\nPapers are due soon.')).toEqual(['Jane Roe']);
  });
});
