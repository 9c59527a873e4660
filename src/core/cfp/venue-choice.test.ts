import { describe, expect, it } from 'vitest';
import { parseCfp } from './parse.js';
import { toLines } from './lines.js';
import { chooseVenue } from './venue-choice.js';
import { venueCandidates } from './venue-candidates.js';
import { abstainFeatures, VENUE_FEATURES, venueFeatures } from './venue-features.js';

const text = [
  'Call for Contributions: World Christianity',
  '',
  'The journal, Religions, is seeking article submissions for a special issue on world Christianity.',
  'Papers will be published in Religions (ISSN 2077-1444) in 2026.',
].join('\n');
const lines = toLines(text);
const plain = lines.map((l) => l.text).join('\n');

describe('venue candidates', () => {
  it('offers a one-word journal named in prose, once, with every source that found it', () => {
    const cs = venueCandidates({ lines, links: [], plain });
    const religions = cs.filter((c) => c.text === 'Religions');
    expect(religions).toHaveLength(1);
    expect(religions[0]?.sources).toEqual(expect.arrayContaining(['ctx:the-journal', 'ctx:issn']));
  });

  it('splits two journals joined by "and" and never offers a journal word alone', () => {
    const t = 'A joint call of Nature Communications and Communications Materials.\nThe Journal welcomes papers.';
    const cs = venueCandidates({ lines: toLines(t), links: [], plain: t, rule: 'Nature Communications and Communications Materials' }).map((c) => c.text);
    expect(cs).toEqual(expect.arrayContaining(['Nature Communications', 'Communications Materials']));
    expect(cs).not.toContain('Journal');
  });
});

describe('venue features', () => {
  it('describes the abstain candidate by what the call offers', () => {
    const none = abstainFeatures([], undefined);
    expect(none[VENUE_FEATURES.indexOf('abstain')]).toBe(1);
    expect(none[VENUE_FEATURES.indexOf('abstain-no-rule')]).toBe(1);
    expect(abstainFeatures([], 'Soil')[VENUE_FEATURES.indexOf('abstain-no-rule')]).toBe(0);
  });

  it('counts a capitalised word the text also writes in lower case as a word, not a name', () => {
    const t = 'Past issues are online. We look at the past.';
    const f = venueFeatures({ text: 'Past', sources: ['top-line'] }, { plain: t, links: [], all: [] });
    expect(f[VENUE_FEATURES.indexOf('lower-words')]).toBe(1);
    expect(f).toHaveLength(VENUE_FEATURES.length);
  });
});

describe('chooseVenue', () => {
  it('picks the journal with the shipped weights, and the rules path keeps the rules answer', () => {
    expect(chooseVenue({ lines, links: [], plain, chooser: 'learned' }).venue).toBe('Religions');
    expect(chooseVenue({ lines, links: [], plain, chooser: 'rules', rule: { venue: 'Soil Letters (SL)', where: 'x' } }).venue).toBe('Soil Letters');
  });

  it('abstains when the model rates "no venue" above every name', () => {
    // One tree: the "no venue" candidate (abstain = 1) scores 5, every name 0.
    const model = { features: ['abstain'], trees: [[{ f: 0, t: 0.5, l: 1, r: 2 }, { v: 0 }, { v: 5 }]] };
    expect(chooseVenue({ lines, links: [], plain, chooser: 'learned', model }).venue).toBeUndefined();
    // The same tree with "no venue" scored below every name: a name is chosen, so the model is what abstained.
    const namesFirst = { features: ['abstain'], trees: [[{ f: 0, t: 0.5, l: 1, r: 2 }, { v: 0 }, { v: -5 }]] };
    expect(chooseVenue({ lines, links: [], plain, chooser: 'learned', model: namesFirst }).venue).toBeDefined();
  });

  it('leaves the venue empty with a warning rather than inventing one', () => {
    const call = parseCfp('Soil Carbon Markets\n\nWe invite papers on soil carbon markets and their policy for the coming years.\n\nTopics:\n- Carbon credits\n- Soil sampling\n');
    expect(call.venue).toBeUndefined();
    expect(call.warnings).toContain('no journal (venue) found');
  });
});
