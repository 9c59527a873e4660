/**
 * The Worker bundle in workerd: the same HTTP contract as the Node server
 * (tests/http/routes.test.ts), over D1 + Vectorize + Workers AI bindings.
 * One wrangler build and one workerd start for the whole file.
 */
import type { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { D1Like } from '../../src/adapters/workers/bindings.js';
import { workerCalibrations } from '../../src/adapters/workers/calibrations.js';
import { createD1Store } from '../../src/adapters/workers/d1-store.js';
import { ANY_EMBEDDER, calibrationFor } from '../../src/core/rank/calibration.js';
import { d1OverFetch } from './d1-over-fetch.js';
import { bundledCalls, expectError, jsonPost, LAM_DRAFT } from '../http/helpers.js';
import { ADMIN_TOKEN, buildWorker, migrate, startWorker, type Bundle } from './start-worker.js';

type RankBody = {
  results: Array<{ call_id: string; fit: number; score: number; components: { dense: number; lexical: number }; matched_topics: Array<{ sentence: string }>; nearest_topics?: Array<{ sentence: string }>; deadline: { state: string } }>;
  total_calls: number;
  as_of: string;
  embedder: string;
};
const EMBEDDER = 'workers-ai:@cf/baai/bge-small-en-v1.5';


describe('Cloudflare Worker in workerd', () => {
  let bundle: Bundle;
  let mf: Miniflare;
  let db: D1Like;
  const request = async (path: string, init?: RequestInit): Promise<Response> =>
    (await mf.dispatchFetch(`http://worker.test${path}`, init as never)) as unknown as Response;

  beforeAll(async () => {
    bundle = await buildWorker();
    mf = startWorker(bundle);
    db = d1OverFetch(mf);
    await migrate(db);
    // Calls only, no vectors: the first request embeds the missing passages through env.AI into env.VECTORIZE.
    const store = createD1Store({ db });
    for (const call of bundledCalls()) await store.put(call);
  });
  afterAll(async () => {
    await mf?.dispose();
  });

  it('the bundle has no Node built-ins or native modules', () => {
    expect(bundle.code).not.toMatch(/\bfrom\s*["']node:|require\(\s*["']node:|\.node["']\)/);
    expect(bundle.code).not.toMatch(/hnswlib-node|onnxruntime-node|@energetic-ai/);
    console.log(`worker bundle: ${(bundle.bytes / 1024).toFixed(1)} KiB (${bundle.path})`);
  });

  it('GET /healthz reports the calls, the Workers AI embedder and the calibration it ranks with', async () => {
    const res = await request('/healthz');
    expect(res.status).toBe(200);
    // No calibration was fitted for bge-small: the embedder-independent one, never USE-lite's.
    // The shipped reference population, bundled as text: its BM25 side (no dense statistics exist for bge-small).
    expect(await res.json()).toMatchObject({ status: 'ok', calls: 3, embedder: EMBEDDER, calibration: ANY_EMBEDDER, reference: { abstracts: 458, dense: false } });
    const { results } = await db.prepare('SELECT count(*) AS n FROM passages').all<{ n: number }>();
    expect(results[0]?.n).toBeGreaterThan(3);
  });

  it('POST /v1/rank ranks the matching call first with evidence from Vectorize', async () => {
    const res = await request('/v1/rank', jsonPost({ ...LAM_DRAFT, top_k: 3, as_of: '2025-01-10' }));
    expect(res.status).toBe(200);
    const body = (await res.json()) as RankBody;
    expect(body).toMatchObject({ total_calls: 3, as_of: '2025-01-10', embedder: EMBEDDER });
    // Every fit is the embedder-independent calibration (USE-lite's weights would read the cosine)
    // (/healthz names it): the top call's draft-level part of the logit plus each call's own score
    // times that calibration's score weight. (The draft-level part reads reference scores the
    // response does not show; the Node runtime test checks it against the scored draft.)
    const any = calibrationFor(EMBEDDER, workerCalibrations());
    const top = body.results[0];
    const logit = (fit: number) => Math.log(fit / (100 - fit));
    if (!top) throw new Error('no results');
    // Fits are rounded to 0.1: their logits are exact to about 0.04 between 1 and 99.
    expect(top.fit).toBeLessThan(99);
    const others = body.results.slice(1).filter((r) => r.fit > 1);
    expect(others.length).toBeGreaterThan(0);
    for (const r of others) expect(Math.abs(logit(r.fit) - logit(top.fit) - any.weights.score * (r.score - top.score))).toBeLessThan(0.08);
    expect(body.results[0]?.call_id).toBe('ieee-network-lam-ioe');
    expect(body.results.every((r) => r.fit >= 0 && r.fit <= 100)).toBe(true);
    // Dense scores and topic evidence need the vectors prefetched from Vectorize before scoring.
    expect(body.results[0]?.components.dense).toBeGreaterThan(0);
    // Below the in-scope threshold the evidence comes as nearest_topics (weak), else as matched_topics.
    const evidence = top?.matched_topics.length ? top.matched_topics : (top?.nearest_topics ?? []);
    expect(evidence.length).toBeGreaterThan(0);
    for (const t of evidence) expect(`${LAM_DRAFT.title} ${LAM_DRAFT.abstract}`).toContain(t.sentence);
    expect(body.results.find((r) => r.call_id === 'china-comms-6g-edge-genai')?.deadline.state).toBe('closed');
  });

  it('POST /v1/rank: missing or empty abstract is a 400 VALIDATION naming the field', async () => {
    for (const input of [{ title: 't' }, { title: 't', abstract: '   ' }]) {
      const body = await expectError(await request('/v1/rank', jsonPost(input)), 400, 'VALIDATION');
      expect(body.error.fields?.map((f) => f.path)).toContain('abstract');
    }
    await expectError(await request('/v1/rank', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"abstract":' }), 400, 'BAD_JSON');
  });

  it('GET /v1/calls lists summaries; GET /v1/calls/:id is the call or a 404 UNKNOWN_CALL', async () => {
    const body = (await (await request('/v1/calls')).json()) as { calls: Array<Record<string, unknown>> };
    expect(body.calls.map((c) => c.id).sort()).toEqual(['china-comms-6g-edge-genai', 'ieee-iotj-symbiotic-iot-giant-ai', 'ieee-network-lam-ioe']);
    for (const c of body.calls) expect(c).not.toHaveProperty('source_text');
    const one = await request('/v1/calls/ieee-network-lam-ioe');
    expect(one.status).toBe(200);
    expect(await one.json()).toMatchObject({ id: 'ieee-network-lam-ioe' });
    await expectError(await request('/v1/calls/nope'), 404, 'UNKNOWN_CALL');
    await expectError(await request('/v1/nothing'), 404, 'NOT_FOUND');
  });

  it('admin ingest stores the call in D1 and its passages in Vectorize; a D1 change by the sync shows on the next request', async () => {
    const [base] = bundledCalls();
    const call = { ...base, id: 'worker-test-call', title: 'Quantum networking for satellite constellations' };
    await expectError(await request('/v1/calls', jsonPost(call)), 401, 'UNAUTHORIZED');
    const res = await request('/v1/calls', jsonPost(call, { authorization: `Bearer ${ADMIN_TOKEN}` }));
    expect(res.status).toBe(201);
    const { results } = await db.prepare("SELECT count(*) AS n FROM passages WHERE call_id = 'worker-test-call'").all<{ n: number }>();
    expect(results[0]?.n).toBeGreaterThan(0);
    expect((await ((await request('/healthz')).json() as Promise<{ calls: number }>)).calls).toBe(4);

    // What worker:sync does for a deleted call: remove it from D1 (moving the version key).
    await createD1Store({ db }).delete('worker-test-call');
    expect((await ((await request('/healthz')).json() as Promise<{ calls: number }>)).calls).toBe(3);
    await expectError(await request('/v1/calls/worker-test-call'), 404, 'UNKNOWN_CALL');
  });
});
