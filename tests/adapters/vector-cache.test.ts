import { describe, expect, it } from 'vitest';
import { createHnswIndex } from '../../src/adapters/node/hnsw-index.js';
import { cacheVectors, restoreCachedHnsw } from '../../src/adapters/node/vector-cache.js';
import { testVectorIndex } from '../contracts/vector-index.js';

testVectorIndex(
  'hnsw + vector cache',
  async (dims) => cacheVectors(await createHnswIndex({ dimensions: dims, initialCapacity: 8 })),
  async (raw) => cacheVectors(await createHnswIndex({ dimensions: raw.dimensions, raw }), raw),
  { savesToFile: true },
);

describe('cacheVectors', () => {
  it('returns the vectors hnswlib stores, before and after a save/restore round-trip', async () => {
    const dims = 24;
    const inner = await createHnswIndex({ dimensions: dims, initialCapacity: 4 });
    const index = cacheVectors(inner);
    const items = Array.from({ length: 40 }, (_, i) => ({ id: `c${i}|topic|${i}`, vector: Float32Array.from({ length: dims }, (_, d) => Math.sin(i * 7 + d) + 0.1) }));
    await index.upsert(items);
    await index.remove(['c3|topic|3', 'c9|topic|9']);
    await index.upsert([{ id: 'new|topic|x', vector: Float32Array.from({ length: dims }, (_, d) => d + 1) }]);
    const raw = await index.save();
    const restored = cacheVectors(await createHnswIndex({ dimensions: dims, raw }), raw);
    for (const { id } of [...items, { id: 'new|topic|x' }]) {
      const native = inner.get(id);
      expect(index.get(id) === undefined).toBe(native === undefined);
      expect(restored.get(id) === undefined).toBe(native === undefined);
      if (!native) continue;
      const a = index.get(id) as Float32Array;
      const b = restored.get(id) as Float32Array;
      for (let d = 0; d < dims; d++) {
        expect(a[d]).toBeCloseTo(native[d] as number, 6);
        expect(b[d]).toBe(native[d]);
      }
    }
    expect(restored.size()).toBe(39);
  });
});

describe('cacheVectors with keep and a saved file', () => {
  it('caches only kept ids, reads the rest from hnswlib, and restores from the file path alone', async () => {
    const { mkdtemp, rm, truncate } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { openIndexFiles, saveIndexFiles } = await import('../../src/adapters/node/index-files.js');
    const { isWholeCallPassage } = await import('../../src/core/corpus/passage-id.js');
    const dims = 16;
    const inner = await createHnswIndex({ dimensions: dims, initialCapacity: 4 });
    const index = cacheVectors(inner, undefined, { keep: isWholeCallPassage });
    const items = Array.from({ length: 30 }, (_, i) => ({
      id: `c${i % 5}|${i % 3 === 0 ? 'call' : 'topic'}|${i}`,
      vector: Float32Array.from({ length: dims }, (_, d) => Math.cos(i * 3 + d) + 0.2),
    }));
    await index.upsert(items);
    await index.remove([items[4]?.id ?? '']);
    const dir = await mkdtemp(join(tmpdir(), 'cfpmatch-cache-'));
    try {
      await saveIndexFiles(dir, { embedder: 'test', calls_hash: 'x' }, await index.save());
      const saved = await openIndexFiles(dir);
      if (!saved) throw new Error('not saved');
      const restored = cacheVectors(await createHnswIndex({ dimensions: dims, file: saved.file }), saved.file, { keep: isWholeCallPassage });
      expect(restored.size()).toBe(29);
      for (const { id } of items) {
        const native = inner.get(id);
        expect(restored.get(id) === undefined).toBe(native === undefined);
        expect(index.get(id) === undefined).toBe(native === undefined);
        if (!native) continue;
        expect(Array.from(restored.get(id) as Float32Array)).toEqual(Array.from(native));
        (index.get(id) as Float32Array).forEach((x, d) => expect(x).toBeCloseTo(native[d] as number, 6));
        const hit = await restored.search(native, 1);
        expect(hit[0]?.id).toBe(id);
      }
      // The server's path: the same vectors and hits with the cache filled while hnswlib reads the file.
      const overlapped = await restoreCachedHnsw({ dimensions: dims, file: saved.file }, { keep: isWholeCallPassage });
      expect(overlapped.size()).toBe(29);
      for (const { id } of items) {
        const want = restored.get(id);
        expect(overlapped.get(id) === undefined).toBe(want === undefined);
        if (!want) continue;
        expect(Array.from(overlapped.get(id) as Float32Array)).toEqual(Array.from(want));
        expect((await overlapped.search(want, 3)).map((h) => h.id)).toEqual((await restored.search(want, 3)).map((h) => h.id));
      }
      // A truncated file is INDEX_CORRUPT (caught before hnswlib, which trusts its header, reads it).
      await truncate(saved.file.path, 100);
      await expect(restoreCachedHnsw({ dimensions: dims, file: saved.file }, { keep: isWholeCallPassage })).rejects.toMatchObject({ code: 'INDEX_CORRUPT' });
      await expect(openIndexFiles(dir)).rejects.toMatchObject({ code: 'INDEX_CORRUPT' });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
