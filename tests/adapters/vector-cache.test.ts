import { describe, expect, it } from 'vitest';
import { createHnswIndex } from '../../src/adapters/node/hnsw-index.js';
import { cacheVectors } from '../../src/adapters/node/vector-cache.js';
import { testVectorIndex } from '../contracts/vector-index.js';

testVectorIndex(
  'hnsw + vector cache',
  async (dims) => cacheVectors(await createHnswIndex({ dimensions: dims, initialCapacity: 8 })),
  async (raw) => cacheVectors(await createHnswIndex({ dimensions: raw.dimensions, raw }), raw),
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
