import { describe, expect, it } from 'vitest';
import { createFakeEmbedder } from '../../../tests/fixtures/fake-embedder.js';
import { createFlatIndex } from '../flat-index.js';
import { Call } from '../schema.js';
import { tokenize } from '../text/tokens.js';
import { createCorpus } from './corpus.js';
import { denseMoments, shrinkToward, topMoments, type DenseStats } from './reference.js';

describe('topMoments and shrinkToward', () => {
  it('takes the moments of the k largest values only', () => {
    expect(topMoments([1, 5, 3], 2)).toEqual({ mean: 4, sd: Math.SQRT2 });
    expect(topMoments([1, 5, 3], 10).mean).toBe(3);
  });
  it('mixes in the pooled moments and floors the spread', () => {
    expect(shrinkToward({ mean: 2, sd: 0 }, { mean: 1, sd: 1 }, 0.2, 0.5)).toEqual({ mean: 1.8, sd: 0.5 });
    expect(shrinkToward({ mean: 2, sd: 3 }, { mean: 1, sd: 1 }, 0, 0.5)).toEqual({ mean: 2, sd: 3 });
  });
});

describe('denseMoments', () => {
  it('is the mean and spread of c.x for the population the statistics describe', () => {
    // Population: x = mean + t * u with t = -1, 0, +1 (variance 1 along u, 0 elsewhere).
    const st: DenseStats = { embedder: 'e', mean: new Float32Array([0.5, 0, 0]), components: [new Float32Array([0, 1, 0])], variances: [1], residual: 0 };
    const c = new Float32Array([0.6, 0.8, 0]);
    const m = denseMoments(c, st);
    expect(m.mean).toBeCloseTo(0.3, 6);
    expect(m.sd).toBeCloseTo(0.8, 6);
    // A direction the components miss carries the residual variance.
    expect(denseMoments(new Float32Array([0, 0, 1]), { ...st, residual: 0.04 }).sd).toBeCloseTo(0.2, 6);
  });
});

describe('reference moments in the corpus', () => {
  const population = {
    abstracts: ['Galaxy clusters and dark matter in the early universe.', 'Protein folding and enzyme kinetics.', 'Neural machine translation of low-resource languages.', 'Soil erosion in farmland.'].map((t) => ({ tokens: tokenize(t) })),
  };
  it('reads a title-only call and a long call on their own scales, and refreshes a call whose text changed', async () => {
    const corpus = createCorpus({ embedder: createFakeEmbedder(16, 'fake-16'), index: createFlatIndex({ dimensions: 16 }), reference: population });
    await corpus.upsert([
      Call.parse({ id: 'short', title: 'Machine translation' }),
      Call.parse({ id: 'long', title: 'Astronomy', scope: 'Galaxy clusters, dark matter, the early universe, cosmic rays, stars and galaxies of every kind.', topics: ['dark matter', 'galaxy clusters'] }),
    ]);
    const s = corpus.reference?.of('short');
    const l = corpus.reference?.of('long');
    expect(s && l).toBeTruthy();
    expect(l?.lexical.mean).toBeGreaterThan(0);
    expect(s?.lexical.sd).toBeGreaterThanOrEqual(0.5);
    // No dense statistics shipped: the cosine is read raw.
    expect(s?.dense).toBeUndefined();
    const before = corpus.reference?.of('short')?.lexical.mean;
    await corpus.upsert([Call.parse({ id: 'short', title: 'Soil erosion on farmland' })]);
    expect(corpus.reference?.of('short')?.lexical.mean).not.toBe(before);
    await corpus.remove(['short']);
    expect(corpus.reference?.of('short')).toBeUndefined();
  });
  it("reads a short draft against the share of each call's BM25 mean its length calls for, a whole abstract against all of it", () => {
    const corpus = createCorpus({ embedder: createFakeEmbedder(16, 'fake-16'), index: createFlatIndex({ dimensions: 16 }), reference: population });
    const mean = population.abstracts.reduce((n, a) => n + a.tokens.length, 0) / population.abstracts.length;
    expect(corpus.reference?.lexicalScale(mean / 2)).toBeCloseTo(0.5, 9);
    expect(corpus.reference?.lexicalScale(mean * 3)).toBe(1);
    const unscaled = createCorpus({ embedder: createFakeEmbedder(16, 'fake-16'), index: createFlatIndex({ dimensions: 16 }), reference: population, referenceOptions: { topShare: 0.1, shrink: 0.2, minDenseSpread: 0.02, minLexicalSpread: 0.5, scaleToDraft: false } });
    expect(unscaled.reference?.lexicalScale(1)).toBe(1);
  });
});
