import { describe, expect, it } from 'vitest';
import { parseCfp } from './parse.js';
import { splitNameLine } from './editors.js';
import { looksLikeName } from './names.js';

const editorsOf = (block: string) =>
  parseCfp(`Special Issue on Testing\n\nThis special issue is about testing things in general.\n\n${block}`).guest_editors;

describe('editor lines', () => {
  it.each([
    ['Sanjaya Wijeratne - Kno.e.sis Center, Wright State University, USA.', 'Sanjaya Wijeratne'],
    ['Moustafa Youssef: Alexandria University, Egypt', 'Moustafa Youssef'],
    ['Yu-Ru Lin (yurulin@pitt.edu), University of Pittsburgh, USA', 'Yu-Ru Lin'],
    ['Prof. Zheng Yan, Xidian University, China, Email: zyan@xidian.edu.cn', 'Zheng Yan'],
    ['Sabrina Gaito University of Milano, Italy gaito@di.unimi.it', 'Sabrina Gaito'],
    // No separator after the name: the e-mail built from it says where it ends.
    ['Roberto Interdonato CIRAD, France roberto.interdonato@cirad.fr', 'Roberto Interdonato'],
    ['Rushed Kanawati Paris 13 University, France rushed.kanawati@lipn.univ-paris13.fr', 'Rushed Kanawati'],
    ['Leona Chandra Kruse, University of Liechtenstein, leona.chandra@uni.li', 'Leona Chandra Kruse'],
  ])('%s', (line, name) => {
    expect(splitNameLine(line)?.name).toBe(name);
  });

  it('does not split an organisation off a name without an e-mail on the line', () => {
    expect(splitNameLine('National Taipei University of Technology, Taiwan')).toBeUndefined();
  });

  it('reads quoted nicknames as part of a name', () => {
    expect(looksLikeName('Dr. Ruiyun “Rayna” Xu')).toBe(true);
  });
});

describe('editors sections', () => {
  it('reads names above their "Guest Editors" label (MDPI pages) and stops at the first line that is not a name', () => {
    const eds = editorsOf('Topics include smart farming, including crop irrigation\nProf. Ana Lima\nDr. Kwame Osei\nGuest Editors\n\nManuscript Submission Information\n\nManuscripts should be submitted online.');
    expect(eds.map((e) => e.name)).toEqual(['Ana Lima', 'Kwame Osei']);
  });

  it('reads "*Name, Affiliation" lists under "Guest Associate Editors" and "Co-Editors", and "= Guest editors =" headings', () => {
    const rule = '='.repeat(40);
    expect(editorsOf(`${rule}\nGuest Associate Editors\n${rule}\n\n*Ana Lima, Ulm University, Germany\n*Kwame Osei, University of Ghana, Ghana\n`).map((e) => e.name)).toEqual(['Ana Lima', 'Kwame Osei']);
    expect(editorsOf('Co-Editors\n*Ana Lima, Ulm University, Germany\n').map((e) => e.name)).toEqual(['Ana Lima']);
    expect(editorsOf('= Guest editors =\n\nAssoc. Prof. Ana Lima, Ulm University, Germany\n\nDr. Kwame Osei, University of Ghana, Ghana\n').map((e) => e.name)).toEqual(['Ana Lima', 'Kwame Osei']);
  });

  it('reads editor cards whose names are headings (h4 name, p affiliation) without ending the section', () => {
    expect(editorsOf('### Guest Editors\n\n#### Prof. Dr. Ana Lima\n\nUniversity of Messina, Italy\n\n#### Prof. Dr. Kwame Osei\n\nUniversity of Ghana, Ghana\n').map((e) => e.name)).toEqual(['Ana Lima', 'Kwame Osei']);
  });

  it('keeps a journal\'s associate editors out', () => {
    expect(editorsOf('Associate Editors\nAna Lima, Ulm University, Germany\n')).toEqual([]);
    expect(editorsOf('Guest Editor:\nAna Lima, Ulm University, Germany\nAdvisory Editor:\nKwame Osei, University of Ghana, Ghana\n').map((e) => e.name)).toEqual(['Ana Lima']);
  });

  it('reads "Name, Affiliation, Email: x" lines (the e-mail label does not make the line a sentence)', () => {
    expect(editorsOf('Guest Editors\nXinyi Huang, Fujian Normal University, China, Email: xyhuang@fjnu.edu.cn\nYulei Wu, University of Exeter, UK, Email: y.l.wu@exeter.ac.uk').map((e) => [e.name, e.email])).toEqual([
      ['Xinyi Huang', 'xyhuang@fjnu.edu.cn'],
      ['Yulei Wu', 'y.l.wu@exeter.ac.uk'],
    ]);
  });

  it('reads a name line with its affiliation and e-mail on the lines below, and the next person after it', () => {
    const eds = editorsOf('Guest Editors:\n\nShih-Chia Huang\nDepartment of Electronic Engineering\nNational Taipei University of Technology, Taiwan\nEmail: schuang@ntut.edu.tw\n\nTomas Bures, Charles University in Prague, Czech Republic\n(bures@d3s.mff.cuni.cz)\nLefteris Angelis, Aristotle University of Thessaloniki, Greece\n(lef@csd.auth.gr)');
    expect(eds.map((e) => [e.name, e.email])).toEqual([
      ['Shih-Chia Huang', 'schuang@ntut.edu.tw'],
      ['Tomas Bures', 'bures@d3s.mff.cuni.cz'],
      ['Lefteris Angelis', 'lef@csd.auth.gr'],
    ]);
    expect(eds[0]?.affiliation).toBe('Department of Electronic Engineering, National Taipei University of Technology, Taiwan');
  });

  it('reads names split from their affiliation by two spaces, and lists a person named twice once', () => {
    const eds = editorsOf('Guest editors:\n\nMartin Atzmueller  Tilburg University , Netherlands m.atzmuller@uvt.nl\nRoberto Interdonato, CIRAD, France\nRoberto Interdonato, roberto.interdonato@cirad.fr');
    expect(eds.map((e) => e.name)).toEqual(['Martin Atzmueller', 'Roberto Interdonato']);
  });

  it('leaves out journal editors listed among the guest editors, and ends the section at a heading framed by rules', () => {
    const eds = editorsOf('### Editors and contacts\n\n- Tomas Petricek, University of Kent, UK (Guest editor)\n- Giuseppe Primiero, Middlesex University, UK (Associate editor for P&T)\n\n*****\nJournal Editor-in-Chief\n*****\n\nKevin Crowston - School of Information Studies, Syracuse University, USA');
    expect(eds.map((e) => e.name)).toEqual(['Tomas Petricek']);
  });

  it('reads bold names over affiliation and e-mail lines (as a page with <strong> and <br> gives them)', () => {
    const eds = editorsOf('**Guest Editors:**\n\n**Dr. Shaokun Fan**\nOregon State University, Corvallis, OR, USA\nEmail: [fans@oregonstate.edu](mailto:fans@oregonstate.edu)\n\n**Managing Guest Editor**\n\n**Dr. Ruiyun “Rayna” Xu**\nChinese University of Hong Kong, Shenzhen, China\n\n**Associate Editors of the Special Issue**\n\n**Michael Adams**\nQueensland University of Technology');
    expect(eds.map((e) => [e.name, e.email])).toEqual([
      ['Shaokun Fan', 'fans@oregonstate.edu'],
      ['Ruiyun “Rayna” Xu', undefined],
    ]);
  });
});

describe('editors named in prose and in header lines', () => {
  it('reads names after "Guest Editors" in a sentence that wraps onto the next line', () => {
    const eds = editorsOf('Please email Guest Editors Fred Douglis (Perspecta Labs) and Jason\nNieh (Columbia University) a brief description of the article you plan to submit.');
    expect(eds.map((e) => e.name)).toEqual(['Fred Douglis', 'Jason Nieh']);
  });

  it('reads every name of "Guest Editors: A, B, C", and editors under a numbered heading', () => {
    expect(editorsOf('Guest Editors: Matthias Jarke, Boris Otto, Sudha Ram\nSubmission Deadline: October 1, 2018').map((e) => e.name)).toEqual(['Matthias Jarke', 'Boris Otto', 'Sudha Ram']);
    expect(editorsOf('5 Guest Editors\nMatthias Jarke, RWTH Aachen University, Germany; e-mail: jarke@dbis.rwth-aachen.de\nBoris Otto, Fraunhofer ISST, Germany;\ne-mail: boris.otto@isst.fraunhofer.de').map((e) => [e.name, e.email])).toEqual([
      ['Matthias Jarke', 'jarke@dbis.rwth-aachen.de'],
      ['Boris Otto', 'boris.otto@isst.fraunhofer.de'],
    ]);
  });
});

describe('names', () => {
  it('never takes a capitalised phrase that starts with an article for a person', () => {
    expect(looksLikeName('The Microbiome Across Biological Systems')).toBe(false);
    expect(looksLikeName('Anna Queralt')).toBe(true);
  });
});
