/**
 * SyncTarget over D1 and Vectorize, built from the same adapters the Worker
 * uses (so tables, id mapping and the registry agree), on any D1Like and
 * VectorizeBinding: REST clients in the script, fakes in tests.
 */
import type { D1Like, VectorizeBinding } from '../bindings.js';
import { createD1PassageRegistry } from '../d1-store.js';
import { chunks, D1_BATCH, newVersion, SQL } from '../d1-sql.js';
import { createVectorizeIndex } from '../vectorize-index.js';
import type { SyncTarget } from './run-sync.js';

export interface CloudflareTargetOptions {
  db: D1Like;
  vectorize: VectorizeBinding;
  dimensions: number;
}

/**
 * @example
 * const target = createCloudflareTarget({ db: restD1(cfg), vectorize: restVectorize(cfg), dimensions: 384 });
 * await runSync({ local, target, embedder });
 */
export function createCloudflareTarget(opts: CloudflareTargetOptions): SyncTarget {
  const { db } = opts;
  const indexFor = (embedderId: string) =>
    createVectorizeIndex({ vectorize: opts.vectorize, dimensions: opts.dimensions, registry: createD1PassageRegistry({ db, embedder: embedderId }) });
  let embedder = '';
  return {
    async remoteState(embedderId) {
      embedder = embedderId;
      const { results } = await db.prepare(SQL.listCallHashes).all<{ id: string; hash: string }>();
      return { calls: results, passages: await createD1PassageRegistry({ db, embedder: embedderId }).list() };
    },
    putPassages: (items, embedderId) => indexFor(embedderId).upsert(items),
    async putCalls(items) {
      const now = new Date().toISOString();
      for (const batch of chunks(items, D1_BATCH)) {
        await db.batch(batch.map(({ call, hash }) => db.prepare(SQL.putCall).bind(call.id, JSON.stringify(call), hash, now)));
      }
    },
    async deleteCalls(ids) {
      for (const batch of chunks(ids, D1_BATCH)) await db.batch(batch.map((id) => db.prepare(SQL.deleteCall).bind(id)));
    },
    deletePassages: (ids) => indexFor(embedder).remove(ids),
    async bumpVersion() {
      await db.prepare(SQL.bumpVersion).bind(newVersion()).run();
    },
  };
}
