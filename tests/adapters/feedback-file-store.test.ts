import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createFeedbackFileStore } from '../../src/adapters/node/feedback-file-store.js';
import { encodeVector } from '../../src/core/feedback/vector-codec.js';
import { testFeedbackStore } from '../contracts/feedback-store.js';

const dirs: string[] = [];
const fresh = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'cfpmatch-feedback-'));
  dirs.push(dir);
  return dir;
};
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

testFeedbackStore('file', async () => createFeedbackFileStore({ dir: join(await fresh(), 'feedback') }));

describe('feedback file store', () => {
  const rec = (id: string) => ({
    id,
    call_id: 'call-a',
    label: 'in_scope' as const,
    embedder: 'e',
    vector: encodeVector(new Float32Array([1, 0])),
    features: { dense: 0.5, coverage: 0.2, score: 1, probability: 0.6 },
    created_at: '2026-01-01T00:00:00.000Z',
  });

  it('keeps one file per call, no temporary files, and removes the file when the call has no decisions', async () => {
    const dir = await fresh();
    const store = createFeedbackFileStore({ dir });
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.put(rec(`s${i}`))));
    expect(await readdir(dir)).toEqual(['call-a.json']);
    expect((await store.list('call-a')).length).toBe(20);
    expect(JSON.parse(await readFile(join(dir, 'call-a.json'), 'utf8'))).toHaveLength(20);
    expect(await store.clear('call-a')).toBe(20);
    expect(await readdir(dir)).toEqual([]);
  });

  it('a damaged file is a STORAGE error naming it, never read as no decisions', async () => {
    const dir = await fresh();
    await writeFile(join(dir, 'call-a.json'), '[{"id": 1}');
    await expect(createFeedbackFileStore({ dir }).list('call-a')).rejects.toMatchObject({ code: 'STORAGE', message: expect.stringMatching(/call-a\.json/) });
  });

  it('an id outside the CallId alphabet never becomes a path', async () => {
    const dir = await fresh();
    const store = createFeedbackFileStore({ dir });
    expect(await store.list('../../etc/passwd')).toEqual([]);
    expect(await store.delete('../x', 's1')).toBe(false);
  });
});
