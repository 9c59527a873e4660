/**
 * VectorIndex on Cloudflare Vectorize (cosine metric). Vectorize is remote
 * and asynchronous while the port's `has` and `get` are synchronous, so:
 * - `has`/`size` answer from the set of stored passage ids, loaded from the
 *   passage registry (D1) when the isolate builds its corpus;
 * - `get` answers from an isolate-local cache that `prefetch(ids)` fills with
 *   one `getByIds` per 20 ids; the ranker awaits `prefetch` for the passages
 *   of its candidate calls before scoring (see core/rank/score-calls.ts).
 */
import { checkDimensions } from '../../core/flat-index.js';
import type { RawIndex, VectorHit, VectorIndex } from '../../core/ports.js';
import type { VectorizeBinding } from './bindings.js';
import { chunks } from './d1-sql.js';
import { vectorizeId } from './vector-ids.js';

/** Where the ids of stored passages are recorded (the D1 `passages` table in the Worker). */
export interface PassageRegistry {
  add(ids: readonly string[]): Promise<void>;
  remove(ids: readonly string[]): Promise<void>;
}

export interface VectorizeIndexOptions {
  vectorize: VectorizeBinding;
  dimensions: number;
  registry: PassageRegistry;
  /** Passage ids already stored (from the registry). */
  known?: Iterable<string>;
  /** Vectors kept in isolate memory (default 20,000, about 30 MB at 384-d). */
  cacheSize?: number;
  /** Ids per `getByIds` call (default 20). */
  getBatch?: number;
}

export interface VectorizeVectorIndex extends VectorIndex {
  prefetch(ids: readonly string[]): Promise<void>;
  /** Replace the known-id set (after another writer changed the index) and drop cached vectors. */
  reset(known: Iterable<string>): void;
}

/** Most results Vectorize returns for a query without values or metadata. */
export const VECTORIZE_MAX_TOP_K = 100;
const UPSERT_BATCH = 1000;

/**
 * @example
 * const index = createVectorizeIndex({ vectorize: env.VECTORIZE, dimensions: 384, registry, known });
 * await index.prefetch(['call-a|topic|0abc']);
 * index.get('call-a|topic|0abc'); // Float32Array(384)
 */
export function createVectorizeIndex(opts: VectorizeIndexOptions): VectorizeVectorIndex {
  const { vectorize, dimensions, registry } = opts;
  const cacheSize = opts.cacheSize ?? 20_000;
  const getBatch = opts.getBatch ?? 20;
  const known = new Set<string>();
  const byVid = new Map<string, string>();
  // A Map iterates in insertion order, so re-inserting on use makes it an LRU.
  const cache = new Map<string, Float32Array>();

  const remember = (id: string) => {
    known.add(id);
    byVid.set(vectorizeId(id), id);
  };
  const cachePut = (id: string, v: Float32Array) => {
    cache.delete(id);
    cache.set(id, v);
    while (cache.size > cacheSize) {
      const oldest = cache.keys().next().value;
      if (oldest === undefined) break;
      cache.delete(oldest);
    }
  };
  const reset = (ids: Iterable<string>) => {
    known.clear();
    byVid.clear();
    cache.clear();
    for (const id of ids) remember(id);
  };
  reset(opts.known ?? []);

  return {
    name: 'vectorize',
    dimensions,
    size: () => known.size,
    has: (id) => known.has(id),
    async upsert(items) {
      for (const it of items) checkDimensions(it.vector, dimensions, `vector "${it.id}"`);
      for (const batch of chunks(items, UPSERT_BATCH)) {
        await vectorize.upsert(batch.map((it) => ({ id: vectorizeId(it.id), values: Array.from(it.vector) })));
      }
      await registry.add(items.map((it) => it.id));
      for (const it of items) {
        remember(it.id);
        cachePut(it.id, new Float32Array(it.vector));
      }
    },
    async remove(ids) {
      if (!ids.length) return;
      for (const batch of chunks(ids, UPSERT_BATCH)) await vectorize.deleteByIds(batch.map(vectorizeId));
      await registry.remove(ids);
      for (const id of ids) {
        known.delete(id);
        byVid.delete(vectorizeId(id));
        cache.delete(id);
      }
    },
    async search(vector, k, filter): Promise<VectorHit[]> {
      checkDimensions(vector, dimensions, 'query vector');
      // A filter drops hits after the query, so ask for as many as Vectorize returns: with topK = k a
      // filter passing half the ids found half the neighbours (the VectorIndex contract's recall test).
      const topK = Math.max(1, Math.min(filter ? VECTORIZE_MAX_TOP_K : k, VECTORIZE_MAX_TOP_K));
      const { matches } = await vectorize.query(Array.from(vector), { topK, returnValues: false, returnMetadata: 'none' });
      const hits: VectorHit[] = [];
      for (const m of matches) {
        const id = byVid.get(m.id) ?? (m.id.startsWith('~') ? undefined : m.id);
        if (id === undefined || (filter && !filter(id))) continue;
        hits.push({ id, score: m.score });
      }
      return hits.slice(0, k);
    },
    get(id) {
      const v = cache.get(id);
      if (v) cachePut(id, v);
      return v;
    },
    async prefetch(ids) {
      const missing = [...new Set(ids)].filter((id) => known.has(id) && !cache.has(id));
      const results = await Promise.all(chunks(missing, getBatch).map((batch) => vectorize.getByIds(batch.map(vectorizeId))));
      for (const got of results) {
        for (const v of got) {
          const id = byVid.get(v.id);
          if (id !== undefined && v.values.length === dimensions) cachePut(id, Float32Array.from(v.values));
        }
      }
    },
    reset,
    // Vectors live in Vectorize; the raw form lists the ids only (corpus.prune reads them).
    save: async (): Promise<RawIndex> => ({ kind: 'vectorize', dimensions, ids: [...known], bytes: new Uint8Array(0) }),
    dispose: async () => {
      cache.clear();
    },
  };
}
