import { describe, expect, it } from 'vitest';
import type { Embedder } from '../ports.js';
import { createPooledEmbedder, pooledIfAsked, sentenceWindows } from './pooled-embedder.js';

/** Two dimensions: [texts mentioning "alpha", the rest], so pooled vectors are easy to predict. */
const toy: Embedder = {
  id: 'toy',
  dimensions: 2,
  async embed(texts) {
    return texts.map((t) => (t.includes('alpha') ? Float32Array.from([1, 0]) : Float32Array.from([0, 1])));
  },
};

describe('sentenceWindows', () => {
  it('packs whole sentences in order up to the limit', () => {
    expect(sentenceWindows('One two. Three four. Five six.', 8)).toEqual(['One two. Three four.', 'Five six.']);
  });
  it('cuts a sentence longer than the limit by words', () => {
    const w = sentenceWindows('aaa bbb ccc ddd eee fff.', 3);
    expect(w.length).toBeGreaterThan(1);
    expect(w.join(' ').replace(/\s+/g, ' ')).toBe('aaa bbb ccc ddd eee fff.');
  });
});

describe('createPooledEmbedder', () => {
  it('leaves short texts to the inner embedder and pools the windows of long ones, weighted by tokens', async () => {
    const e = createPooledEmbedder(toy, { windowTokens: 8 });
    expect(e.id).toBe('toy+pool8');
    const [short, long] = await e.embed(['alpha beta.', 'alpha gamma delta. beta gamma delta.']);
    expect(Array.from(short as Float32Array)).toEqual([1, 0]);
    // Two windows of equal length, one per direction: the unit vector halfway between.
    expect((long as Float32Array)[0]).toBeCloseTo(Math.SQRT1_2, 5);
    expect((long as Float32Array)[1]).toBeCloseTo(Math.SQRT1_2, 5);
  });
});

describe('pooledIfAsked', () => {
  it('leaves the embedder alone when unset, pools when given a size, and refuses anything else by name', () => {
    expect(pooledIfAsked(toy, undefined)).toBe(toy);
    expect(pooledIfAsked(toy, '160').id).toBe('toy+pool160');
    expect(() => pooledIfAsked(toy, 'abc')).toThrow(/EVAL_POOL_TOKENS must be a whole number of at least 8 \(got "abc"\)/);
    expect(() => pooledIfAsked(toy, '4')).toThrow(/EVAL_POOL_TOKENS/);
  });
});
