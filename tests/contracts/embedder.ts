/**
 * Contract for the Embedder port: shape, unit length, determinism, batching
 * that does not change answers, and (for real models only) semantic sanity.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Embedder } from '../../src/core/ports.js';
import { dot } from './random.js';

type Maybe<T> = T | Promise<T>;

export interface EmbedderContractOptions {
  /** Expected `dimensions`, when known up front. */
  dimensions?: number;
  /** Check that related texts are closer than unrelated ones (off for random test models). */
  semantic?: boolean;
  /** Agreement required between batched and one-by-one vectors. Default 1e-4. */
  tolerance?: number;
}

const TEXTS = [
  'Graph neural networks for short-term load forecasting in power distribution grids.',
  'We study transformer language models for scientific document retrieval.',
  'Medieval Italian poetry and its manuscript tradition.',
  'Deep learning.',
  'A',
];

function expectClose(a: Float32Array, b: Float32Array, tolerance: number): void {
  expect(a.length).toBe(b.length);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs((a[i] as number) - (b[i] as number)));
  expect(worst).toBeLessThanOrEqual(tolerance);
}

/**
 * Register the Embedder contract for one implementation. `create` is called
 * once; the embedder is disposed after the suite.
 *
 * @example
 * testEmbedder('use-lite', () => createUseLiteEmbedder(), { dimensions: 512, semantic: true });
 */
export function testEmbedder(name: string, create: () => Maybe<Embedder>, options: EmbedderContractOptions = {}): void {
  const tolerance = options.tolerance ?? 1e-4;
  let embedder: Embedder;
  const one = async (text: string): Promise<Float32Array> => (await embedder.embed([text]))[0] as Float32Array;

  describe(`Embedder contract: ${name}`, () => {
    beforeAll(async () => {
      embedder = await create();
    });
    afterAll(async () => {
      await embedder?.dispose?.();
    });

    it('has an id and positive integer dimensions', () => {
      expect(embedder.id).toMatch(/\S/);
      expect(Number.isInteger(embedder.dimensions) && embedder.dimensions > 0).toBe(true);
      if (options.dimensions !== undefined) expect(embedder.dimensions).toBe(options.dimensions);
    });

    it('returns [] for no texts', async () => {
      expect(await embedder.embed([])).toEqual([]);
    });

    it('returns one finite unit-length Float32Array per text, in order', async () => {
      const vectors = await embedder.embed(TEXTS);
      expect(vectors).toHaveLength(TEXTS.length);
      for (const v of vectors) {
        expect(v).toBeInstanceOf(Float32Array);
        expect(v.length).toBe(embedder.dimensions);
        expect(v.every(Number.isFinite)).toBe(true);
        expect(Math.sqrt(dot(v, v))).toBeCloseTo(1, 4);
      }
      // Different texts give different vectors (an embedder returning a constant fails here).
      expect(dot(vectors[0] as Float32Array, vectors[2] as Float32Array)).toBeLessThan(0.999);
    });

    it('is deterministic across calls', async () => {
      expectClose(await one(TEXTS[1] as string), await one(TEXTS[1] as string), 1e-6);
    });

    it('gives the same vectors batched as one by one, beyond one batch', async () => {
      const many = Array.from({ length: 37 }, (_, i) => `${TEXTS[i % TEXTS.length]} Variant ${i}.`);
      const batched = await embedder.embed(many);
      expect(batched).toHaveLength(many.length);
      for (const i of [0, 5, 16, 17, 36]) expectClose(batched[i] as Float32Array, await one(many[i] as string), tolerance);
    });

    it('handles empty and whitespace-only texts without shifting the others', async () => {
      const texts = ['', TEXTS[0] as string, '   ', '\n', TEXTS[2] as string, ''];
      const vectors = await embedder.embed(texts);
      expect(vectors).toHaveLength(texts.length);
      for (const v of vectors) expect(Math.sqrt(dot(v, v))).toBeCloseTo(1, 4);
      expectClose(vectors[1] as Float32Array, await one(TEXTS[0] as string), tolerance);
      expectClose(vectors[4] as Float32Array, await one(TEXTS[2] as string), tolerance);
      expectClose(vectors[0] as Float32Array, await one(''), tolerance);
    });

    it('embeds a very long text', async () => {
      const long = Array.from({ length: 600 }, (_, i) => `sentence ${i} about learning`).join('. ');
      const [v] = await embedder.embed([long]);
      expect(v?.length).toBe(embedder.dimensions);
    });

    if (options.semantic) {
      it('puts related texts closer than unrelated ones', async () => {
        const [grid, ml, poetry] = await embedder.embed([
          'Forecasting electricity demand in power grids with neural networks.',
          'Machine learning models for energy load prediction.',
          'Love and exile in the sonnets of Renaissance Italian poets.',
        ]);
        expect(dot(grid as Float32Array, ml as Float32Array)).toBeGreaterThan(dot(grid as Float32Array, poetry as Float32Array) + 0.1);
      });
    }
  });
}
