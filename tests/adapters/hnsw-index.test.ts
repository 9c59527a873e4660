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

  it('keeps a filter exact as ids come and go (its allowed labels are kept between searches)', async () => {
    const data = randomUnitVectors(1600, DIMS, 11);
    const hnsw = await createHnswIndex({ dimensions: DIMS });
    const flat = createFlatIndex({ dimensions: DIMS });
    const isPaper = (id: string): boolean => id.startsWith('paper-');
    const both = async (items: Array<{ id: string; vector: Float32Array }>) => Promise.all([hnsw.upsert(items), flat.upsert(items)]);
    // 600 papers among 1,200 passages: above the exact-search limit, so the graph is searched with the kept labels.
    await both(data.slice(0, 1200).map((vector, i) => ({ id: i % 2 ? `call-${i}` : `paper-${i}`, vector })));
    const q = randomUnitVectors(1, DIMS, 12)[0] as Float32Array;
    const ids = async () => (await hnsw.search(q, 600, isPaper)).map((h) => h.id);
    expect((await ids()).every(isPaper)).toBe(true);
    expect(await ids()).toHaveLength(600);
    // Remove 100 papers, then reuse their labels for call passages and new papers.
    const gone = Array.from({ length: 100 }, (_, i) => `paper-${2 * i}`);
    await Promise.all([hnsw.remove(gone), flat.remove(gone)]);
    expect(await ids()).toHaveLength(500);
    await both(data.slice(1200, 1300).map((vector, i) => ({ id: `call-x${i}`, vector })));
    await both(data.slice(1300, 1600).map((vector, i) => ({ id: `paper-x${i}`, vector })));
    const got = await ids();
    expect(got.every(isPaper)).toBe(true);
    expect(got).toHaveLength(600); // k = 600 of the 800 papers now
    expect(got.some((id) => gone.includes(id))).toBe(false);
    const all = (await hnsw.search(q, 2000, isPaper)).map((h) => h.id).sort();
    expect(all).toEqual((await flat.search(q, 2000, isPaper)).map((h) => h.id).sort());
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
