/**
 * Contract for the FeedbackStore port: per-call isolation, replace by id, delete one, clear a call,
 * validation at the boundary and no shared references.
 */
import { describe, expect, it } from 'vitest';
import { encodeVector } from '../../src/core/feedback/vector-codec.js';
import type { FeedbackRecord } from '../../src/core/feedback/schema.js';
import type { FeedbackStore } from '../../src/core/ports.js';

type Maybe<T> = T | Promise<T>;

const record = (callId: string, id: string, label: FeedbackRecord['label'] = 'in_scope', extra: Partial<FeedbackRecord> = {}): FeedbackRecord => ({
  id,
  call_id: callId,
  label,
  embedder: 'fake-bow',
  vector: encodeVector(new Float32Array([0.6, 0.8, 0])),
  features: { dense: 0.4, coverage: 0.3, score: 1.2, probability: 0.7 },
  created_at: '2026-01-01T00:00:00.000Z',
  ...extra,
});

/**
 * Register the FeedbackStore contract. `create` must return an empty store.
 *
 * @example
 * testFeedbackStore('file', async () => createFeedbackFileStore({ dir: await mkdtemp(join(tmpdir(), 'fb-')) }));
 */
export function testFeedbackStore(name: string, create: () => Maybe<FeedbackStore>): void {
  describe(`FeedbackStore contract: ${name}`, () => {
    it('starts empty and keeps calls apart', async () => {
      const store = await create();
      expect(store.name).toMatch(/\S/);
      expect(await store.list('call-a')).toEqual([]);
      await store.put(record('call-a', 's1'));
      await store.put(record('call-b', 's1', 'out_of_scope'));
      expect((await store.list('call-a')).map((r) => [r.id, r.label])).toEqual([['s1', 'in_scope']]);
      expect((await store.list('call-b')).map((r) => [r.id, r.label])).toEqual([['s1', 'out_of_scope']]);
    });

    it('reads back exactly what was put, text only when given, oldest first', async () => {
      const store = await create();
      const withText = record('call-a', 's2', 'out_of_scope', { ref: 'S-12', text: { title: 'T', abstract: 'A', keywords: ['k'] }, created_at: '2026-01-02T00:00:00.000Z' });
      await store.put(record('call-a', 's1'));
      await store.put(withText);
      const listed = await store.list('call-a');
      expect(listed).toEqual([record('call-a', 's1'), withText]);
      expect(listed[0]).not.toHaveProperty('text');
    });

    it('replaces a decision with the same id (a re-label)', async () => {
      const store = await create();
      await store.put(record('call-a', 's1', 'in_scope'));
      await store.put(record('call-a', 's2', 'in_scope'));
      await store.put(record('call-a', 's1', 'out_of_scope', { created_at: '2026-02-01T00:00:00.000Z' }));
      const listed = await store.list('call-a');
      expect(listed).toHaveLength(2);
      expect(listed.find((r) => r.id === 's1')?.label).toBe('out_of_scope');
    });

    it('deletes one decision and clears a call, reporting what it removed', async () => {
      const store = await create();
      await store.put(record('call-a', 's1'));
      await store.put(record('call-a', 's2'));
      await store.put(record('call-b', 's3'));
      expect(await store.delete('call-a', 's1')).toBe(true);
      expect(await store.delete('call-a', 's1')).toBe(false);
      expect(await store.delete('nope', 's1')).toBe(false);
      expect((await store.list('call-a')).map((r) => r.id)).toEqual(['s2']);
      expect(await store.clear('call-a')).toBe(1);
      expect(await store.clear('call-a')).toBe(0);
      expect(await store.list('call-a')).toEqual([]);
      expect((await store.list('call-b')).map((r) => r.id)).toEqual(['s3']);
    });

    it('refuses an invalid record with VALIDATION and stores nothing', async () => {
      const store = await create();
      const bad = { ...record('call-a', 's1'), label: 'maybe' } as unknown as FeedbackRecord;
      await expect(store.put(bad)).rejects.toMatchObject({ code: 'VALIDATION' });
      await expect(store.put({ ...record('call-a', 's1'), call_id: '../x' })).rejects.toMatchObject({ code: 'VALIDATION' });
      expect(await store.list('call-a')).toEqual([]);
    });

    it('hands out copies', async () => {
      const store = await create();
      const r = record('call-a', 's1');
      await store.put(r);
      r.label = 'out_of_scope';
      const [first] = await store.list('call-a');
      expect(first?.label).toBe('in_scope');
      if (first) first.label = 'out_of_scope';
      expect((await store.list('call-a'))[0]?.label).toBe('in_scope');
    });
  });
}
