/**
 * A bounded LRU of recent draft embeddings, in front of the embedder the ranking uses: an author
 * who edits a draft and ranks it again pays only for the sentences that changed, and a draft
 * ranked twice (the page, then an export) is not embedded twice. Entries are keyed by the SHA-256
 * of the embedder id and the text: drafts are confidential, so no text is kept here, only its
 * digest and its vector, in memory. Identical texts asked for at the same time share one embed.
 * Runtime-neutral (Web Crypto).
 */
import { createLru } from '../explain/lru.js';
import type { Embedder } from '../ports.js';
import { sha256Hex } from '../text/hash.js';

export interface EmbeddingCacheOptions {
  /** Vectors kept (texts: a whole draft and each of its sentences is one). Default 2048 (~4 MiB at 512 dimensions). 0 turns the cache off. */
  maxEntries?: number;
}

export interface EmbeddingCacheStats {
  hits: number;
  misses: number;
  entries: number;
}

export const DEFAULT_EMBEDDING_CACHE_ENTRIES = 2048;

/** Hex SHA-256 of the embedder id and the text (a NUL between them, so no two pairs collide by concatenation). */
const keyOf = (embedderId: string, text: string): Promise<string> => sha256Hex(`${embedderId}\u0000${text}`);

/**
 * Wrap an embedder with the cache. Vectors handed out are shared with the cache: read-only, as
 * every vector from an Embedder is treated here. A failed embed caches nothing.
 *
 * @example
 * const cached = createEmbeddingCache(embedder, { maxEntries: 1024 });
 * await cached.embed([draftText]); // embedded
 * await cached.embed([draftText]); // from the cache, the same floats
 */
export function createEmbeddingCache<E extends Embedder>(inner: E, opts: EmbeddingCacheOptions = {}): E & { cacheStats(): EmbeddingCacheStats } {
  const maxEntries = Math.max(0, Math.floor(opts.maxEntries ?? DEFAULT_EMBEDDING_CACHE_ENTRIES));
  const lru = createLru<Float32Array>(maxEntries);
  const inFlight = new Map<string, Promise<Float32Array>>();
  let hits = 0;
  let misses = 0;

  async function embed(texts: readonly string[]): Promise<Float32Array[]> {
    if (maxEntries === 0 || texts.length === 0) return inner.embed(texts);
    const keys = await Promise.all(texts.map((t) => keyOf(inner.id, t)));
    // Read (and so refreshed) once, before this call's own embeds are started.
    const cached = keys.map((key) => lru.get(key));
    // Texts neither cached nor being embedded by another call; a text repeated in this call once.
    const missing: number[] = [];
    const seen = new Set<string>();
    keys.forEach((key, i) => {
      if (cached[i] || inFlight.has(key) || seen.has(key)) hits++;
      else {
        misses++;
        missing.push(i);
      }
      seen.add(key);
    });
    const mine = new Map<string, Promise<Float32Array>>();
    if (missing.length) {
      const batch = inner.embed(missing.map((i) => texts[i] as string));
      missing.forEach((i, k) => {
        const key = keys[i] as string;
        const one = batch.then((vectors) => vectors[k] as Float32Array);
        mine.set(key, one);
        inFlight.set(key, one);
        void one.then((v) => lru.set(key, v), () => undefined).finally(() => inFlight.delete(key));
      });
    }
    return Promise.all(keys.map((key, i) => cached[i] ?? mine.get(key) ?? (inFlight.get(key) as Promise<Float32Array>)));
  }

  return { ...inner, id: inner.id, dimensions: inner.dimensions, embed, cacheStats: () => ({ hits, misses, entries: lru.size }) };
}
