import { describe, expect, it, vi } from 'vitest';
import type { Embedder } from '../ports.js';
import { createEmbeddingCache } from './embedding-cache.js';

/** Vectors that name their text's length and a per-call serial, so a cached vector is told apart from a fresh one. */
function counting(id = 'counting'): Embedder & { seen: string[][]; failNext: boolean; hold?: Promise<void> } {
  let serial = 0;
  const e = {
    id,
    dimensions: 3,
    seen: [] as string[][],
    failNext: false,
    hold: undefined as Promise<void> | undefined,
    async embed(texts: readonly string[]) {
      e.seen.push([...texts]);
      await e.hold;
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

  // Which of two concurrent calls claims a shared text depends on which finishes hashing first
  // (crypto.subtle.digest settles off the main thread, in any order under load), so the batches
  // differ between runs; what holds either way is one embed per text and one shared vector.
  it.each([
    ['the second call hashing last', false],
    ['the first call hashing last', true],
  ])('embeds a text repeated in one call, or asked for by two calls at once, once (%s)', async (_name, firstHashesLast) => {
    const inner = counting();
    const cached = createEmbeddingCache(inner);
    const digest = crypto.subtle.digest.bind(crypto.subtle);
    // The first call asks for its three digests first. The other call's digests start only once
    // these are done, so which call claims 'same' is fixed and each order is tested on every run;
    // the model answers only after both calls have claimed their texts, so the second finds the
    // first's embed in flight, not finished.
    let n = 0;
    const left = { fast: firstHashesLast ? 1 : 3, slow: firstHashesLast ? 3 : 1 };
    let open!: () => void;
    const gate = new Promise<void>((r) => (open = r));
    let answer!: () => void;
    inner.hold = new Promise<void>((r) => (answer = r));
    const slow = vi.spyOn(crypto.subtle, 'digest').mockImplementation(async (algorithm, data) => {
      const waits = n++ < 3 === firstHashesLast;
      if (waits) await gate;
      const d = await digest(algorithm, data);
      if (!waits && --left.fast === 0) open();
      // A macrotask after the last digest: the call that waited has claimed by then.
      if (waits && --left.slow === 0) setTimeout(answer, 0);
      return d;
    });
    try {
      const [x, y] = await Promise.all([cached.embed(['same', 'same', 'other']), cached.embed(['same'])]);
      expect(inner.seen.flat().sort()).toEqual(['other', 'same']);
      expect(inner.seen).toEqual(firstHashesLast ? [['same'], ['other']] : [['same', 'other']]);
      expect(bits([(x as Float32Array[])[1] as Float32Array, (y as Float32Array[])[0] as Float32Array])).toEqual(bits([(x as Float32Array[])[0] as Float32Array, (x as Float32Array[])[0] as Float32Array]));
      expect(cached.cacheStats()).toMatchObject({ misses: 2, hits: 2 });
    } finally {
      slow.mockRestore();
    }
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
