/**
 * worker:sync without Cloudflare: the diff (which ids to upsert and delete),
 * its idempotence through an in-memory target, and the REST request shapes.
 */
import { describe, expect, it } from 'vitest';
import { planSync } from '../../src/adapters/workers/sync/plan.js';
import { restD1, restVectorize } from '../../src/adapters/workers/sync/rest-clients.js';
import { runSync, type SyncTarget } from '../../src/adapters/workers/sync/run-sync.js';
import { callHash } from '../../src/adapters/workers/call-hash.js';
import { callPassages } from '../../src/core/corpus/passages.js';
import type { Call } from '../../src/core/schema.js';
import { createFakeEmbedder } from '../fixtures/fake-embedder.js';
import { bundledCalls } from '../http/helpers.js';

function memoryTarget() {
  const calls = new Map<string, string>();
  const passages = new Map<string, Float32Array>();
  const writes: string[] = [];
  const target: SyncTarget = {
    remoteState: async () => ({ calls: [...calls].map(([id, hash]) => ({ id, hash })), passages: [...passages.keys()] }),
    putPassages: async (items) => {
      writes.push(`passages+${items.length}`);
      for (const it of items) passages.set(it.id, it.vector);
    },
    putCalls: async (items) => {
      writes.push(...items.map((i) => `put:${i.call.id}`));
      for (const i of items) calls.set(i.call.id, i.hash);
    },
    deleteCalls: async (ids) => {
      writes.push(...ids.map((id) => `delete:${id}`));
      for (const id of ids) calls.delete(id);
    },
    deletePassages: async (ids) => {
      writes.push(`passages-${ids.length}`);
      for (const id of ids) passages.delete(id);
    },
    bumpVersion: async () => {
      writes.push('version');
    },
  };
  return { target, calls, passages, writes };
}

describe('worker:sync plan', () => {
  const [a, b, c] = bundledCalls() as [Call, Call, Call];

  it('puts new and changed calls, deletes calls gone locally, leaves equal ones alone', () => {
    const changed = { ...b, title: `${b.title} (revised)` };
    const plan = planSync([a, changed], {
      calls: [
        { id: a.id, hash: callHash(a) },
        { id: b.id, hash: callHash(b) },
        { id: c.id, hash: callHash(c) },
      ],
      passages: [...callPassages(a), ...callPassages(b), ...callPassages(c)].map((p) => p.id),
    });
    expect(plan.putCalls.map((p) => p.call.id)).toEqual([b.id]);
    expect(plan.deleteCalls).toEqual([c.id]);
    expect(plan.unchanged).toBe(1);
    // Only the changed title's passages are embedded; c's passages and b's old title passage go.
    expect(plan.embed.every((p) => p.callId === b.id)).toBe(true);
    expect(plan.embed.map((p) => p.kind)).toContain('title');
    expect(plan.deletePassages.some((id) => id.startsWith(`${b.id}|title|`))).toBe(true);
    expect(plan.deletePassages.filter((id) => id.startsWith(`${c.id}|`))).toHaveLength(callPassages(c).length);
  });

  it('runs idempotently: the second run writes nothing, a deletion is pushed once', async () => {
    const mem = memoryTarget();
    const embedder = createFakeEmbedder(16);
    const first = await runSync({ local: [a, b, c], target: mem.target, embedder });
    expect(first.written).toBe(true);
    expect([...mem.calls.keys()].sort()).toEqual([a.id, b.id, c.id].sort());
    expect(mem.passages.size).toBe([a, b, c].flatMap((x) => callPassages(x)).length);
    expect(mem.writes.at(-1)).toBe('version');

    mem.writes.length = 0;
    const again = await runSync({ local: [a, b, c], target: mem.target, embedder });
    expect(again.written).toBe(false);
    expect(mem.writes).toEqual([]);

    const removed = await runSync({ local: [a, b], target: mem.target, embedder });
    expect(removed.plan.deleteCalls).toEqual([c.id]);
    expect(removed.plan.embed).toEqual([]);
    expect(mem.writes).toEqual([`delete:${c.id}`, `passages-${callPassages(c).length}`, 'version']);
    expect([...mem.passages.keys()].some((id) => id.startsWith(`${c.id}|`))).toBe(false);
  });

  it('--dry-run plans without writing', async () => {
    const mem = memoryTarget();
    const { plan, written } = await runSync({ local: [a], target: mem.target, embedder: createFakeEmbedder(16), dryRun: true });
    expect(written).toBe(false);
    expect(plan.putCalls).toHaveLength(1);
    expect(mem.writes).toEqual([]);
  });
});

describe('worker:sync REST clients', () => {
  function recordingFetch(result: unknown) {
    const seen: Array<{ url: string; init: RequestInit }> = [];
    const f = (async (url: string | URL | Request, init?: RequestInit) => {
      seen.push({ url: String(url), init: init ?? {} });
      return new Response(JSON.stringify({ success: true, result }), { status: 200 });
    }) as typeof fetch;
    return { f, seen };
  }

  it('D1 statements go to the query endpoint with their parameters', async () => {
    const { f, seen } = recordingFetch([{ results: [{ id: 'x', hash: 'h' }], meta: {} }]);
    const db = restD1({ accountId: 'acc', apiToken: 'tok', databaseId: 'db1', fetch: f });
    const { results } = await db.prepare('SELECT id, hash FROM calls WHERE id = ?1').bind('x').all();
    expect(results).toEqual([{ id: 'x', hash: 'h' }]);
    expect(seen[0]?.url).toBe('https://api.cloudflare.com/client/v4/accounts/acc/d1/database/db1/query');
    expect(JSON.parse(String(seen[0]?.init.body))).toEqual({ sql: 'SELECT id, hash FROM calls WHERE id = ?1', params: ['x'] });
    expect(new Headers(seen[0]?.init.headers).get('authorization')).toBe('Bearer tok');
  });

  it('Vectorize upserts are NDJSON; API errors throw with the message', async () => {
    const { f, seen } = recordingFetch({ mutationId: 'm1' });
    const v = restVectorize({ accountId: 'acc', apiToken: 'tok', indexName: 'cfpmatch-passages', fetch: f });
    await v.upsert([{ id: 'a', values: [0.5, 0.5] }, { id: 'b', values: new Float32Array([1, 0]) }]);
    expect(seen[0]?.url).toMatch(/\/vectorize\/v2\/indexes\/cfpmatch-passages\/upsert$/);
    expect(String(seen[0]?.init.body).split('\n').map((l) => JSON.parse(l) as unknown)).toEqual([{ id: 'a', values: [0.5, 0.5] }, { id: 'b', values: [1, 0] }]);
    const failing = (async () => new Response(JSON.stringify({ success: false, errors: [{ message: 'index not found' }] }), { status: 404 })) as typeof fetch;
    await expect(restVectorize({ accountId: 'acc', apiToken: 'tok', indexName: 'nope', fetch: failing }).deleteByIds(['a'])).rejects.toThrow(/index not found/);
  });
});
