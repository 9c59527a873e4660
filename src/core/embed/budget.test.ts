import { describe, expect, it } from 'vitest';
import { boundSentences, estimateTokens, pickEvenly, splitWindows } from './budget.js';

const prose = 'Graph neural networks forecast the load of power distribution grids from smart meter data. '.repeat(400);

describe('estimateTokens', () => {
  it('counts letters by threes, digits by twos and every other visible character', () => {
    expect(estimateTokens('Graph neural networks.')).toBe(8);
    expect(estimateTokens('12345')).toBe(3);
    expect(estimateTokens('!?')).toBe(2);
    expect(estimateTokens('   ')).toBe(0);
  });
});

describe('splitWindows', () => {
  it('returns a short text unchanged', () => {
    expect(splitWindows('A short abstract.', 1024)).toEqual(['A short abstract.']);
  });

  it('cuts a long text into windows within the limit that together hold every word, in order', () => {
    const windows = splitWindows(prose, 256);
    expect(windows.length).toBeGreaterThan(10);
    for (const w of windows) expect(estimateTokens(w)).toBeLessThanOrEqual(256);
    expect(windows.join(' ')).toBe(prose.replace(/\s+/g, ' ').trim());
    // Cut at word starts: no window starts inside a word.
    for (const w of windows) expect(prose.includes(` ${w.split(' ')[0]}`) || prose.startsWith(w.split(' ')[0] ?? '')).toBe(true);
  });

  it('hard-splits one enormous word and bounds characters', () => {
    const word = 'x'.repeat(20_000);
    const windows = splitWindows(word, 1024);
    expect(windows.join('')).toBe(word);
    for (const w of windows) expect(w.length).toBeLessThanOrEqual(3 * 1024);
  });

  it('collapses a huge whitespace run that the token estimate does not see', () => {
    expect(splitWindows(`a${' '.repeat(100_000)}b`, 1024)).toEqual(['a b']);
    expect(splitWindows(' '.repeat(100_000), 1024)).toEqual([' ']);
  });
});

describe('pickEvenly and boundSentences', () => {
  it('keeps the first and last and spreads the rest', () => {
    expect(pickEvenly([0, 1, 2, 3, 4, 5, 6, 7, 8], 3)).toEqual([0, 4, 8]);
    expect(pickEvenly([1, 2], 5)).toEqual([1, 2]);
    expect(pickEvenly([1, 2, 3], 1)).toEqual([1]);
  });

  it('merges neighbouring sentences into at most maxUnits groups, keeping all text in order', () => {
    const sentences = Array.from({ length: 2_857 }, (_, i) => `We go ${i}.`);
    const groups = boundSentences(sentences, { maxUnits: 32 });
    expect(groups).toHaveLength(32);
    expect(groups.join(' ')).toBe(sentences.join(' '));
    expect(boundSentences(['a.', 'b.'], { maxUnits: 32 })).toEqual(['a.', 'b.']);
  });

  it('past maxTokens, merges into groups of about groupTokens, of similar length', () => {
    const sentences = Array.from({ length: 200 }, (_, i) => `Sentence number ${i} talks about graph neural networks and power grids.`);
    const groups = boundSentences(sentences, { maxUnits: 32, maxTokens: 1_000, groupTokens: 500 });
    const total = sentences.reduce((s, x) => s + estimateTokens(x), 0);
    expect(groups).toHaveLength(Math.ceil(total / 500));
    expect(groups.join(' ')).toBe(sentences.join(' '));
    for (const g of groups) expect(estimateTokens(g)).toBeLessThanOrEqual(560);
    // Under maxTokens nothing changes.
    expect(boundSentences(sentences.slice(0, 10), { maxUnits: 32, maxTokens: 1_000 })).toEqual(sentences.slice(0, 10));
  });
});
