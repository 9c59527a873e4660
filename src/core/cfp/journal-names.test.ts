import { describe, expect, it } from 'vitest';
import shipped from '../../../data/journal-names/names.json' with { type: 'json' };
import { isListedJournal, journalKey, listedJournals } from './journal-names.js';
import { venueCandidates } from './venue-candidates.js';
import { toLines } from './lines.js';
import { parseCfp } from './parse.js';

describe('journal names list', () => {
  it('stores names the way journalKey reads them (the build script and the parser agree)', () => {
    expect(shipped.licence).toBe('CC0-1.0');
    expect(shipped.names.length).toBe(shipped.count);
    for (let i = 0; i < shipped.names.length; i += 97) {
      const n = shipped.names[i] ?? '';
      expect(journalKey(n)).toBe(n);
    }
    expect([...shipped.names].sort()).toEqual(shipped.names);
  });

  it('folds case, accents, "&", punctuation and a leading "The"', () => {
    expect(journalKey('The Journal of Physical Chemistry B')).toBe('journal of physical chemistry b');
    expect(journalKey('Information & Computation')).toBe('information and computation');
    expect(journalKey('Bulletin de la Société de pathologie exotique')).toBe('bulletin de la societe de pathologie exotique');
    expect(isListedJournal('Chemistry of Materials')).toBe(true);
    expect(isListedJournal('chemistry  of   MATERIALS')).toBe(true);
    expect(isListedJournal('Special Issue on Soil Carbon')).toBe(false);
    expect(isListedJournal('')).toBe(false);
  });
});

describe('listedJournals', () => {
  it('finds a journal named in passing, as the text writes it', () => {
    expect(listedJournals('To submit your manuscript, use the submission site for Radio Science and select the collection.')).toEqual(['Radio Science']);
    expect(listedJournals('Accepted papers will appear in Geochemistry, Geophysics, Geosystems next year.')).toContain('Geochemistry, Geophysics, Geosystems');
  });

  it('takes the longest listed name at a place, not the names inside it', () => {
    const found = listedJournals('Papers go to the Journal of Medicinal Chemistry this year.');
    expect(found).toEqual(['Journal of Medicinal Chemistry']);
  });

  it('keeps a name on its line and in its sentence', () => {
    // "Radio" and "Science" on two lines, or either side of a full stop, are not "Radio Science".
    expect(listedJournals('We study Radio\nScience fairs.')).toEqual([]);
    expect(listedJournals('Tuned to the Radio. Science moves on.')).toEqual([]);
  });

  it('needs capitals: lower-case running text is not a journal', () => {
    expect(listedJournals('advances in radio science and chemistry of materials are welcome')).toEqual([]);
  });

  it('reads a one-word name only where a text puts its journal', () => {
    const one = shipped.names.find((n) => n === 'nanoscale');
    expect(one).toBeDefined();
    expect(listedJournals('A special section in Nanoscale invites papers.')).toEqual(['Nanoscale']);
    expect(listedJournals('Nanoscale research has grown.')).toEqual([]);
    expect(listedJournals('Journal cover for Nanoscale\n\nCall for papers')).toEqual(['Nanoscale']);
  });

  it('stops at its limit on a page of names', () => {
    const page = Array.from({ length: 100 }, () => 'See Radio Science.').join(' ');
    expect(listedJournals(page, 5)).toHaveLength(5);
  });
});

describe('venue candidates', () => {
  it('offers a listed journal the sentence patterns miss, marked as listed', () => {
    const plain = 'Millimetre-wave propagation\nTo submit your manuscript, use the submission site for Radio Science and select the collection title.';
    const all = venueCandidates({ lines: toLines(plain), links: [], plain });
    const listed = all.find((c) => c.text === 'Radio Science');
    expect(listed?.sources).toContain('listed');
  });

  it('reads a journal before "Focus Issue" as it reads one before "Special Issue"', () => {
    const plain = 'Be included in the Soil Health Progress Focus Issue\nWe invite papers on soil health.';
    const all = venueCandidates({ lines: toLines(plain), links: [], plain });
    expect(all.find((c) => c.text === 'Soil Health Progress')?.sources).toContain('ctx:before-issue');
  });
});

describe('venue from the list, in a whole call', () => {
  it('takes a listed journal that no sentence pattern reads as the venue (the parser before the list gave none for these)', () => {
    expect(parseCfp('Call for Papers: Structural Operational Semantics\n\nInformation & Computation\n\nWe invite papers on structural operational semantics for a special issue. Submission deadline: 30 June 2025.\n').venue).toBe('Information & Computation');
    expect(parseCfp('Special Issue on Structural Semantics\n\nThe special issue will appear in Information & Computation. Submission deadline: 30 June 2025.\n').venue).toBe('Information & Computation');
    // The list only offers candidates: whether a name in passing is the venue is the trees' call, and a retrain may abstain where
    // one mention is all a short call gives ("submitted to Geochemistry, Geophysics, Geosystems by ..." did flip on the 755-call retrain).
  });

  it('does not take a listed name that is the issue\'s theme ("this special issue on Nutrition and Health")', () => {
    const call = parseCfp('Healthy Foods and Dietary Patterns\n\nThis special issue on Nutrition and Health is aimed at researchers in the nutritional sciences. We welcome papers on functional foods and on diet and disease.\n');
    expect(call.venue).toBeUndefined();
  });
});
