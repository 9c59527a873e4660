import type { FeedbackStore } from '../ports.js';
import { parseOrThrow } from '../validate.js';
import { FeedbackRecord } from './schema.js';

/**
 * In-memory FeedbackStore: for tests and the simulation. Records are validated on `put` and copied
 * in and out, so callers never share mutable state with the store.
 *
 * @example
 * const store = createMemoryFeedbackStore();
 * await store.put(record);
 */
export function createMemoryFeedbackStore(): FeedbackStore {
  const byCall = new Map<string, Map<string, FeedbackRecord>>();
  return {
    name: 'memory',
    list: async (callId) => [...(byCall.get(callId)?.values() ?? [])].map((r) => structuredClone(r)),
    put: async (record) => {
      const r = parseOrThrow(FeedbackRecord, record, 'feedback record');
      const m = byCall.get(r.call_id) ?? new Map<string, FeedbackRecord>();
      // Replacing keeps the decision's place in time order: a re-label is newest.
      m.delete(r.id);
      m.set(r.id, structuredClone(r));
      byCall.set(r.call_id, m);
    },
    delete: async (callId, id) => byCall.get(callId)?.delete(id) ?? false,
    clear: async (callId) => {
      const n = byCall.get(callId)?.size ?? 0;
      byCall.delete(callId);
      return n;
    },
  };
}
