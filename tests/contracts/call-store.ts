/**
 * Contract for the CallStore port: insert, replace, read back, delete, and
 * never hand out a call that is invalid or shared by reference.
 */
import { describe, expect, it } from 'vitest';
import type { CallStore } from '../../src/core/ports.js';
import { Call, type CallInput } from '../../src/core/schema.js';

type Maybe<T> = T | Promise<T>;

export interface CallStoreContractOptions {
  /** Whether put() rejects an invalid call with a VALIDATION error. Default true. */
  validates?: boolean;
}

const call = (input: CallInput): Call => Call.parse(input);
const byId = (calls: Call[]): Call[] => [...calls].sort((a, b) => a.id.localeCompare(b.id));

const A = call({
  id: 'ieee.iotj:2026-si_1',
  title: 'Symbiotic IoT meets giant AI models',
  venue: 'IEEE Internet of Things Journal',
  topics: ['Edge inference', 'Federated learning'],
  dates: { submission_deadline: '2026-03-01' },
  guest_editors: [{ name: 'A. Editor', lead: true }],
  source_text: 'Call for papers\nSymbiotic IoT meets giant AI models\nTopics: ...',
});
const B = call({ id: 'b-call', title: 'Large AI models for the Internet of Everything' });

/**
 * Register the CallStore contract. `create` must return an empty store.
 *
 * @example
 * testCallStore('file', async () => createFileStore({ dir: await mkdtemp(join(tmpdir(), 'calls-')) }));
 */
export function testCallStore(name: string, create: () => Maybe<CallStore>, options: CallStoreContractOptions = {}): void {
  describe(`CallStore contract: ${name}`, () => {
    it('starts empty', async () => {
      const store = await create();
      expect(store.name).toMatch(/\S/);
      expect(await store.list()).toEqual([]);
      expect(await store.get('nope')).toBeUndefined();
      expect(await store.delete('nope')).toBe(false);
    });

    it('returns what was put, including the source text', async () => {
      const store = await create();
      await store.put(A);
      await store.put(B);
      expect(await store.get(A.id)).toEqual(A);
      expect(await store.get(B.id)).toEqual(B);
      expect(byId(await store.list())).toEqual(byId([A, B]));
    });

    it('replaces a call by id', async () => {
      const store = await create();
      await store.put(A);
      const changed = { ...A, title: 'Renamed', topics: ['Only one'], source_text: 'new text' };
      await store.put(changed);
      expect(await store.list()).toHaveLength(1);
      expect(await store.get(A.id)).toEqual(changed);
      const { source_text: _dropped, ...withoutText } = changed;
      await store.put(withoutText);
      expect(await store.get(A.id)).toEqual(withoutText);
    });

    it('deletes by id', async () => {
      const store = await create();
      await store.put(A);
      await store.put(B);
      expect(await store.delete(A.id)).toBe(true);
      expect(await store.get(A.id)).toBeUndefined();
      expect((await store.list()).map((c) => c.id)).toEqual([B.id]);
      expect(await store.delete(A.id)).toBe(false);
    });

    it('hands out copies, not the stored objects', async () => {
      const store = await create();
      const mine = structuredClone(A);
      await store.put(mine);
      mine.topics.push('changed after put');
      expect(await store.get(A.id)).toEqual(A);
      const got = (await store.get(A.id)) as Call;
      got.title = 'mutated';
      got.topics.push('mutated');
      expect(await store.get(A.id)).toEqual(A);
    });

    it('treats path-like ids as unknown', async () => {
      const store = await create();
      await store.put(B);
      for (const id of ['../b-call', 'x/../../b-call', '', '.hidden']) {
        expect(await store.get(id)).toBeUndefined();
        expect(await store.delete(id)).toBe(false);
      }
    });

    if (options.validates ?? true) {
      it('rejects an invalid call with a VALIDATION error and stores nothing', async () => {
        const store = await create();
        const bad = { ...B, id: '../escape', title: '' } as Call;
        await expect(store.put(bad)).rejects.toMatchObject({ code: 'VALIDATION' });
        expect(await store.list()).toEqual([]);
      });
    }
  });
}
