import { describe, expect, it } from 'vitest';
import { toLines } from './lines.js';
import { venueCandidates } from './venue-candidates.js';
import { VENUE_FEATURES, venueFeatures } from './venue-features.js';
import { widenings } from './venue-widen.js';

const candidates = (text: string) => {
  const lines = toLines(text);
  return venueCandidates({ lines, links: [], plain: lines.map((l) => l.text).join('\n') });
};

describe('widenings', () => {
  it('reads the capitalised words before a name cut short, and the words joined on after it', () => {
    expect(widenings('Law Review', 'published in the American University Law Review in 2024.')).toEqual(['American University Law Review']);
    expect(widenings('ACM Transactions', 'a special issue of ACM Transactions on Human-Computer Interaction.')).toEqual(['ACM Transactions on Human-Computer Interaction']);
    expect(widenings('Latinoamericana de Estudios Educativos', 'la Revista Latinoamericana de Estudios Educativos convoca')).toEqual(['Revista Latinoamericana de Estudios Educativos']);
    expect(widenings('Continuing Engineering Education', 'in the International Journal of Continuing Engineering Education today')).toEqual(['International Journal of Continuing Engineering Education']);
    expect(widenings('Ecosistemas', 'la revista Ecosistemas y Recursos Agropecuarios publica')).toEqual(['Ecosistemas y Recursos Agropecuarios']);
  });

  it('offers each place a joining word goes on as a reading of its own', () => {
    expect(widenings('Interacting', 'a special issue of Interacting with Computers on HCI')).toEqual(['Interacting with Computers', 'Interacting with Computers on HCI']);
  });

  it('reads a subtitle after a colon or a dash, and a lead word with a colon before an article', () => {
    expect(widenings('Biological Psychiatry', 'Biological Psychiatry: Global Open Science Special Issue')).toEqual(['Biological Psychiatry: Global Open Science']);
    expect(widenings('Transnational Social', 'Transnational Social Review – A Social Work Journal')).toContain('Transnational Social Review – A Social Work Journal');
    expect(widenings('Journal of Social Theory', 'disClosure: A Journal of Social Theory invites papers')).toEqual(['disClosure: A Journal of Social Theory']);
  });

  it('takes an article only where the sentence would not capitalise it', () => {
    expect(widenings('Lion and the Unicorn', 'submit to The Lion and the Unicorn.')).toEqual(['The Lion and the Unicorn']);
    expect(widenings('Journal of Police and Criminal Psychology', 'Intro. The Journal of Police and Criminal Psychology invites papers')).toEqual([]);
  });

  it('never runs into the call’s own words, a publisher or a month', () => {
    expect(widenings('Religions', 'Special Issue Religions')).toEqual([]);
    expect(widenings('Sustainability', 'Sustainability Special Issue on cities')).toEqual([]);
    expect(widenings('Personal and Ubiquitous Computing', 'Personal and Ubiquitous Computing Journal - Springer')).toEqual(['Personal and Ubiquitous Computing Journal']);
    expect(widenings('Energies', 'Energies December 2024')).toEqual([]);
  });

  it('reads nothing for a name the text does not write', () => {
    expect(widenings('Nature', 'a call with no journal')).toEqual([]);
  });
});

describe('widened venue candidates', () => {
  it('adds the longer spelling beside the short one, carrying its evidence, and marks both', () => {
    const cs = candidates('Call for papers\n\nACM Transactions special issue. Published in ACM Transactions on Human-Computer Interaction.');
    const short = cs.find((c) => c.text === 'ACM Transactions');
    const wide = cs.find((c) => c.text === 'ACM Transactions on Human-Computer Interaction');
    expect(wide?.sources).toContain('widened');
    for (const s of short?.sources ?? []) expect(wide?.sources).toContain(s);
    expect(short?.wider).toBeGreaterThan(0);
    const f = venueFeatures(wide!, { plain: 'x', links: [], all: cs });
    expect(f[VENUE_FEATURES.indexOf('widened')]).toBe(1);
    expect(f[VENUE_FEATURES.indexOf('widened-context')]).toBe(1);
    expect(venueFeatures(short!, { plain: 'x', links: [], all: cs })[VENUE_FEATURES.indexOf('has-wider')]).toBe(1);
  });

  it('marks a widening whose added words are the call’s own title', () => {
    const wide = { text: 'Religions on Faith Healing', sources: ['widened'], widened: { from: ['ctx:issue-of'], added: ' on Faith Healing' } };
    const f = venueFeatures(wide, { plain: 'x', links: [], all: [wide], title: 'Faith Healing in Africa' });
    expect(f[VENUE_FEATURES.indexOf('widened-title-words')]).toBe(1);
    expect(f[VENUE_FEATURES.indexOf('widened-only')]).toBe(1);
    expect(venueFeatures(wide, { plain: 'x', links: [], all: [wide], title: 'Prayer' })[VENUE_FEATURES.indexOf('widened-title-words')]).toBe(0);
  });

  it('reads a journal that opens a sentence with what it has done or will do, and one set beside what it is', () => {
    const cs = candidates('Intro.\nBMC Public Health has launched a collection on loneliness. IEEE Software will commemorate the date.\n\niScience, an interdisciplinary open access journal from Cell Press, calls for papers.');
    expect(cs.find((c) => c.text === 'BMC Public Health')?.sources).toContain('ctx:x-will');
    expect(cs.find((c) => c.text === 'IEEE Software')?.sources).toContain('ctx:x-will');
    expect(cs.find((c) => c.text === 'iScience')?.sources).toContain('ctx:appositive');
  });
});

describe('widenings of a name that is itself a list', () => {
  it('reads capitalised words parted by commas up to "and"', () => {
    expect(widenings('Estuarine', 'the journal Estuarine, Coastal and Shelf Science.')).toEqual(['Estuarine, Coastal and Shelf Science']);
    expect(widenings('Statistics', 'Statistics, Politics and Policy invites papers')).toContain('Statistics, Politics and Policy');
    expect(widenings('Soil', 'Soil, and more')).toEqual([]);
  });
});

describe('names that are no journal', () => {
  it('never offers a pronoun or a call’s status as a venue', () => {
    const texts = candidates('CLOSED\n\nWe invite papers on soil. They welcome reviews.').map((c) => c.text.toLowerCase());
    expect(texts).not.toContain('closed');
    expect(texts).not.toContain('we');
    expect(texts).not.toContain('they');
  });
});

describe('venue labels, after round 13', () => {
  it('reads the journal after a page label, and a journal line without the sentence’s preposition', () => {
    expect(candidates('Special issue on 6G\n\nJournal Name : Physical Communication\nJournal Publisher:').find((c) => c.text === 'Physical Communication')?.sources).toContain('ctx:label');
    const texts = candidates('Call for papers\nfor the Human–Computer Interaction Journal\n\nWe invite papers.').map((c) => c.text);
    expect(texts).not.toContain('for the Human–Computer Interaction Journal');
  });
});

describe('widenings, session 16', () => {
  it('reads a subtitle that is itself a list, and stops before an acronym after the name', () => {
    expect(widenings('Projector', 'The Projector: A Journal of Film, Media, and Culture special issue on X')).toContain('Projector: A Journal of Film, Media, and Culture');
    expect(widenings('Psychomusicology', 'The journal Psychomusicology: Music, Mind and Brain (PMMB) encourages submissions')).toContain('Psychomusicology: Music, Mind and Brain');
    expect(widenings('Information & Security', 'Information & Security: An International Journal I&S invites')).toContain('Information & Security: An International Journal');
  });

  it('offers no ISSN label as a journal', () => {
    expect(candidates('ISSN: 2183-2463\n\nA special issue of Politics and Governance.').map((c) => c.text)).not.toContain('ISSN');
  });
});
