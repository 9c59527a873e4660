/**
 * Batching by length: texts of similar length share a model batch, small calls are spread over the
 * threads, every text comes back in its place, and the vectors equal one-at-a-time embedding to
 * 1e-5 (the model masks the padding).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createUseLiteEmbedder } from '../../src/adapters/node/use-lite-embedder.js';
import { lengthBatches } from '../../src/adapters/node/use-lite-pool.js';

const TEXTS = [
  'Graph neural networks.',
  'We propose a scheduling method for large AI models serving millions of heterogeneous Internet of Things devices with strict latency budgets, and evaluate it on three public traces.',
  'Power grids.',
  'Protein folding with diffusion models and a new benchmark of experimentally resolved structures.',
  '',
  'Ocean acidification in coastal waters.',
];

describe('lengthBatches', () => {
  it('puts every index in exactly one batch, shortest texts together', () => {
    const batches = lengthBatches(TEXTS, 2, 1);
    expect(batches.flat().sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(batches).toEqual([[4, 2], [0, 5], [3, 1]]);
  });

  it('cuts a call too small to fill the threads into one batch per thread', () => {
    expect(lengthBatches(TEXTS, 16, 2)).toEqual([[4, 2, 0], [5, 3, 1]]);
    expect(lengthBatches(TEXTS, 16, 1)).toEqual([[4, 2, 0, 5, 3, 1]]);
    expect(lengthBatches(['a'], 16, 2)).toEqual([[0]]);
    expect(lengthBatches([], 16, 2)).toEqual([]);
  });
});

describe('USE-lite batched by length', () => {
  const e = createUseLiteEmbedder({ batchSize: 16 });
  afterAll(() => e.dispose());

  it('gives the one-at-a-time vectors to 1e-5, in input order', async () => {
    const batched = await e.embed(TEXTS);
    const single = await Promise.all(TEXTS.map(async (t) => (await e.embed([t]))[0] as Float32Array));
    expect(batched).toHaveLength(TEXTS.length);
    batched.forEach((v, i) => {
      const ref = single[i] as Float32Array;
      let worst = 0;
      for (let k = 0; k < v.length; k++) worst = Math.max(worst, Math.abs((v[k] as number) - (ref[k] as number)));
      expect(worst).toBeLessThan(1e-5);
    });
    expect(new Set(batched.map((v) => v[0])).size).toBe(TEXTS.length);
  });
});
