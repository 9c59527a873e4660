import { describe, expect, it } from 'vitest';
import { cleanVenue, fromSpecial, isGenericTitle, splitTail, stripNoise } from './title-parts.js';
import { journalLine } from './venue-lines.js';
import { venueFromSlug, venueInText } from './venue.js';
import { parseCfp } from './parse.js';

describe('announcing lines', () => {
  it.each([
    ['CFP: EAAI Special Issue "Internet of Things (IoT) for In-Vehicle Systems"', 'Internet of Things (IoT) for In-Vehicle Systems', 'EAAI'],
    ['Call for Papers: A Special Issue of Vehicular Communications on “Security and Privacy in IoV”', 'Security and Privacy in IoV', 'Vehicular Communications'],
    ['CfP: "Modeling and Mining Feature-Rich Networks" Special Issue of Applied Network Science', 'Modeling and Mining Feature-Rich Networks', 'Applied Network Science'],
    ['SI on Smart Mobile Data Collection in the Context of Neuroscience (IF: 3.877)', 'Smart Mobile Data Collection in the Context of Neuroscience', undefined],
    ['Topical Issue on Deep Learning in Robotics / PALADYN. Journal of Behavioral Robotics', 'Deep Learning in Robotics', 'PALADYN. Journal of Behavioral Robotics'],
    ['(Deadline approaching) - Special Issue on Geo-distributed Big Data Processing', 'Geo-distributed Big Data Processing', undefined],
    ['CFP - Special Issue on Data analytics for engineering, science and society (Computing -- Springer)', 'Data analytics for engineering, science and society', 'Computing'],
    ['We would like to invite you to contribute to the Special Issue “History from Scratch”, published as one of the first issues', 'History from Scratch', undefined],
    // Round 3 patterns: a singular "Call For Paper", a comma after "Special Issue", the sentence saying where the issue is published.
    ['Call For Paper: a Special Issue of Information Sciences On Big Data Privacy', 'Big Data Privacy', 'Information Sciences'],
    ['CFP: PMLA Special Issue, Varieties of Digital Humanities', 'Varieties of Digital Humanities', 'PMLA'],
    ['This special issue on Soil Carbon Markets will be published in Journal of Soil Policy (JSP). The guest editors invite ...', 'Soil Carbon Markets', 'Journal of Soil Policy'],
  ])('%s', (line, title, venue) => {
    const sp = fromSpecial(line);
    expect(sp?.title).toBe(title);
    expect(sp?.venue).toBe(venue);
  });

  it('drops e-mail subject noise and keeps what is not noise', () => {
    expect(stripNoise('[Deadline Extended] SI: Big Data Exploration')).toBe('SI: Big Data Exploration');
    expect(stripNoise('2nd CFP: SI - Complex IoT')).toBe('SI - Complex IoT');
    expect(stripNoise('Soil Health and Food Security')).toBe('Soil Health and Food Security');
  });

  it('splits a journal off the end of a title only when the tail reads as one', () => {
    expect(splitTail('Smart IoT Sensing (MDPI Sensors Open Access Journal)')).toEqual({ title: 'Smart IoT Sensing', venue: 'Sensors' });
    expect(splitTail('Data Capture to Support Learning Engagement - IEEE-TLT')).toEqual({ title: 'Data Capture to Support Learning Engagement', venue: 'IEEE-TLT' });
    expect(splitTail('Machine Learning for the Internet of Things (IoT)')).toEqual({ title: 'Machine Learning for the Internet of Things (IoT)' });
    expect(splitTail('History from Scratch – Voices across the Planet')).toEqual({ title: 'History from Scratch – Voices across the Planet' });
  });

  it('never takes announcement noise or a sentence for a venue', () => {
    expect(cleanVenue('(Deadline approaching)')).toBe('');
    expect(cleanVenue('CFP')).toBe('');
    expect(cleanVenue('CFP Semantic Web Journal')).toBe('Semantic Web Journal');
    expect(cleanVenue('ACM TSAS')).toBe('ACM TSAS');
    expect(cleanVenue('ACM TSAS CFP -')).toBe('ACM TSAS');
    expect(cleanVenue('IEEE Transactions on Learning Technologies (IEEE-TLT)')).toBe('IEEE Transactions on Learning Technologies');
    expect(cleanVenue('This')).toBe('');
    expect(fromSpecial('We would like to invite you to contribute to the Special Issue on Soil Health')?.venue).toBeUndefined();
  });

  it('stays fast on a very long line', () => {
    expect(fromSpecial(`${'Aa ('.repeat(50_000)} Special Issue on X`)).toBeUndefined();
    expect(splitTail('('.repeat(100_000)).title.length).toBeGreaterThan(0);
  });
});

describe('journal lines and venues in prose', () => {
  it.each([
    ['Journal of Big Data Research, Elsevier', 'Journal of Big Data Research'],
    ['Engineering Applications of Artificial Intelligence (EAAI)', 'Engineering Applications of Artificial Intelligence'],
    ['Future Generation Computer Systems (Elsevier)', 'Future Generation Computer Systems'],
    ['IEEE Transactions on Network and Service Management', 'IEEE Transactions on Network and Service Management'],
    ['The journal welcomes original articles', undefined],
    ['Data Journal Special Issue on', undefined],
    ['Big Data Research', undefined],
    ['on Semantic Web Journal', 'Semantic Web Journal'],
    ['Applied Sciences', undefined],
    ['Int. J. of Continuing Engineering Education and Life-Long Learning', 'International Journal of Continuing Engineering Education and Life-Long Learning'],
    ['Transportation Research Part A', 'Transportation Research Part A'],
  ])('%s', (line, name) => {
    expect(journalLine(line)).toBe(name);
  });

  it('reads the journal in a possessive and in an announcing sentence', () => {
    expect(venueInText('Call for Papers for Philosophy and Technology’s special issue on computing')).toBe('Philosophy and Technology');
    expect(venueInText('Intro text. eLife is pleased to announce Mechanistic microbiome studies: a Special Issue, curating ...')).toBe('eLife');
    expect(venueInText('A Special Issue of Sustainability (ISSN 2071-1050) published by MDPI')).toBe('Sustainability');
  });

  it('reads the journal from its address as the text capitalises it, with the prefix a publisher adds', () => {
    const link = (url: string) => [{ label: url, url }];
    expect(venueFromSlug(link('https://www.frontiersin.org/journals/neuroscience#about'), 'Mobile data in Neuroscience. About Frontiers in Neuroscience')).toBe('Frontiers in Neuroscience');
    expect(venueFromSlug(link('https://mts.hindawi.com/submit/journals/complexity/aabms/'), 'the complexity of it. Complexity modeling')).toBe('Complexity');
    expect(venueFromSlug(link('http://www.mdpi.com/journal/sensors/special_issues/x'), 'cheap sensors. About MDPI Sensors')).toBe('Sensors');
    expect(cleanVenue('MDPI Sensors; IF 2.475')).toBe('Sensors');
  });
});

describe('titles and venues of e-mailed calls', () => {
  it('reads a journal masthead over its ISSN line, and drops that journal from the end of a subject line', () => {
    expect(journalLine('Applied Sciences', 'ISSN: 2076-3417')).toBe('Applied Sciences');
    const call = parseCfp('Special Issue on Smart Soil Sensors - Applied Sciences\n\nCALL FOR PAPERS:\n\nSpecial Issue "Smart Soil Sensors"\n\nApplied Sciences\nISSN: 2076-3417\n\nDear Colleagues,\n\nSoil sensing is changing agriculture. We invite papers on it.');
    expect(call.title).toBe('Smart Soil Sensors');
    expect(call.venue).toBe('Applied Sciences');
  });

  it('prefers the full title on the first line under a subject that shortens it', () => {
    const call = parseCfp('2nd CFP: SI - Machine Learning Techniques for Complex IoT\n\nMachine Learning Techniques for Complex Internet of Things Systems\n\nCFP\n\nThe Internet of Things has made it possible for devices to share data. We invite papers.');
    expect(call.title).toBe('Machine Learning Techniques for Complex Internet of Things Systems');
    const other = parseCfp('CFP: Special Issue on Soil Carbon Markets\n\nJournal of Soil Policy\n\nSoil carbon markets are growing. We invite papers.');
    expect(other.title).toBe('Soil Carbon Markets');
  });

  it('takes no sentence for a title: listing sentences, "Theme of the Special Issue" labels, "Please click" instructions', () => {
    const listing = parseCfp('About Special Issues\n\nThe list of the ongoing Special Issue(s) is shown below. Authors can find the most suitable Special Issue for their manuscripts.\n\nOngoing Special Issue(s)\n\nRisk Assessment in Soil Science\n\nSubmission Deadline: Aug. 25, 2021\n\nSoil risk is a growing concern for farmers and for the public.');
    expect(listing.title).toBe('Risk Assessment in Soil Science');
    const theme = parseCfp('Call for Papers: Special Issues\n\nPlease click on the following Special Issue topics for more information.\n\nTheme of the Special Issue:\nRecent unrest has put soil policy in the spotlight. In light of these facts, we have focused this special issue on soil policy and affective science.\n');
    expect(theme.title).toMatch(/^soil policy and affective science$/i);
  });

  it('prefers the fuller title the message spells out over its subject line, and the journal line beside it', () => {
    const call = parseCfp('ACM Transaction in Social Computing Special Issue on Emoji Understanding\n\n*****\n\nACM Transactions on Social Computing Journal\nSpecial Issue on Emoji Understanding and Applications in Social Media\n\n*****\n\nWith the rise of social media, emoji have become popular. We invite papers on emoji.');
    expect(call.title).toBe('Emoji Understanding and Applications in Social Media');
    // The line's spelling or the journal list's (without the trailing "Journal"): the venue trees weigh both, and a retrain may pick either.
    expect(call.venue).toMatch(/^ACM Transactions on Social Computing(?: Journal)?$/);
  });

  it('spells out a journal named by its acronym from a journal line near the title', () => {
    const call = parseCfp('CFP: EAAI Special Issue "IoT for In-Vehicle Systems"\n\nCall For Papers\n\nSpecial Issues on “IoT for In-Vehicle Systems”\n=================\nEngineering Applications of Artificial Intelligence (EAAI)\nThe International Journal of Intelligent Real-Time Automation\n\nThe Internet of Things describes a network of smart devices. We invite papers.');
    expect(call.title).toBe('IoT for In-Vehicle Systems');
    expect(call.venue).toBe('Engineering Applications of Artificial Intelligence');
  });

  it('takes the title an announcing sentence names (the cascade; the learned chooser weighs it as a candidate)', () => {
    // The learned chooser picks the heading's name here (as it does on the eLife call this comes from, a cross-validated miss
    // listed in eval/cfp/README.md round 8); the announcing sentence must still give a candidate.
    const text = 'Special Issue: Call for papers pushing the boundaries of microbiome research\n\neLife is pleased to announce Mechanistic microbiome studies: a Special Issue, curating the very best in the field of microbiome research.\n';
    expect(parseCfp(text, { titleChooser: 'cascade' }).title).toBe('Mechanistic microbiome studies');
    const seen: string[] = [];
    parseCfp(text, { onTitleCandidates: (s) => seen.push(...s.map((c) => c.title)) });
    expect(seen).toContain('Mechanistic microbiome studies');
  });
});

describe('titles on listing pages and around label lines', () => {
  it('takes the call under "Ongoing Special Issue(s)" on a listing page, not the page heading', () => {
    const call = parseCfp('About Special Issues\n\nA Special Issue is a collection of articles on a hot topical research area within the scope of the journal.\n\nList of Special Issues\n\nOngoing Special Issue(s)\n\nSoil Health in Dry Lands\n\n(Lead Guest Editor: Ada Lovelace )\n\nSubmission Deadline: Aug. 25, 2021\n');
    expect(call.title).toBe('Soil Health in Dry Lands');
  });

  it('never takes a labelled field line for the title, even without a space after the colon', () => {
    const call = parseCfp('Editor:Lasana Harris, Department of Experimental Psychology, University College London\n\nCall for Papers: Structural racism and affective science\n\nWe invite papers for this issue on structural racism and affective science.\n');
    expect(call.title).toBe('Structural racism and affective science');
  });
});

describe('announcements with their own prefix', () => {
  it('reads the title after "Call for Proposals from X:", not X', () => {
    expect(parseCfp('Call for Proposals from Early Career Researchers: Public History – Beyond Impact and Engagement\n\nHistory invites proposals for a special issue on public history.\n').title).toBe('Public History – Beyond Impact and Engagement');
  });
});

describe('round 4: header fields and generic headings', () => {
  it('reads "Theme:" as the title and "Publication:" as the journal, without its subtitle', () => {
    const call = parseCfp('Call for Publications\n\nTheme: Soil and Society\nPublication: Soil Letters: A Journal of Soil,\nPlant and Water Science\nDeadline: 20.5.2027\n\nWe invite papers on soil and society, on all aspects of the topic.');
    expect(call.title).toBe('Soil and Society');
    expect(call.venue).toBe('Soil Letters');
  });

  it('ignores a "Theme:" paragraph and a "Publication:" date', () => {
    const call = parseCfp('Special Issue on Soil Carbon\n\nTheme: Soils store carbon. This issue asks how much and for how long, and what policy can do.\nPublication:     April 2027\n\nWe invite papers.');
    expect(call.title).toBe('Soil Carbon');
    expect(call.venue).toBeUndefined();
  });

  it.each(['Call for Publications', 'CALL FOR PARTICIPATION', 'Public Health Reviews - Calls for papers 2025', 'Call for papers for a special issue (until June 2024)'])('%s is a generic heading', (h) => {
    expect(isGenericTitle(h)).toBe(true);
  });

  it('keeps a titled call whose heading only looks generic', () => {
    expect(isGenericTitle('Calls for Papers on Soil (and Water)')).toBe(false);
  });

  it('drops a descriptive subtitle from a journal name, but not an acronym\'s', () => {
    expect(cleanVenue('Critical Hermeneutics. Biannual International Journal of Philosophy')).toBe('Critical Hermeneutics');
    expect(cleanVenue('LLC: The Journal of Digital Scholarship in the Humanities')).toBe('LLC: The Journal of Digital Scholarship in the Humanities');
  });
});

describe('round 5: numbered section headings', () => {
  it('are generic like their unnumbered words', () => {
    expect(isGenericTitle('II. Description')).toBe(true);
    expect(isGenericTitle('2. Background')).toBe(true);
    expect(isGenericTitle('II. Soil Carbon Markets')).toBe(false);
  });
});
