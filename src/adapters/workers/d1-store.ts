/**
 * CallStore on D1, plus the passage registry and the version key that tell an
 * isolate when its in-memory corpus (calls, passages, BM25) is stale.
 * Every write moves the version, so other isolates rebuild on their next request.
 */
import type { CallStore } from '../../core/ports.js';
import { callIdOf } from '../../core/corpus/passage-id.js';
import { Call } from '../../core/schema.js';
import { parseOrThrow } from '../../core/validate.js';
import type { D1Like } from './bindings.js';
import { callHash } from './call-hash.js';
import { chunks, D1_BATCH, newVersion, SQL } from './d1-sql.js';
import type { PassageRegistry } from './vectorize-index.js';

export interface D1StoreOptions {
  db: D1Like;
}

export interface D1CallStore extends CallStore {
  /** The current version key, or '' before the first write. */
  version(): Promise<string>;
}

/**
 * @example
 * const store = createD1Store({ db: env.DB });
 * await store.put(call);
 * (await store.list()).length; // 1
 */
export function createD1Store(opts: D1StoreOptions): D1CallStore {
  const { db } = opts;
  const bump = () => db.prepare(SQL.bumpVersion).bind(newVersion());
  const parse = (json: string): Call => parseOrThrow(Call, JSON.parse(json), 'call');
  return {
    name: 'd1',
    async list() {
      const { results } = await db.prepare(SQL.listCalls).all<{ json: string }>();
      return results.map((r) => parse(r.json));
    },
    async get(id) {
      const { results } = await db.prepare(SQL.getCall).bind(id).all<{ json: string }>();
      const row = results[0];
      return row ? parse(row.json) : undefined;
    },
    async put(input) {
      // A store is a boundary: an invalid call is refused here, never written and then unreadable.
      const call = parseOrThrow(Call, input, 'call');
      const stmt = db.prepare(SQL.putCall).bind(call.id, JSON.stringify(call), callHash(call), new Date().toISOString());
      await db.batch([stmt, bump()]);
    },
    async delete(id) {
      const [res] = (await db.batch([db.prepare(SQL.deleteCall).bind(id), bump()])) as Array<{ meta?: { changes?: number } }>;
      return (res?.meta?.changes ?? 0) > 0;
    },
    async version() {
      const { results } = await db.prepare(SQL.getVersion).all<{ value: string }>();
      return results[0]?.value ?? '';
    },
  };
}

export interface D1PassageRegistry extends PassageRegistry {
  list(): Promise<string[]>;
}

/**
 * The D1 `passages` table for one embedder: which passage vectors Vectorize holds.
 *
 * @example
 * const registry = createD1PassageRegistry({ db: env.DB, embedder: embedder.id });
 * const index = createVectorizeIndex({ vectorize: env.VECTORIZE, dimensions: 384, registry, known: await registry.list() });
 */
export function createD1PassageRegistry(opts: { db: D1Like; embedder: string }): D1PassageRegistry {
  const { db, embedder } = opts;
  return {
    async list() {
      const { results } = await db.prepare(SQL.listPassages).bind(embedder).all<{ id: string }>();
      return results.map((r) => r.id);
    },
    async add(ids) {
      for (const batch of chunks(ids, D1_BATCH)) {
        await db.batch(batch.map((id) => db.prepare(SQL.putPassage).bind(id, callIdOf(id), embedder)));
      }
    },
    async remove(ids) {
      for (const batch of chunks(ids, D1_BATCH)) await db.batch(batch.map((id) => db.prepare(SQL.deletePassage).bind(id)));
    },
  };
}

