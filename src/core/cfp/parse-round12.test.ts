/**
 * Round 12's readers, through the whole parser: grouped lists that go on
 * past blank lines, a "Topics ..." heading whatever words follow, semicolon
 * lists after "Themes may include, but are not limited to,", a "Keywords:"
 * line as the last resort, several editors each with an affiliation in
 * parentheses or an honorific, editors' labels with "/" or "Organizers",
 * and titles with a status or a journal beside a dash.
 */
import { describe, expect, it } from 'vitest';
import { parseCfp } from './parse.js';
import { peopleOnLine } from './editors-multi.js';
import { keywordTopics } from './inline-lists.js';
import { toLines } from './lines.js';
import { titleCandidates } from './title-candidates.js';
import { findTitle } from './title.js';

const names = (text: string) => parseCfp(text).guest_editors.map((e) => e.name);

describe('topics, round 12', () => {
  it('reads a grouped list whose groups are parted by blank lines, under a heading that names the topics first', () => {
    const text = [
      'Special Issue on Big Data Semantics', '',
      'Topics of interest for submission include (but are not limited to):',
      '-------------------------------------------------------------------------------',
      'Big Data Management', '    Metadata Management', '    Big Data Storage and Retrieval', '',
      'Big Data Visualization', '    Real Time Visualisation', '    Big Social Media Mining', '',
      'Submission deadline: 1 May 2025',
    ].join('\n');
    expect(parseCfp(text).topics).toEqual(['Metadata Management', 'Big Data Storage and Retrieval', 'Real Time Visualisation', 'Big Social Media Mining']);
  });

  it('does not run a flat list on past a blank line', () => {
    const text = 'Special Issue on Soils\n\nTopics include:\nSoil carbon\nSoil water\n\nSubmissions are due on 1 May 2025. Papers must be original.';
    expect(parseCfp(text).topics).toEqual(['Soil carbon', 'Soil water']);
  });

  it('reads items parted by semicolons after "Themes may include, but are not limited to,"', () => {
    const text = 'Topical Collection: Pandemic Knowledge\n\nThemes may include, but are not limited to, the role of modelling, data and uncertainty; the governance of biological knowledge; and reflections on scholarly work. HPLS invites papers.';
    expect(parseCfp(text).topics).toEqual(['the role of modelling, data and uncertainty', 'the governance of biological knowledge', 'reflections on scholarly work']);
  });

  it('leaves the words up to a colon after "not limited to," out of the first item', () => {
    const text = 'Focus Collection on Infrastructures\n\nFocal areas of interest for this collection include, but are not limited to, challenges such as: coral bleaching, plastic debris in the oceans, emergent pollutants or urbanization. We welcome papers.';
    expect(parseCfp(text).topics[0]).toBe('coral bleaching');
  });

  it('reads a "Keywords:" or "Mots-clés :" line when the call has no list, and not a rule about keywords', () => {
    expect(parseCfp('Special issue on invasions\n\nWe invite papers on invasions.\n\nKey words:\n\nConservation; Environmental invaders; Management and policy;').topics)
      .toEqual(['Conservation', 'Environmental invaders', 'Management and policy']);
    expect(keywordTopics(['Mots-clés : vie privée, numérisation, gouvernance des données.'])).toEqual(['vie privée', 'numérisation', 'gouvernance des données']);
    expect(keywordTopics(['Keywords: 3-5 keywords, separated by commas, in English'])).toEqual([]);
    expect(keywordTopics(['Keywords: soil'])).toEqual([]);
  });
});

describe('guest editors, round 12', () => {
  it('reads several people on one line, each with an affiliation in parentheses', () => {
    expect(peopleOnLine('Mehdi Arfaoui (LINC-CNIL, CEMS-EHESS), Cécile Caron (GRETS, EDF Lab), Olivier Guillaume (PRINTEMPS-UVSQ)')).toEqual(['Mehdi Arfaoui', 'Cécile Caron', 'Olivier Guillaume']);
    // Something that is no name before an aside: not a line of people.
    expect(peopleOnLine('Submissions (PDF) and reviews (double blind)')).toBeUndefined();
  });

  it('reads editors named each with an honorific in a sentence', () => {
    expect(names('Special Issue on Obesity\n\nGuest Editors are Dr. Karine Clément of The Institut national, France; Dr. Sanjay Basu of Harvard Medical School.\n\nWe invite papers.')).toEqual(['Karine Clément', 'Sanjay Basu']);
    expect(names('Special Issue on Cybersecurity\n\nEditors: Prof. Sean Costigan, The New School, New York, and Prof. Todor Tagarev, Bulgarian Academy of Sciences\n\nWe invite papers.')).toEqual(['Sean Costigan', 'Todor Tagarev']);
  });

  it('reads every "Name (Affiliation)" of a guest editors sentence, past prose between them', () => {
    expect(names('Special Issue: DH2013\n\nGuest editors for this special issue are Bethany Nowviskie (University of Virginia) and Melissa Terras (University College London), respectively chair and vice-chair of the committee, and Katherine L. Walter (University of Nebraska), local host.\n\nWe invite papers.'))
      .toEqual(['Bethany Nowviskie', 'Melissa Terras', 'Katherine L. Walter']);
  });

  it('reads names under an organizers label or a label with a slash, and after "editors are:"', () => {
    expect(names('Call for papers: Special issue on X\n\nSymposium Organizers / Guest Editors:\nJose A. Puppim de Oliveira, FGV EAESP\nEvan Berman, FGV EAESP\n\nWe invite papers on X.')).toEqual(['Jose A. Puppim de Oliveira', 'Evan Berman']);
    expect(names('Call for papers: Special issue on X\n\nSpecial Collection Organizers:\nJohn Naliboff, New Mexico Institute of Mining and Technology\nEric Mittelstaedt, University of Idaho\n\nWe invite papers on X.')).toEqual(['John Naliboff', 'Eric Mittelstaedt']);
    expect(names('Call for papers: Special issue on X\n\nScientific editors are: Mark Hopwood (Southern University of Science and Technology, China), Emily Eidam (University of North Carolina).\n\nWe invite papers on X.')).toEqual(['Mark Hopwood', 'Emily Eidam']);
  });
});

describe('titles, round 12', () => {
  const candidatesOf = (text: string) => {
    const lines = toLines(text);
    const prose = lines.filter((l) => l.kind === 'text').map((l) => l.text).join('\n\n');
    return titleCandidates({ lines, prose, tried: findTitle(lines, prose).tried, plain: text }).map((c) => c.text);
  };

  it('offers each side of a dash, so a status before the name or a journal after it can be left out', () => {
    expect(candidatesOf('CLOSED—50 Years of Software Engineering\n\nIEEE Software will commemorate this with a theme issue.')).toContain('50 Years of Software Engineering');
    expect(candidatesOf('The geographical research implications of COVID-19 – Geographical Research\n\nWe welcome abstracts.')).toContain('The geographical research implications of COVID-19');
  });

  it('does not cut a hyphenated word', () => {
    expect(candidatesOf('Human-Computer Interaction in Cities\n\nWe welcome abstracts.')).not.toContain('Computer Interaction in Cities');
  });
});

describe('guest editors, round 13', () => {
  it('strips a rank before the honorific and never takes a discipline for a person', () => {
    expect(names('Special Issue on Listening\n\nGuest Editors:\nDistinguished Professor Sharynne McLeod, Charles Sturt University\nHolly McAlister, Charles Sturt University\n\nWe invite papers.')).toEqual(['Sharynne McLeod', 'Holly McAlister']);
    expect(peopleOnLine('Luca Ferrero (Environmental Chemistry), Paulina Pakszys (IOPAN)')).toEqual(['Luca Ferrero', 'Paulina Pakszys']);
    expect(peopleOnLine('Environmental Chemistry and Marine Physics')).toBeUndefined();
  });
});

describe('after round 13', () => {
  it('never reads a schedule whose items start with their dates as topics', () => {
    const text = 'Special Issue on Emotion\n\nWe invite papers on the development of emotion.\n\nTimeline:\n- April 1, 2018: submission deadline\n- July 1, 2018: first round decision letters\n- September 15, 2018: revisions due\n';
    expect(parseCfp(text).topics).toEqual([]);
  });
});
