import { describe, expect, it } from 'vitest';
import { parseCfp } from './parse.js';
import { inlineTopics } from './inline-lists.js';
import { DEGREE } from './editors-multi.js';
import { dateFieldOf } from './schedule.js';
import { looksLikeName } from './names.js';

const names = (text: string) => parseCfp(text).guest_editors.map((e) => e.name);

describe('round 26: topics written inline', () => {
  it('reads a list after "include (but are not limited to)"', () => {
    expect(inlineTopics(['Areas of interest include (but are not limited to) soil carbon markets; erosion control on farms; water quality in catchments; and drainage design.']))
      .toEqual(['soil carbon markets', 'erosion control on farms', 'water quality in catchments', 'drainage design']);
  });

  it('reads the list of a later "not limited to" when the paragraph\'s first lead-in opens prose', () => {
    expect(inlineTopics(['The topics: The issue aims to explore the technical challenges of small reactors. This includes but is not limited to design, simulation, materials, fuels, and operations.']))
      .toEqual(['design', 'simulation', 'materials', 'fuels', 'operations']);
    // A later lead-in that is no "not limited to" is prose, not a list.
    expect(inlineTopics(['Areas of focus include: the determinants of obesity as well as risk factors. Additional areas of focus are: the consequences of obesity including diabetes, cardiovascular disease and cancer, the burden of obesity and co-morbidities.'])).toEqual([]);
  });

  it('reads "These include, but are not limited to, A, B, as well as C" and "The materials of interest include A, B, and C"', () => {
    expect(inlineTopics(['We invite papers inspired by the themes of the workshop. These include, but are not limited to, spectral properties of matrices, inverse eigenvalue problems, cone nonnegativity, as well as matrices in max algebra.']))
      .toEqual(['spectral properties of matrices', 'inverse eigenvalue problems', 'cone nonnegativity', 'matrices in max algebra']);
    expect(inlineTopics(['Topology has recently gained attention. The materials of interest include topological insulators, Dirac and Weyl semimetals, topological metals, and superconductors. It is predicted that more are topological.']))
      .toEqual(['topological insulators', 'Dirac and Weyl semimetals', 'topological metals', 'superconductors']);
    // Prose, not a list: "of interest include" before a single phrase is no list.
    expect(inlineTopics(['Papers of interest include those that study soils in depth.'])).toEqual([]);
  });

  it('reads the questions a lead-in announces, each to its question mark', () => {
    expect(inlineTopics(['Dabei soll eine Auseinandersetzung mit folgenden Fragen stattfinden: Wie kann Forschung helfen, Lernen zu verstehen? Wie reagiert die Forschung auf neue Medien? Wie müssen wir unsere Fragen verändern? Wir laden ein.']))
      .toEqual(['Wie kann Forschung helfen, Lernen zu verstehen?', 'Wie reagiert die Forschung auf neue Medien?', 'Wie müssen wir unsere Fragen verändern?']);
  });

  it('reads a list the lead-in calls categories, even after "must"', () => {
    const call = parseCfp('Article Collection on Cross-Border Disease\n\nWe welcome submissions on COVID-19. In order to be considered, manuscripts must address health systems issues and fall within one of these categories:\n\n  • An analysis of measures taken to control cross-border spread.\n  • A description of cross-border spread.\n  • A reflection on differences between countries in policy.\n\nDeadline: 1 May 2026\n');
    expect(call.topics).toEqual(['An analysis of measures taken to control cross-border spread', 'A description of cross-border spread', 'A reflection on differences between countries in policy']);
  });

  it('does not read journals or speakers a lead-in names as topics', () => {
    expect(inlineTopics(['This special issue also has the involvement of the following journals: Open Chemistry, e-Polymers, Reviews on Advanced Materials Science and High Temperature Materials.'])).toEqual([]);
  });

  it('does not read a word limit list as topics', () => {
    const call = parseCfp('Special Issue on Tritium Science\n\nWe invite papers on tritium.\n\nLength of Papers: The manuscript is limited to a maximum of:\n\n  • 7000 words for invited papers\n  • 5000 words for contributed papers\n  • 200 words for each table\n\nDeadline: 1 May 2026\n');
    expect(call.topics).toEqual([]);
  });
});

describe('round 26: editors', () => {
  it('drops a Springer page\'s image label run into the name', () => {
    expect(names('Special Issue on Small-Scale Fisheries\n\nGuest Editors\n\nNew Content ItemJohn Kurien, PhD, is Visiting Professor at Azim Premji University, Bangalore, India.\n\nNew Content ItemRenato Silvano, PhD, is Full Professor at the Federal University of Rio Grande do Sul.\n\nDeadline: 1 May 2026\n'))
      .toEqual(['John Kurien', 'Renato Silvano']);
  });

  it('drops veterinary and medical post-nominal letters', () => {
    expect('Richard Kock, MA VMB VMD MRCVS'.replace(DEGREE, '').trim()).toBe('Richard Kock');
    expect('Ann Lee, DVM, MPH'.replace(DEGREE, '').trim()).toBe('Ann Lee');
  });

  it('does not take a page\'s metrics label for a person', () => {
    expect(looksLikeName('Total Views')).toBe(false);
    expect(looksLikeName('Ann Downloads')).toBe(false);
    expect(looksLikeName('Ann Lee')).toBe(true);
  });

  it('reads "X is the guest editor." and drops the post before the honorific', () => {
    expect(names('Series on the First 1,000 Days\n\nWe invite papers on nutrition in pregnancy and infancy.\n\n3. CDC Director Dr. Ruth Petersen is the guest editor. Dr. Petersen leads the division.\n\nDeadline: 1 May 2026\n'))
      .toEqual(['Ruth Petersen']);
    // Two names in a row with their honorifics keep the first name whole.
    expect(names('Special Issue on Compilers\n\nWe invite papers on compilers.\n\nCo-Guest Editors: Prof. Dharma P. Agrawal and Prof. Santosh Pande\n\nDeadline: 1 May 2026\n'))
      .toEqual(['Dharma P. Agrawal', 'Santosh Pande']);
  });

  it('reads the people under "Editors of the Volume:" and "Guest Editors for this special section:"', () => {
    expect(names('Special Issue on Climate Change Law\n\nWe invite papers on climate law.\n\nEditors of the Volume: Iwona Wrońska, Tomasz Dubowski\n\nDeadline: 1 May 2026\n'))
      .toEqual(['Iwona Wrońska', 'Tomasz Dubowski']);
    expect(names('Special Section on Caribbean Seismicity\n\nWe invite papers on earthquakes.\n\nGuest Editors for this special section:\n\nEric Calais, Ecole Normale Supérieure, France;\n\nSilvia Chacón-Barrantes, SINAMOT\n\nDeadline: 1 May 2026\n'))
      .toEqual(['Eric Calais', 'Silvia Chacón-Barrantes']);
  });

  it('reads organisers of a collection, hosts of a topic, names before "(eds.)" and ranks before French names', () => {
    expect(names('Special Collection on Ecological Forecasting\n\nWe invite papers on forecasting.\n\nSpecial Collection Organizers: R. Quinn Thomas (Virginia Tech), Cayelan Carey (Virginia Tech)\n\nDeadline: 1 May 2026\n'))
      .toEqual(['R. Quinn Thomas', 'Cayelan Carey']);
    expect(names('Research Topic on Plant Microbes\n\nWe are organizing a Research Topic titled "Plant Microbes", hosted by Dan MacLean, Leighton Pritchard and Ann Stapleton.\n\nDeadline: 1 May 2026\n'))
      .toEqual(['Dan MacLean', 'Leighton Pritchard', 'Ann Stapleton']);
    expect(names('Special Issue on Northern Environments\n\nAlun Hubbard, Eirini Makopoulou & Henriikka Salminen (eds.)\n\nWe invite papers on global change.\n\nDeadline: 1 May 2026\n'))
      .toEqual(['Alun Hubbard', 'Eirini Makopoulou', 'Henriikka Salminen']);
    expect(names('Mémoire et histoire\n\nLa revue accepte des propositions pour son numéro de 2021, codirigé par le doctorant Luca Sollaï et le professeur Samir Saul. Ce numéro aborde la mémoire.\n\nDate limite : 1 mai 2026\n'))
      .toEqual(['Luca Sollaï', 'Samir Saul']);
  });

  it('reads the people after "Gast-Herausgeber*innen:" and "Responsables du numéro :"', () => {
    expect(names('Themenheft Friedenspsychologie\n\nGast-Herausgeber*innen: Christopher Cohrs, Klaus Harnack, & Inga Lisa Pauls\n\nWir laden Beiträge ein.\n\nEinsendeschluss: 1. Mai 2026\n'))
      .toEqual(['Christopher Cohrs', 'Klaus Harnack', 'Inga Lisa Pauls']);
    expect(names('Géographies musicales\n\nResponsables du numéro : Nathalie Vincent-Arnaud et Frédéric Sounac\n\nNous invitons des contributions.\n\nDate limite : 1 mai 2026\n'))
      .toEqual(['Nathalie Vincent-Arnaud', 'Frédéric Sounac']);
  });

  it('reads the people who lead an issue in prose', () => {
    expect(names('Two teams of guest editors have announced plans for special issues of Nuclear Science and Engineering. Ana Pérez and Abderrafi M. Ougouag are leading the NSE issue Small Reactors in Practice, while Joseph Nielsen is organizing the NSE issue Irradiation Experiments.\n\nDeadline: 1 May 2026\n'))
      .toEqual(expect.arrayContaining(['Ana Pérez', 'Abderrafi M. Ougouag']));
  });
});

describe('round 26: deadlines', () => {
  it('reads "Encerramento" (Portuguese) and "Chiusura" (Italian) as a submission deadline label', () => {
    expect(dateFieldOf('Encerramento')).toBe('submission_deadline');
    expect(dateFieldOf('Chiusura della call')).toBe('submission_deadline');
  });

  it('reads a timetable whose lines give the date first and the label after a dash', () => {
    expect(parseCfp('Special Issue on Semantics\n\nWe invite papers on semantics.\n\nTimetable:\n20 Feb 2019 - paper submission\n10 May 2019 - author notification\n10 Oct 2019 - camera-ready submission\n').dates)
      .toEqual(expect.objectContaining({ submission_deadline: '2019-02-20', first_decision: '2019-05-10' }));
    // A sentence that ends on a year before a dash is no date line.
    expect(parseCfp('Special Issue on Semantics\n\nWe invite papers on semantics.\n\nThe workshop began in 2019 - submission is open\n').dates.submission_deadline).toBeUndefined();
  });

  it('reads the end of a submission window labelled on its own ("Ends", "Fin", "Reception: From opening to ...")', () => {
    expect(dateFieldOf('Ends')).toBe('submission_deadline');
    expect(dateFieldOf('Fin')).toBe('submission_deadline');
    expect(dateFieldOf('Weekends')).toBeUndefined();
    expect(parseCfp('Special Issue on Small Firms\n\nWe invite papers on small firms.\n\nStarts:  Aug 1, 2020 9:00 AM (ET)\nEnds:  Aug 31, 2020 11:59 PM (ET)\n').dates.submission_deadline).toBe('2020-08-31');
    expect(parseCfp('Special Issue on Forest Use\n\nWe invite papers on forests.\n\n  • Release of the call: March 1, 2025.\n  • Reception: From opening to April 30, 2025\n  • Peer review: February 15 to June 30, 2025\n').dates.submission_deadline).toBe('2025-04-30');
    expect(parseCfp('Chamada pública para edição temática\n\nAbertura: 31/07/2020\nEncerramento: 20/11/2020 (novo prazo)\n\nConvidamos artigos sobre saúde global.\n').dates.submission_deadline).toBe('2020-11-20');
  });
});

describe('a call flattened to one line', () => {
  it('is read, not refused, when its only line names the deadline and the editors', () => {
    const call = parseCfp('Special Issue on Compilation Techniques for Distributed Memory Systems. Papers are solicited for a special issue on compilation. Topics of interest include, but are not limited to: dependence analysis, data distribution, and loop transformations. Manuscripts are due by October 9, 1995. The guest editors are Prof. Dharma P. Agrawal and Prof. Santosh Pande.');
    expect(call.dates.submission_deadline).toBe('1995-10-09');
    expect(call.guest_editors.map((e) => e.name)).toEqual(['Dharma P. Agrawal', 'Santosh Pande']);
    expect(call.topics).toEqual(['dependence analysis', 'data distribution', 'loop transformations']);
    expect(call.scope).toContain('Papers are solicited for a special issue on compilation');
  });
});
