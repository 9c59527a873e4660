/**
 * An Embedder wrapper that keeps every vector it computes in an append-only
 * binary file (20-byte SHA-1 of the text, then the float32 vector), so a
 * re-run of the calibration fit re-embeds nothing.
 */
import { createHash } from 'node:crypto';
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Embedder } from '../core/ports.js';

const KEY_BYTES = 20;

const keyOf = (text: string): string => createHash('sha1').update(text).digest('hex');

/**
 * @example
 * const embedder = await createCachedEmbedder(createUseLiteEmbedder(), '.cache/embeddings/use-lite.bin');
 */
export async function createCachedEmbedder(inner: Embedder, file: string): Promise<Embedder & { hits: () => number; misses: () => number }> {
  const cache = new Map<string, Float32Array>();
  const record = KEY_BYTES + 4 * inner.dimensions;
  try {
    const buf = await readFile(file);
    // A torn last record (crash mid-append) is ignored.
    for (let off = 0; off + record <= buf.length; off += record) {
      const key = buf.subarray(off, off + KEY_BYTES).toString('hex');
      const bytes = buf.slice(off + KEY_BYTES, off + record);
      cache.set(key, new Float32Array(bytes.buffer, bytes.byteOffset, inner.dimensions));
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  await mkdir(dirname(file), { recursive: true });
  let hits = 0;
  let misses = 0;
  return {
    id: inner.id,
    dimensions: inner.dimensions,
    hits: () => hits,
    misses: () => misses,
    async embed(texts) {
      const keys = texts.map(keyOf);
      const missing = [...new Set(keys.filter((k) => !cache.has(k)))];
      hits += texts.length - missing.length;
      if (missing.length) {
        misses += missing.length;
        const byKey = new Map(keys.map((k, i) => [k, texts[i] ?? '']));
        const vectors = await inner.embed(missing.map((k) => byKey.get(k) ?? ''));
        const out = Buffer.alloc(record * missing.length);
        missing.forEach((k, i) => {
          const v = vectors[i] as Float32Array;
          cache.set(k, v);
          Buffer.from(k, 'hex').copy(out, i * record);
          Buffer.from(v.buffer, v.byteOffset, v.byteLength).copy(out, i * record + KEY_BYTES);
        });
        await appendFile(file, out);
      }
      return keys.map((k) => cache.get(k) as Float32Array);
    },
    dispose: () => inner.dispose?.() ?? Promise.resolve(),
  };
}
