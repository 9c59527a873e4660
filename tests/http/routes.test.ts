import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { beforeAll, describe, expect, it } from 'vitest';
import { CALLS_DIR, LAM_DRAFT, expectError, jsonPost, testApp } from './helpers.js';



describe('read routes', () => {
  let app: Hono;
  beforeAll(async () => ({ app } = await testApp()));

  it('GET /healthz reports the calls and the embedder', async () => {
    const res = await app.request('/healthz');
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ status: 'ok', calls: 3, embedder: 'fake-bow' });
    // This test app is composed without a reference population: the field says so instead of being absent.
    expect(body.reference).toBeNull();
  });

  it('POST /v1/rank ranks the matching call first with evidence from the draft', async () => {
    const res = await app.request('/v1/rank', jsonPost({ ...LAM_DRAFT, top_k: 3 }));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { results: Array<{ call_id: string; fit: number; matched_topics: Array<{ sentence: string }>; deadline: { state: string } }>; total_calls: number; as_of: string };
    expect(body.total_calls).toBe(3);
    expect(body.as_of).toBe('2025-01-10');
    expect(body.results).toHaveLength(3);
    expect(body.results[0]?.call_id).toBe('ieee-network-lam-ioe');
    const fits = body.results.map((r) => r.fit);
    expect(fits.every((f) => f >= 0 && f <= 100)).toBe(true);
    for (const t of body.results[0]?.matched_topics ?? []) expect(`${LAM_DRAFT.title} ${LAM_DRAFT.abstract}`).toContain(t.sentence);
    expect(body.results.find((r) => r.call_id === 'china-comms-6g-edge-genai')?.deadline.state).toBe('closed');
  });

  it('POST /v1/rank with open_only leaves out closed calls', async () => {
    const body = (await (await app.request('/v1/rank', jsonPost({ ...LAM_DRAFT, open_only: true }))).json()) as { results: Array<{ call_id: string }> };
    expect(body.results.map((r) => r.call_id)).not.toContain('china-comms-6g-edge-genai');
  });

  it('POST /v1/rank: keywords may be one string separated by ";" or ","', async () => {
    const res = await app.request('/v1/rank', jsonPost({ ...LAM_DRAFT, keywords: 'large models; IoT, edge' }));
    expect(res.status).toBe(200);
    const bad = await expectError(await app.request('/v1/rank', jsonPost({ ...LAM_DRAFT, keywords: { a: 1 } })), 400, 'VALIDATION');
    expect(bad.error.fields).toEqual([{ path: 'keywords', message: 'keywords must be a list of strings, or one string separated by ";" or ","' }]);
  });

  it('POST /v1/rank: empty abstract is a 400 naming the field', async () => {
    const body = await expectError(await app.request('/v1/rank', jsonPost({ title: 't', abstract: '   ' })), 400, 'VALIDATION');
    expect(body.error.fields?.map((f) => f.path)).toContain('abstract');
  });

  it.each([
    ['missing abstract', { title: 't' }, 'abstract'],
    ['unknown field (named by its key)', { abstract: 'x y z', colour: 'red' }, 'colour'],
    ['top_k out of range', { abstract: 'x y z', top_k: 0 }, 'top_k'],
    ['keywords neither a list nor a string', { abstract: 'x y z', keywords: 5 }, 'keywords'],
    ['bad as_of', { abstract: 'x y z', as_of: '2025-13-01' }, 'as_of'],
  ])('POST /v1/rank rejects %s', async (_name, input, path) => {
    const body = await expectError(await app.request('/v1/rank', jsonPost(input)), 400, 'VALIDATION');
    expect(body.error.fields?.map((f) => f.path)).toContain(path);
  });

  it('POST /v1/rank: body that is not JSON, or not declared JSON, is BAD_JSON', async () => {
    await expectError(await app.request('/v1/rank', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"abstract":' }), 400, 'BAD_JSON');
    await expectError(await app.request('/v1/rank', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' }), 400, 'BAD_JSON');
  });

  it('POST /v1/rank: an oversized body is 413 TOO_LARGE', async () => {
    const { app: small } = await testApp({ maxBodyBytes: 2_000 });
    await expectError(await small.request('/v1/rank', jsonPost({ abstract: 'word '.repeat(1_000) })), 413, 'TOO_LARGE');
  });

  it('GET /v1/calls lists summaries without source text', async () => {
    const body = (await (await app.request('/v1/calls')).json()) as { calls: Array<Record<string, unknown>> };
    expect(body.calls.map((c) => c.id).sort()).toEqual(['china-comms-6g-edge-genai', 'ieee-iotj-symbiotic-iot-giant-ai', 'ieee-network-lam-ioe']);
    for (const c of body.calls) expect(c).not.toHaveProperty('source_text');
    expect(body.calls.find((c) => c.id === 'ieee-network-lam-ioe')).toMatchObject({ submission_deadline: '2025-09-01' });
  });

  it('GET /v1/calls/:id returns the parsed call; unknown id is 404 UNKNOWN_CALL', async () => {
    const res = await app.request('/v1/calls/ieee-network-lam-ioe');
    expect(res.status).toBe(200);
    const call = (await res.json()) as { title: string; topics: string[] };
    expect(call.title).toBe('Large AI Models for the Internet of Everything');
    expect(call.topics.length).toBeGreaterThan(3);
    await expectError(await app.request('/v1/calls/nope'), 404, 'UNKNOWN_CALL');
  });

  it('unknown routes and methods are 404 NOT_FOUND with the error body', async () => {
    await expectError(await app.request('/v1/nothing'), 404, 'NOT_FOUND');
    await expectError(await app.request('/v1/rank'), 404, 'NOT_FOUND');
  });
});

describe('admin routes', () => {
  const TOKEN = 'sekret-token';
  const auth = { authorization: `Bearer ${TOKEN}` };

  it('are 403 DISABLED without ADMIN_TOKEN', async () => {
    const { app } = await testApp();
    await expectError(await app.request('/v1/calls', jsonPost({ text: 'x' }, auth)), 403, 'DISABLED');
    await expectError(await app.request('/v1/calls/ieee-network-lam-ioe', { method: 'DELETE', headers: auth }), 403, 'DISABLED');
  });

  it('are 401 without a token and 403 with a wrong one', async () => {
    const { app } = await testApp({ adminToken: TOKEN });
    await expectError(await app.request('/v1/calls', jsonPost({ text: 'x' })), 401, 'UNAUTHORIZED');
    await expectError(await app.request('/v1/calls', jsonPost({ text: 'x' }, { authorization: 'Bearer wrong' })), 403, 'FORBIDDEN');
    await expectError(await app.request('/v1/calls/ieee-network-lam-ioe', { method: 'DELETE', headers: { authorization: 'Bearer wrong' } }), 403, 'FORBIDDEN');
  });

  it('POST /v1/calls with CFP text parses, stores and ranks the call without a restart', async () => {
    let changes = 0;
    const { app } = await testApp({ adminToken: TOKEN, onChange: () => changes++ });
    const text = readFileSync(join(CALLS_DIR, 'ieee-network-lam-ioe.txt'), 'utf8');
    const res = await app.request('/v1/calls', jsonPost({ text, id: 'lam-copy' }, auth));
    expect(res.status).toBe(201);
    const call = (await res.json()) as { id: string; topics: string[] };
    expect(call.id).toBe('lam-copy');
    expect(call.topics.length).toBeGreaterThan(3);
    expect(changes).toBe(1);
    expect(((await (await app.request('/v1/calls')).json()) as { calls: unknown[] }).calls).toHaveLength(4);
    const ranked = (await (await app.request('/v1/rank', jsonPost(LAM_DRAFT))).json()) as { results: Array<{ call_id: string }> };
    expect(ranked.results.map((r) => r.call_id)).toContain('lam-copy');
  });

  it('POST /v1/calls with the evaluation format and with a structured Call', async () => {
    const { app } = await testApp({ adminToken: TOKEN });
    const evalRes = await app.request('/v1/calls', jsonPost({ id: 'eval-1', title: 'Quantum sensing', description: 'Quantum sensors and metrology.', deadline: '2030-01-31', topics: ['atomic clocks'] }, auth));
    expect(evalRes.status).toBe(201);
    expect(await evalRes.json()).toMatchObject({ id: 'eval-1', scope: 'Quantum sensors and metrology.', dates: { submission_deadline: '2030-01-31' }, topics: ['atomic clocks'] });
    const structured = await app.request('/v1/calls', jsonPost({ id: 'struct-1', title: 'Soil microbiomes', scope: 'Microbial life in soils.', topics: ['nitrogen fixation'], rules: { abstract_max_words: 200 } }, auth));
    expect(structured.status).toBe(201);
    expect(((await (await app.request('/v1/calls/struct-1')).json()) as { rules: unknown }).rules).toEqual({ abstract_max_words: 200 });
  });

  it('POST /v1/calls rejects invalid calls with the failing fields', async () => {
    const { app } = await testApp({ adminToken: TOKEN });
    const body = await expectError(await app.request('/v1/calls', jsonPost({ id: 'bad id!', title: '', scope: 'x' }, auth)), 400, 'VALIDATION');
    expect(body.error.fields?.map((f) => f.path)).toEqual(expect.arrayContaining(['id', 'title']));
    await expectError(await app.request('/v1/calls', jsonPost({ text: '' }, auth)), 400, 'VALIDATION');
  });

  it('DELETE /v1/calls/:id removes the call; a second delete is 404', async () => {
    const { app } = await testApp({ adminToken: TOKEN });
    const res = await app.request('/v1/calls/ieee-network-lam-ioe', { method: 'DELETE', headers: auth });
    expect(res.status).toBe(204);
    await expectError(await app.request('/v1/calls/ieee-network-lam-ioe'), 404, 'UNKNOWN_CALL');
    await expectError(await app.request('/v1/calls/ieee-network-lam-ioe', { method: 'DELETE', headers: auth }), 404, 'UNKNOWN_CALL');
    const ranked = (await (await app.request('/v1/rank', jsonPost(LAM_DRAFT))).json()) as { results: Array<{ call_id: string }>; total_calls: number };
    expect(ranked.total_calls).toBe(2);
  });
});

describe('POST /v1/triage (route wiring; verdict quality is tested with the triage core)', () => {
  it('answers one verdict per submission, and the error body for bad input', async () => {
    const { app } = await testApp();
    const res = await app.request('/v1/triage', jsonPost({ call_id: 'ieee-network-lam-ioe', submissions: [{ id: 's1', ...LAM_DRAFT }, { title: 'Poetry', abstract: 'Medieval Italian manuscripts.' }] }));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { results: Array<{ id: string; verdict: string; probability: number }> };
    expect(body.results.map((r) => r.id)).toEqual(['s1', '1']);
    for (const r of body.results) expect(['in_scope', 'borderline', 'out_of_scope']).toContain(r.verdict);
    await expectError(await app.request('/v1/triage', jsonPost({ call_id: 'nope', submissions: [{ title: 't', abstract: 'a b' }] })), 404, 'UNKNOWN_CALL');
    const bad = await expectError(await app.request('/v1/triage', jsonPost({ call_id: 'ieee-network-lam-ioe', submissions: [] })), 400, 'VALIDATION');
    expect(bad.error.fields?.map((f) => f.path)).toContain('submissions');
  });
});
