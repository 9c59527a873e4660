import { describe, expect, it } from 'vitest';
import { peopleOnLine, withoutFootnote } from './editors-multi.js';
import { looksLikeName } from './names.js';
import { parseCfp } from './parse.js';

const names = (text: string) => parseCfp(text).guest_editors.map((e) => e.name);

describe('several editors on one line', () => {
  it.each([
    ['Jane Smith, PhD and Kwame Osei, DrPH', ['Jane Smith', 'Kwame Osei']],
    ['Jane Smith, MPH, MBA, and Kwame Osei, MD UPMC Center for Soil, Baltimore', ['Jane Smith', 'Kwame Osei']],
    ['Jane Smith2 | Kwame Osei3 | Ana Lima4', ['Jane Smith', 'Kwame Osei', 'Ana Lima']],
  ])('%s', (line, people) => {
    expect(peopleOnLine(line)).toEqual(people);
  });

  it('leaves one person with an affiliation, and topics joined by "and", alone', () => {
    expect(peopleOnLine('Jane Smith, University of Soil and Water, UK')).toBeUndefined();
    expect(peopleOnLine('Soil carbon and water quality')).toBeUndefined();
  });

  it('drops footnote numbers only after a lower-case letter', () => {
    expect(withoutFootnote('Chin-Ling Chen1')).toBe('Chin-Ling Chen');
    expect(withoutFootnote('COVID-19 Soil')).toBe('COVID-19 Soil');
  });

  it('reads names with two particles', () => {
    expect(looksLikeName('Jaap van de Beek')).toBe(true);
  });

  it('parses the layouts end to end', () => {
    expect(names('Soil and Society\n\nTopic Editors:\nJane Smith, PhD and Kwame Osei, DrPH\nCenter for Soil\n\nWe invite papers on soil.')).toEqual(['Jane Smith', 'Kwame Osei']);
    expect(names('Soil and Society\n\nLead Editor\nAna Lima1\nGuest Editors\nJane Smith2 | Kwame Osei3\n1\nUniversity of Soil\n\nWe invite papers on soil.')).toEqual(['Ana Lima', 'Jane Smith', 'Kwame Osei']);
    expect(names('Soil and Society\n\nTopic Editors (Guest Editors):\n\nJaap van de Beek, Soil University, Sweden\n\nAna Lima, Soil Institute, Brazil\n\nWe invite papers on soil.')).toEqual(['Jaap van de Beek', 'Ana Lima']);
  });
});

describe('people who are not the issue\'s guest editors', () => {
  it('skips a journal role\'s label and its person, an agency and a page link', () => {
    expect(names('Soil and Society\n\nGuest Editors:\nJane Smith, Soil University, UK\n\nCorresponding SL editor:\nKwame Osei, Soil Institute, Ghana\n\nWe invite papers on soil.')).toEqual(['Jane Smith']);
    expect(looksLikeName('Agencia Estatal de Meteorología')).toBe(false);
    expect(looksLikeName('Visit JournalArticles')).toBe(false);
  });
});

describe('round 4: editors named inline and with nicknames', () => {
  it('drops a nickname in parentheses after the first name', () => {
    expect(names('Soil and Society\n\nGuest Editors\n\n* Dusit (Tao) Niyato, Soil University, Singapore\n* Ana Lima, Soil Institute, Brazil\n\nWe invite papers on soil.')).toEqual(['Dusit Niyato', 'Ana Lima']);
  });

  it('reads "The editors of this special issue are ..." and "(Eds. ...)"', () => {
    expect(names('Soil and Society\n\nWe invite papers for a special issue. The editors of this special issue are Jane Smith (University of Soil) and Kwame Osei (University of Water).')).toEqual(['Jane Smith', 'Kwame Osei']);
    expect(names('Soil and Society\n\n“Soil Data Techniques”\n\n(Eds. Jane Smith, Kwame Osei, Ana Lima)\n\nWe invite papers on soil.')).toEqual(['Jane Smith', 'Kwame Osei', 'Ana Lima']);
  });

  it('reads a title line run into its editors, and takes no group of members for a person', () => {
    expect(names('Soil Reviews has several open collections, many initiated and edited by SOIL Members and Partners.\nSOIL AND SOCIETY IN A COMPLEX WORLD Guest Editors: Jane Smith, Kwame Osei, Ana Lima\nGlobal soil issues such as erosion create complex challenges that need many hands and a long time to address in practice')).toEqual(['Jane Smith', 'Kwame Osei', 'Ana Lima']);
  });
});

describe('round 5: editors with affiliations or e-mails in parentheses, or separated by semicolons', () => {
  it('reads every person of a labelled line', () => {
    expect(peopleOnLine('Jane Smith (Soil University) and Kwame Osei (University of Accra / Soil Institute)')).toEqual(['Jane Smith', 'Kwame Osei']);
    expect(peopleOnLine('Jane Smith (jane@soil.org); Kwame Osei (kwame@soil.org)')).toEqual(['Jane Smith', 'Kwame Osei']);
    expect(peopleOnLine('Jane Smith, J&J and Kwame Osei, UCLA')).toEqual(['Jane Smith', 'Kwame Osei']);
  });

  it('does not split a long affiliation at its "and"', () => {
    expect(peopleOnLine('Jane Smith, University of Soil Sciences, School of Computer and Control Engineering, China')).toBeUndefined();
  });

  it('reads them under a label in a call', () => {
    const call = parseCfp('**Guest Editors:** Jane Smith (Soil University) and Kwame Osei (Accra University)\n\nThis special issue asks how soil carbon is measured, traded and verified across farms and regions.');
    expect(call.guest_editors.map((e) => e.name)).toEqual(['Jane Smith', 'Kwame Osei']);
  });
});

describe('round 5: middle initials in editors named in prose', () => {
  it('keeps the name past the initial\'s dot', () => {
    const scope = '\n\nThis special issue asks how soil carbon is measured, traded and verified across farms and regions.';
    expect(parseCfp(`Guest Editors Jane M.  Smith, Kwame Osei, and Ana Lima, along with the journal's team, invite submissions.${scope}`).guest_editors.map((e) => e.name)).toEqual(['Jane M. Smith', 'Kwame Osei', 'Ana Lima']);
    expect(parseCfp(`The issue is guest edited by Jane Smith and Ashley P. Jones.${scope}`).guest_editors.map((e) => e.name)).toEqual(['Jane Smith', 'Ashley P. Jones']);
  });
});

describe('round 5: the writer editing "with" co-editors', () => {
  it('names the co-editors, not the writer', () => {
    const call = parseCfp('Special Issue on Soil Politics\n\nI will be editing this research topic with [Jane Smith](https://x.org/js) (Soil University), and Kwame O. Osei (Accra University).\n\nThis special issue asks how soil carbon is measured, traded and verified across farms and regions.');
    expect(call.guest_editors.map((e) => e.name)).toEqual(['Jane Smith', 'Kwame O. Osei']);
  });
});
