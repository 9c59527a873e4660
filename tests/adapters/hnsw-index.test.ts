import { describe, expect, it } from 'vitest';
import { createHnswIndex } from '../../src/adapters/node/hnsw-index.js';
import { createFlatIndex } from '../../src/core/flat-index.js';
import { randomUnitVectors } from '../contracts/random.js';

const DIMS = 16;

describe('createHnswIndex', () => {
  it('searches the graph with a broad filter and agrees with the exact index', async () => {
    const data = randomUnitVectors(2000, DIMS, 5);
    const items = data.map((vector, i) => ({ id: `p${i}`, vector }));
    const hnsw = await createHnswIndex({ dimensions: DIMS });
    const flat = createFlatIndex({ dimensions: DIMS });
    await Promise.all([hnsw.upsert(items), flat.upsert(items)]);
    // 1040 allowed ids: above the exact-search limit, so this goes through hnswlib's filtered search.
    const allowed = (id: string): boolean => {
      const n = Number(id.slice(1));
      return (n % 2 === 0 && n % 5 !== 0) || n < 400;
    };
    let recall = 0;
    const queries = randomUnitVectors(20, DIMS, 6);
    for (const q of queries) {
      const want = new Set((await flat.search(q, 10, allowed)).map((h) => h.id));
      const got = await hnsw.search(q, 10, allowed);
      expect(got.every((h) => allowed(h.id))).toBe(true);
      recall += got.filter((h) => want.has(h.id)).length / 10;
    }
    expect(recall / queries.length).toBeGreaterThanOrEqual(0.95);
  });

  it('reuses the labels of removed ids instead of growing', async () => {
    const index = await createHnswIndex({ dimensions: DIMS, initialCapacity: 4 });
    const vectors = randomUnitVectors(40, DIMS, 8);
    await index.upsert(vectors.slice(0, 10).map((vector, i) => ({ id: `a${i}`, vector })));
    for (let round = 0; round < 3; round++) {
      await index.remove(Array.from({ length: 10 }, (_, i) => (round === 0 ? `a${i}` : `r${round - 1}-${i}`)));
      await index.upsert(vectors.slice(10 * (round + 1), 10 * (round + 2)).map((vector, i) => ({ id: `r${round}-${i}`, vector })));
    }
    const raw = await index.save();
    expect(raw.ids).toHaveLength(10); // 40 ids went through 10 labels
    expect(index.size()).toBe(10);
    expect((await index.search(vectors[35] as Float32Array, 1))[0]?.id).toBe('r2-5');
  });

  it('rejects a saved index whose header says other dimensions', async () => {
    const small = await createHnswIndex({ dimensions: 8 });
    await small.upsert([{ id: 'x', vector: randomUnitVectors(1, 8, 1)[0] as Float32Array }]);
    const raw = await small.save();
    await expect(createHnswIndex({ dimensions: 4, raw: { ...raw, dimensions: 4 } })).rejects.toMatchObject({
      code: 'INDEX_CORRUPT',
    });
    await expect(createHnswIndex({ dimensions: 4, raw })).rejects.toMatchObject({ code: 'INDEX_MISMATCH' });
  });
});
