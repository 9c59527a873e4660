/**
 * FeedbackStore on D1 (table `feedback`, migrations/0002_feedback.sql): one row per call and
 * submission key, the validated record as JSON, ordered by when it was (last) put.
 */
import { FeedbackRecord } from '../../core/feedback/schema.js';
import type { FeedbackStore } from '../../core/ports.js';
import { parseOrThrow } from '../../core/validate.js';
import type { D1Like } from './bindings.js';

const SQL = {
  list: 'SELECT json FROM feedback WHERE call_id = ?1 ORDER BY seq, id',
  put:
    'INSERT INTO feedback (call_id, id, json, created_at, seq) VALUES (?1, ?2, ?3, ?4, ?5) ' +
    'ON CONFLICT(call_id, id) DO UPDATE SET json = excluded.json, created_at = excluded.created_at, seq = excluded.seq',
  delete: 'DELETE FROM feedback WHERE call_id = ?1 AND id = ?2',
  clear: 'DELETE FROM feedback WHERE call_id = ?1',
} as const;

export interface D1FeedbackStoreOptions {
  db: D1Like;
}

/**
 * @example
 * const store = createD1FeedbackStore({ db: env.DB });
 * await store.put(record);
 */
export function createD1FeedbackStore(opts: D1FeedbackStoreOptions): FeedbackStore {
  const { db } = opts;
  // Order of puts: a millisecond clock plus a per-isolate counter, so a re-label sorts newest.
  let counter = 0;
  const changes = (r: unknown) => (r as { meta?: { changes?: number } }).meta?.changes ?? 0;
  return {
    name: 'd1',
    async list(callId) {
      const { results } = await db.prepare(SQL.list).bind(callId).all<{ json: string }>();
      return results.map((r) => parseOrThrow(FeedbackRecord, JSON.parse(r.json), 'feedback record'));
    },
    async put(record) {
      const r = parseOrThrow(FeedbackRecord, record, 'feedback record');
      await db.prepare(SQL.put).bind(r.call_id, r.id, JSON.stringify(r), r.created_at, Date.now() * 1000 + (counter++ % 1000)).run();
    },
    async delete(callId, id) {
      return changes(await db.prepare(SQL.delete).bind(callId, id).run()) > 0;
    },
    async clear(callId) {
      return changes(await db.prepare(SQL.clear).bind(callId).run());
    },
  };
}
