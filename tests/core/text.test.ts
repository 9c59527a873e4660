import { describe, expect, it } from 'vitest';
import { countWords, normalizeText, splitSentences, stripBom } from '../../src/core/text/normalize.js';
import { tokenize } from '../../src/core/text/tokens.js';
import { hashText } from '../../src/core/text/hash.js';

describe('normalizeText', () => {
  it('folds whitespace, strips control characters and replacement chars, and unwraps LaTeX math', () => {
    expect(normalizeText('  a\u0000b\t\n c\uFFFD ')).toBe('a b c');
    expect(normalizeText('decay of $\\alpha$ particles')).toBe('decay of alpha particles');
    expect(normalizeText('ﬁber')).toBe('fiber');
  });
  it('drops byte-order marks: stripBom a leading one from files; normalizeText any (JS whitespace includes U+FEFF)', () => {
    expect(stripBom('\uFEFF{"a":1}')).toBe('{"a":1}');
    expect(stripBom('{"a":1}\uFEFF')).toBe('{"a":1}\uFEFF');
    expect(normalizeText('\uFEFFEdge AI.\uFEFF Second part')).toBe('Edge AI. Second part');
  });
});

describe('splitSentences', () => {
  it('splits on sentence ends but not after common abbreviations', () => {
    expect(splitSentences('We study X. It works, e.g. on Y. Done!')).toEqual(['We study X.', 'It works, e.g. on Y.', 'Done!']);
  });
  it('returns nothing for blank text and one sentence for text without a full stop', () => {
    expect(splitSentences('   ')).toEqual([]);
    expect(splitSentences('no full stop here')).toEqual(['no full stop here']);
  });
  it('splits Chinese text on its own sentence marks', () => {
    expect(splitSentences('我们研究边缘智能。结果很好。')).toHaveLength(2);
  });
});

describe('countWords', () => {
  it('counts hyphenated words once and ignores punctuation', () => {
    expect(countWords('6G-enabled edge AI, for IoT — now.')).toBe(6);
    expect(countWords('')).toBe(0);
  });
});

describe('tokenize', () => {
  it('drops stopwords, stems, and keeps hyphenated compounds both split and joined', () => {
    expect(tokenize('The networks are learning')).toEqual(['network', 'learn']);
    expect(tokenize('low-carbon')).toEqual(['low', 'carbon', 'lowcarbon']);
  });
  it('splits capitalised compounds like hyphenated ones, and leaves acronym-like words whole', () => {
    expect(tokenize('AudioVisual')).toEqual(tokenize('Audio-Visual'));
    expect(tokenize('OpenStreetMap')).toEqual(['open', 'street', 'map', 'openstreetmap']);
    expect(tokenize('IoT eHealth GeoAI')).toEqual(['iot', 'ehealth', 'geoai']);
  });
  it('maps Latin and Greek plurals to their singular before stemming', () => {
    const pairs: Array<[string, string]> = [['corpora', 'corpus'], ['analyses', 'analysis'], ['criteria', 'criterion'], ['hypotheses', 'hypothesis'], ['dialyses', 'dialysis'], ['children', 'child']];
    for (const [plural, singular] of pairs) {
      expect(tokenize(plural), plural).toEqual(tokenize(singular));
    }
    expect(tokenize('doses')).not.toEqual(tokenize('dosis'));
  });
  it('drops the kind of issue a call title names ("Special Cluster:") but not the word elsewhere', () => {
    expect(tokenize('Special Cluster: Invisible Labour')).toEqual(tokenize('Invisible Labour'));
    expect(tokenize('Special Section on Audio Archives')).toEqual(tokenize('Audio Archives'));
    expect(tokenize('galaxy cluster sections')).toEqual(['galaxi', 'cluster', 'section']);
  });
  it('uses character bigrams for scripts without spaces', () => {
    expect(tokenize('边缘智能')).toEqual(['边缘', '缘智', '智能']);
  });
  it('keeps numbers and Arabic words', () => {
    expect(tokenize('6G شبكات')).toEqual(['6g', 'شبكات']);
  });
});

describe('hashText', () => {
  it('is deterministic and separates near-identical texts', () => {
    expect(hashText('abc')).toBe(hashText('abc'));
    expect(hashText('abc')).not.toBe(hashText('abd'));
    expect(hashText('')).toMatch(/^[0-9a-z]{11,}$/);
  });
});
