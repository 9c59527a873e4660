import { describe, expect, it } from 'vitest';
import { toLines } from './lines.js';
import { sectionsOf } from './sections.js';
import { unmarkedRuns } from './unmarked-lists.js';
import { lastSentence, lineSentences } from './lists.js';
import { parseCfp } from './parse.js';

const topicsOf = (text: string) => parseCfp(`Special Issue on Testing\n\nThis special issue is about testing things in general.\n\n${text}`).topics;

describe('list marks', () => {
  it.each([
    ['-What are the limits?', '-', 'What are the limits?'],
    ['-- Data management', '--', 'Data management'],
    ['(a) Soil carbon', 'alpha', 'Soil carbon'],
    ['ii. Erosion', 'alpha', 'Erosion'],
    ['iii) Runoff', 'alpha', 'Runoff'],
    ['1) Nitrogen', 'num', 'Nitrogen'],
    ['•Data mining', '•', 'Data mining'],
  ])('%s is an item', (raw, marker, text) => {
    expect(toLines(raw)[0]).toMatchObject({ kind: 'bullet', marker, text });
  });

  it.each(['-based approaches are common', 'e.g. this one', 'A. Smith wrote it'])('%s is not an item', (raw) => {
    expect(toLines(raw)[0]?.kind).toBe('text');
  });

  it('reads consecutive "#" lines as a list, a lone "# Title" as a heading, and "*****" as a rule', () => {
    expect(toLines('  #  applications of deep learning\n  #  GPU computing').map((l) => l.kind)).toEqual(['bullet', 'bullet']);
    expect(toLines('# Title\n\nText').map((l) => l.kind)).toEqual(['heading', 'blank', 'text']);
    expect(toLines('*************').map((l) => l.kind)).toEqual(['rule']);
  });
});

describe('unmarked topic lists', () => {
  it('takes one topic per line after a lead-in, and stops at the blank line before the prose', () => {
    expect(topicsOf('Topics of interest include (but are not limited to):\n\nBig Spatial Data\nLocation Privacy, Data Sharing and Security\nTraffic Telematics\n\nThe journal welcomes original articles on any of the above topics.')).toEqual([
      'Big Spatial Data', 'Location Privacy, Data Sharing and Security', 'Traffic Telematics',
    ]);
  });

  it('takes the lines under a Topics heading and nests indented lines under the item above', () => {
    expect(topicsOf('Topics of Interest\n==========\n\n    Knowledge Graphs\n        Creation and maintenance\n        Cross domain integration\n    Semantic Web Services\n    Inference and Reasoning\n')).toEqual([
      'Knowledge Graphs: Creation and maintenance; Cross domain integration', 'Semantic Web Services', 'Inference and Reasoning',
    ]);
  });

  it('ends a list at a new lead-in and at a person, and reads the next list too', () => {
    const text = 'Research topics include:\n\nWearable IoT devices\nLow-power IoT networking\nApplication topics include, but are not limited to:\n\nSmart grids\nSmart farming\nProf. Dimitrios Georgakopoulos\nGuest Editor';
    expect(topicsOf(text)).toEqual(['Wearable IoT devices', 'Low-power IoT networking', 'Smart grids', 'Smart farming']);
  });

  it('never reads hard-wrapped prose after a lead-in as a list', () => {
    const lines = toLines('Topics of interest\nThe special issue welcomes submissions of technical and methodological contributions\nfocused on real-world problems and systems that are deployed or are in the process\nof being deployed in industry and in science.\n');
    expect(unmarkedRuns(lines, sectionsOf(lines))).toEqual([]);
  });

  it('does not take prose paragraphs or e-mail lines as items', () => {
    expect(topicsOf('The topics include the following:\nThis is a long sentence about the call. It has two sentences in it, so it is prose.\nAnother line here\n')).toEqual([]);
  });
});

describe('nested and grouped lists', () => {
  it('nests items marked differently straight under an item, and gives the items of a grouped list as the topics', () => {
    const text = 'Topics of interest include:\n\n* Big Data Analytics\n- Anomaly detection\n- Log analytics\n* Application Domains\n- Cloud analytics\n- Storage management\n';
    expect(topicsOf(text)).toEqual(['Anomaly detection', 'Log analytics', 'Cloud analytics', 'Storage management']);
  });

  it('keeps a nested item with its parent when only some items have sub-items', () => {
    const text = 'Topics of interest include:\n\n- Networking\n    - SDN\n    - NFV\n- Edge AI\n- Security\n';
    expect(topicsOf(text)).toEqual(['Networking: SDN; NFV', 'Edge AI', 'Security']);
  });

  it('does not nest a differently marked list that follows after a blank line', () => {
    const text = 'Topics of interest include:\n\n- Soil carbon\n- Erosion\n\n* Runoff\n* Nitrogen\n';
    expect(topicsOf(text)).toEqual(['Soil carbon', 'Erosion', 'Runoff', 'Nitrogen']);
  });
});

describe('lists that lost their marks or lead into sub-lists', () => {
  it('reads indented capitalised lines under a group item as its items, not as the item wrapped', () => {
    const text = 'The interests include the following list:\n\n(i) Fundamentals and Technologies\n Social network models\n Searching and discovery\n (ii) Security and Privacy\n Accountability and audit\n Secure access\n';
    expect(topicsOf(text)).toEqual(['Social network models', 'Searching and discovery', 'Accountability and audit', 'Secure access']);
  });

  it('still joins an indented line that continues a bullet', () => {
    expect(topicsOf('Topics include:\n\n- Harnessing big data from the Web to facilitate disaster\n  and risk management\n- Digital volunteering\n')).toEqual([
      'Harnessing big data from the Web to facilitate disaster and risk management', 'Digital volunteering',
    ]);
  });

  it('nests a differently marked list under an item that leads into it, even after a blank line', () => {
    const text = 'The topics of interest are:\n\n1. New methods, such as\n\n- Ant Colony Systems\n- Genetic Algorithms\n\n2. Applications, including\n\n- Computer aided diagnosis\n';
    expect(topicsOf(text)).toEqual(['Ant Colony Systems', 'Genetic Algorithms', 'Computer aided diagnosis']);
  });

  it('reads Word\'s Symbol-font bullet as a list mark', () => {
    expect(topicsOf('Topics include:\n\uf0b7 Blockchain platforms\n\uf0b7 Smart grids\n')).toEqual(['Blockchain platforms', 'Smart grids']);
  });
});

describe('headings in e-mails', () => {
  it('drops heading decoration and tells a long dashed separator from an underline', () => {
    expect(toLines('#### Guest editors *****************').map((l) => [l.kind, l.text])).toEqual([['heading', 'Guest editors']]);
    expect(toLines('Topics\n------').map((l) => l.kind)).toEqual(['heading', 'rule']);
    expect(toLines('Peng Cui, Tsinghua University, China\n-----------------------------------------------------------------------').map((l) => l.kind)).toEqual(['text', 'rule']);
  });
});

describe('hard-wrapped e-mail text', () => {
  it('joins an unindented line that goes on from a list item', () => {
    expect(topicsOf('Topics of interest include (but are not limited to) the following:\n\n- Authentication techniques to discriminate between legitimate and\nmalicious nodes\n- Machine learning-based detection techniques\n- Access control mechanisms that prevent data disclosure hosted in\nsocial networks\n')).toEqual([
      'Authentication techniques to discriminate between legitimate and malicious nodes',
      'Machine learning-based detection techniques',
      'Access control mechanisms that prevent data disclosure hosted in social networks',
    ]);
  });

  it('reads a title wrapped after a comma', () => {
    const call = parseCfp('Security and Communication Networks\nSpecial Issue on Characterization and Detection of Fakes, Spammers,\nand Bots in Social and Communication Networks\n\nThis special issue focuses on authentication techniques and detection of bots.');
    expect(call.title).toBe('Characterization and Detection of Fakes, Spammers, and Bots in Social and Communication Networks');
  });
});

describe('round 4: wrapped lead-ins and Word bullets', () => {
  it('reads the lead-in sentence an e-mail wrapped over several lines', () => {
    const call = parseCfp('Soil and Society\n\nTo be more precise, the following research questions, inter alia, shall be addressed by\nthis Special Issue:\n\n-What are the limits of soil carbon?\n-What means soil quality here?\n-Can we measure erosion remotely?\n');
    expect(call.topics).toEqual(['What are the limits of soil carbon?', 'What means soil quality here?', 'Can we measure erosion remotely?']);
  });

  it('reads "o" followed by a tab or spaces as a bullet, and a word "o" as text', () => {
    expect(toLines('o       Soil carbon\no\tErosion').map((l) => [l.kind, l.text])).toEqual([['bullet', 'Soil carbon'], ['bullet', 'Erosion']]);
    expect(toLines('o soil')[0]?.kind).toBe('text');
  });
});

describe('round 4: long unmarked items and a Keywords heading', () => {
  it('keeps unmarked items up to 300 characters', () => {
    const long = `Soil methods for ${'carbon, water, erosion, '.repeat(8)}and policy`;
    const call = parseCfp(`Soil and Society\n\nPotential topics include but are not limited to the following:\n\nSoil carbon markets\n${long}\nErosion control\n`);
    expect(call.topics).toEqual(['Soil carbon markets', long, 'Erosion control']);
  });

  it('reads a "Keywords" line as a heading, so its list is the topics when there is no other list', () => {
    expect(toLines('Keywords')[0]?.kind).toBe('heading');
    const call = parseCfp('Soil and Society\n\nWe invite papers on soil.\n\nImportant dates\n\nSubmission deadline: 30/06/2027\n\nKeywords\n\n* Soil carbon\n* Erosion\n* Water quality\n');
    expect(call.topics).toEqual(['Soil carbon', 'Erosion', 'Water quality']);
  });
});

describe('round 4: research questions as the only list', () => {
  it('takes a list of questions after any lead-in when there is no topic list', () => {
    expect(parseCfp('Soil and Society\n\nWe invite papers on soil. The special issue inquiries into:\n1. How can we measure soil carbon?\n2. What limits erosion control?\n3. Who pays for soil health?\n').topics).toHaveLength(3);
  });

  it('but not a list of statements after a lead-in that is not about topics', () => {
    expect(parseCfp('Soil and Society\n\nWe invite papers on soil. Changes can impact:\n1. Soil carbon\n2. Erosion control\n3. Soil health\n').topics).toEqual([]);
  });
});

describe('round 4: questions beside a topic list', () => {
  it('leaves out a list of questions when the call also has a topic list', () => {
    const call = parseCfp('Soil and Society\n\nThe following questions arise:\n\n* How to measure soil carbon?\n* Who pays for soil health?\n\nTopics of interest include:\n\n* Soil carbon markets\n* Erosion control\n');
    expect(call.topics).toEqual(['Soil carbon markets', 'Erosion control']);
  });
});

describe('round 4: publisher promotion and article types are not topics', () => {
  it('leaves out "Benefits of publishing include:" and "publishes the following article types:" lists', () => {
    const call = parseCfp('Soil and Society\n\nTopics might include:\n  • soil carbon markets;\n  • erosion control.\nBenefits of publishing include:\n  • Rapid, high-quality peer review\n  • Open access options available\n');
    expect(call.topics).toEqual(['soil carbon markets', 'erosion control']);
    expect(parseCfp('Soil and Society\n\nWe invite papers on soil.\n\nSoil Letters publishes the following article types:\n\n1. Research Articles\n2. Book Symposia\n3. Review Essays\n').topics).toEqual([]);
  });
});

describe('round 5: a list introduced by "issues such as:"', () => {
  it('is the topic list', () => {
    const call = parseCfp('Special Issue on Soil Politics\n\nThis special issue asks one question. Papers addressing it could look at issues such as:\n\n-   carbon markets\n-   land tenure, \n-   soil and the state\n\nStudies from all approaches are welcome.');
    expect(call.topics).toEqual(['carbon markets', 'land tenure', 'soil and the state']);
  });
});

describe('round 5: a signature block', () => {
  it('is not taken for the topic list when the call has none', () => {
    const call = parseCfp('Special Issue on Soil Politics\n\nWe invite essays on soil and the state for our next issue, due 1 May 2027.\n\n### Soil Letters\n\n- Jane Smith, PhD\n- Editor-in-Chief\n- Contact Email: <jane@soil.org>\n- URL <https://soil.org/journal>');
    expect(call.topics).toEqual([]);
  });
});

describe('which bullet lists are topics', () => {
  it('a lead-in ending "the following topics:" wins over a requirement word earlier in its sentence', () => {
    const call = parseCfp('Soil and Society\n\nPapers that satisfy the general requirements of the journal are invited and may cover any of the following topics:\n•    Soil carbon\n•    Erosion control\n•    Water quality\n');
    expect(call.topics).toEqual(['Soil carbon', 'Erosion control', 'Water quality']);
  });

  it('a list of instructions to authors is not topics, whatever introduces it', () => {
    const call = parseCfp('Soil and Society\n\nWe invite papers on soils. Please consider the following:\n- All articles must adhere to the journal guidelines\n- Manuscripts should be submitted via the portal\n- Any article type is welcome\n');
    expect(call.topics).toEqual([]);
  });

  it('with no topics lead-in, the first long list after a sentence saying what the call seeks is its topics', () => {
    const call = parseCfp('Soil and Society\n\nThis special issue aims to address key research fronts:\n\n- Soil carbon under warming\n\n- Erosion and land use\n\n- Water quality in farms\n');
    expect(call.topics).toEqual(['Soil carbon under warming', 'Erosion and land use', 'Water quality in farms']);
    const background = parseCfp('Soil and Society\n\nWe invite papers on soils.\n\nChanges can impact:\n\n- Soil carbon under warming\n\n- Erosion and land use\n\n- Water quality in farms\n');
    expect(background.topics).toEqual([]);
  });
});

describe('topic lists in other languages and after open-ended lead-ins (round 14)', () => {
  it('an Italian "Temi:" list, a Spanish "Ejes temáticos" heading, a French "thèmes suivants"', () => {
    expect(parseCfp('Numero speciale: Scuola e democrazia\n\nIl numero raccoglie contributi su scuola e inclusione.\n\nTemi:\n\n- Scuola, università, contesti formativi\n\n- Cittadinanza attiva\n\n- Processi inclusivi\n').topics).toEqual([
      'Scuola, università, contesti formativi', 'Cittadinanza attiva', 'Processi inclusivi',
    ]);
    expect(parseCfp('Dossier: Agua y territorio\n\nConvocamos artículos sobre el agua.\n\nEjes temáticos\n\nGobernanza del agua\nConflictos hídricos\nAgua y género\n\nFecha límite: 30 de junio de 2026\n').topics).toEqual([
      'Gobernanza del agua', 'Conflictos hídricos', 'Agua y género',
    ]);
    expect(parseCfp('Numéro spécial : Villes et climat\n\nCe numéro accueille des articles sur les thèmes suivants :\n- Adaptation urbaine\n- Îlots de chaleur\n- Gouvernance locale\n').topics).toEqual([
      'Adaptation urbaine', 'Îlots de chaleur', 'Gouvernance locale',
    ]);
  });

  it('an Italian inline list after its lead-in and colon', () => {
    const text = 'Futuri dell’Europa\n\nIl numero è aperto a contributi che possano studiare ambiti diversi ed eterogenei: istituzioni e politica; economia e società; culture e linguaggi.\n';
    expect(parseCfp(text).topics).toEqual(['istituzioni e politica', 'economia e società', 'culture e linguaggi']);
  });

  it('an unmarked list after a sentence that ends "not limited to the following," with no colon', () => {
    const text = 'Special Issue on Intrusion Detection\n\nThe journal solicits papers covering areas that are included but not limited to the following,\n\nDetection of known attacks,\nDeception systems and honeypots,\nNetwork forensics\nLog analysis\n\nWe solicit previously unpublished research papers.\n';
    expect(parseCfp(text).topics).toEqual(['Detection of known attacks', 'Deception systems and honeypots', 'Network forensics', 'Log analysis']);
  });

  it('a sentence that merely mentions the following words with a comma is no list of topics when prose follows', () => {
    const text = 'Special Issue on Soil Health\n\nWe invite papers on soil health, including,\nbut not only, its microbiology and its chemistry, which together shape what farms can grow.\n';
    expect(parseCfp(text).topics).toEqual([]);
  });
});

describe('lineSentences', () => {
  it('splits at sentence ends, not after an honorific or an initial, and in prose not after "e.g."', () => {
    expect(lineSentences('We invite papers. Dr. Kim and J. Lee edit it.')).toEqual(['We invite papers.', 'Dr. Kim and J. Lee edit it.']);
    expect(lineSentences('Methods, e.g. Bayesian ones, are welcome. Topics follow.', true)).toEqual(['Methods, e.g. Bayesian ones, are welcome.', 'Topics follow.']);
    expect(lineSentences('Methods, e.g. Bayesian ones.')).toEqual(['Methods, e.g.', 'Bayesian ones.']);
  });
});

describe('lastSentence', () => {
  it('ends a sentence before a capital, not after an honorific or an initial', () => {
    expect(lastSentence('We invite papers. Topics include:')).toBe('Topics include:');
    expect(lastSentence('Prof. Christopher B. Barrett and Dr. Ayal Kimhi will guest edit')).toBe('Prof. Christopher B. Barrett and Dr. Ayal Kimhi will guest edit');
    expect(lastSentence('The journal invites papers on COVID-19. Sarah Gollust and Julia Lynch are')).toBe('Sarah Gollust and Julia Lynch are');
  });
});
