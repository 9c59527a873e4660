import type { CallStore } from './ports.js';
import { Call } from './schema.js';
import { parseOrThrow } from './validate.js';

/**
 * In-memory CallStore: for calls given on the command line, evaluation runs
 * and tests. Nothing is persisted. Calls are validated on `put` and copied
 * in and out, so callers never share mutable state with the store.
 *
 * @example
 * const store = createMemoryStore([call]);
 * await store.get(call.id); // a copy of call
 */
export function createMemoryStore(initial: readonly Call[] = []): CallStore {
  const calls = new Map<string, Call>(initial.map((c) => [c.id, structuredClone(c)]));
  return {
    name: 'memory',
    list: async () => [...calls.values()].map((c) => structuredClone(c)),
    get: async (id) => {
      const c = calls.get(id);
      return c ? structuredClone(c) : undefined;
    },
    put: async (call) => {
      const valid = parseOrThrow(Call, call, 'call');
      calls.set(valid.id, structuredClone(valid));
    },
    delete: async (id) => calls.delete(id),
  };
}
