import type { CallStore } from './ports.js';
import type { Call } from './schema.js';

/**
 * In-memory CallStore: for calls given on the command line, evaluation runs
 * and tests. Nothing is persisted.
 *
 * @example
 * const store = createMemoryStore([call]);
 * await store.get(call.id); // call
 */
export function createMemoryStore(initial: readonly Call[] = []): CallStore {
  const calls = new Map<string, Call>(initial.map((c) => [c.id, c]));
  return {
    name: 'memory',
    list: async () => [...calls.values()],
    get: async (id) => calls.get(id),
    put: async (call) => {
      calls.set(call.id, call);
    },
    delete: async (id) => calls.delete(id),
  };
}
