/**
 * A content-addressed, on-disk cache around an Embedder, so ablation reruns
 * of the evaluation do not embed the same abstracts again (USE-lite needs
 * about 90 ms per abstract on the shared 2 cores).
 *
 * One file per embedder: `<dir>/<embedder id>/vectors.bin`, a sequence of
 * records `[16-byte ASCII key][dimensions x float32 little-endian]`. The key
 * is a hash of the text. New vectors are appended in whole records; a record
 * cut short by a crash is ignored on load.
 */
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Embedder } from '../core/ports.js';
import { hashText } from '../core/text/hash.js';

const KEY_BYTES = 16;

export interface CachedEmbedder extends Embedder {
  /** Texts served from the cache and texts embedded, since creation. */
  readonly stats: { hits: number; misses: number };
  /** Write vectors embedded since the last flush. */
  flush(): Promise<void>;
}

/** Cache key: hash plus length, padded to 16 ASCII bytes. */
export function cacheKey(text: string): string {
  return `${hashText(text)}${(text.length % 46_656).toString(36).padStart(3, '0')}`.slice(0, KEY_BYTES).padEnd(KEY_BYTES, '_');
}

/** Safe directory name for an embedder id (`onnx:Xenova/bge` -> `onnx_Xenova_bge`). */
export function embedderDir(id: string): string {
  return id.replace(/[^A-Za-z0-9._-]+/g, '_');
}

/**
 * @example
 * const embedder = await createCachedEmbedder(createUseLiteEmbedder(), 'eval/.cache');
 * await embedder.embed(texts); // embeds only texts it has not seen
 * await embedder.flush();
 */
export async function createCachedEmbedder(inner: Embedder, dir: string, opts: { flushEvery?: number } = {}): Promise<CachedEmbedder> {
  const folder = join(dir, embedderDir(inner.id));
  const file = join(folder, 'vectors.bin');
  const dims = inner.dimensions;
  const recordBytes = KEY_BYTES + dims * 4;
  const vectors = new Map<string, Float32Array>();
  const buf = await readFile(file).catch(() => undefined);
  if (buf) {
    const n = Math.floor(buf.length / recordBytes);
    for (let r = 0; r < n; r++) {
      const off = r * recordBytes;
      const key = buf.toString('latin1', off, off + KEY_BYTES);
      const v = new Float32Array(dims);
      for (let i = 0; i < dims; i++) v[i] = buf.readFloatLE(off + KEY_BYTES + i * 4);
      vectors.set(key, v);
    }
  }
  const pending: Array<[string, Float32Array]> = [];
  const stats = { hits: 0, misses: 0 };
  const flushEvery = opts.flushEvery ?? 256;

  const flush = async () => {
    if (pending.length === 0) return;
    const out = Buffer.alloc(pending.length * recordBytes);
    pending.forEach(([key, v], r) => {
      const off = r * recordBytes;
      out.write(key, off, KEY_BYTES, 'latin1');
      for (let i = 0; i < dims; i++) out.writeFloatLE(v[i] ?? 0, off + KEY_BYTES + i * 4);
    });
    pending.length = 0;
    await mkdir(folder, { recursive: true });
    await appendFile(file, out);
  };

  return {
    id: inner.id,
    dimensions: dims,
    stats,
    flush,
    async embed(texts) {
      const keys = texts.map(cacheKey);
      const todo: number[] = [];
      keys.forEach((k, i) => {
        if (!vectors.has(k) && !todo.some((j) => keys[j] === k)) todo.push(i);
      });
      stats.hits += texts.length - todo.length;
      stats.misses += todo.length;
      if (todo.length) {
        const fresh = await inner.embed(todo.map((i) => texts[i] ?? ''));
        todo.forEach((i, j) => {
          const key = keys[i] as string;
          const v = fresh[j] as Float32Array;
          vectors.set(key, v);
          pending.push([key, v]);
        });
        if (pending.length >= flushEvery) await flush();
      }
      return keys.map((k) => vectors.get(k) as Float32Array);
    },
    async dispose() {
      await flush();
      await inner.dispose?.();
    },
  };
}
