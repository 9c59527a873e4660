import { describe, expect, it } from 'vitest';
import type { Embedder } from '../ports.js';
import { createEmbeddingCache } from './embedding-cache.js';

/** Vectors that name their text's length and a per-call serial, so a cached vector is told apart from a fresh one. */
function counting(id = 'counting'): Embedder & { seen: string[][]; failNext: boolean } {
  let serial = 0;
  const e = {
    id,
    dimensions: 3,
    seen: [] as string[][],
    failNext: false,
    async embed(texts: readonly string[]) {
      e.seen.push([...texts]);
      if (e.failNext) {
        e.failNext = false;
        throw new Error('model failed');
      }
      serial++;
      return texts.map((t, i) => new Float32Array([t.length, serial, i]));
    },
  };
  return e;
}
const bits = (vs: Float32Array[]) => vs.map((v) => Array.from(v));

describe('createEmbeddingCache', () => {
  it('answers a repeated text with exactly the first vector and embeds only the new texts', async () => {
    const inner = counting();
    const cached = createEmbeddingCache(inner, { maxEntries: 10 });
    const first = await cached.embed(['draft text', 'sentence one', 'sentence two']);
    const again = await cached.embed(['sentence two', 'a changed sentence', 'draft text']);
    expect(inner.seen).toEqual([['draft text', 'sentence one', 'sentence two'], ['a changed sentence']]);
    expect(bits([again[0] as Float32Array, again[2] as Float32Array])).toEqual(bits([first[2] as Float32Array, first[0] as Float32Array]));
    expect(Array.from(again[1] as Float32Array)).toEqual([18, 2, 0]);
    expect(cached.cacheStats()).toEqual({ hits: 2, misses: 4, entries: 4 });
  });

  it('keeps at most maxEntries, dropping the least recently used', async () => {
    const inner = counting();
    const cached = createEmbeddingCache(inner, { maxEntries: 2 });
    await cached.embed(['a']);
    await cached.embed(['b']);
    await cached.embed(['a']); // a is now the most recent
    await cached.embed(['c']); // drops b
    expect(cached.cacheStats().entries).toBe(2);
    inner.seen.length = 0;
    await cached.embed(['a', 'b', 'c']);
    expect(inner.seen).toEqual([['b']]);
  });

  it('embeds a text repeated in one call, or asked for by two calls at once, once', async () => {
    const inner = counting();
    const cached = createEmbeddingCache(inner);
    const [x, y] = await Promise.all([cached.embed(['same', 'same', 'other']), cached.embed(['same'])]);
    expect(inner.seen).toEqual([['same', 'other']]);
    expect(bits([(x as Float32Array[])[1] as Float32Array, (y as Float32Array[])[0] as Float32Array])).toEqual(bits([(x as Float32Array[])[0] as Float32Array, (x as Float32Array[])[0] as Float32Array]));
  });

  it('caches nothing from a failed embed, so the next call retries', async () => {
    const inner = counting();
    const cached = createEmbeddingCache(inner);
    inner.failNext = true;
    await expect(cached.embed(['t'])).rejects.toThrow('model failed');
    expect(cached.cacheStats().entries).toBe(0);
    expect(await cached.embed(['t'])).toHaveLength(1);
    expect(inner.seen).toEqual([['t'], ['t']]);
  });

  it('is off with maxEntries 0 and passes the inner id and dimensions through', async () => {
    const inner = counting();
    const off = createEmbeddingCache(inner, { maxEntries: 0 });
    await off.embed(['t']);
    await off.embed(['t']);
    expect(inner.seen).toHaveLength(2);
    expect([off.id, off.dimensions]).toEqual(['counting', 3]);
  });
});
