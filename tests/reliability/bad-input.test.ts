/**
 * Bad input through the whole app (createApp + app.request over the fake
 * embedder): every case answers a JSON error or a valid ranking, never a 500.
 */
import { describe, expect, it } from 'vitest';
import { jsonPost, LAM_DRAFT, testApp } from '../http/helpers.js';
import { expectError, fieldPaths, rawPost, streamedBody } from './helpers.js';

const rank = async (body: unknown) => {
  const { app } = await testApp();
  return app.request('/v1/rank', jsonPost(body));
};

describe('POST /v1/rank with bad drafts', () => {
  it.each([
    ['empty', ''],
    ['whitespace', ' \n\t  '],
    ['only control characters', '\u0001\u0002\u0007'],
  ])('rejects an abstract that is %s with 400 naming abstract', async (_name, abstract) => {
    const body = await expectError(await rank({ ...LAM_DRAFT, abstract }), 400, 'VALIDATION');
    expect(fieldPaths(body)).toContain('abstract');
  });

  it('rejects wrong types, naming each field', async () => {
    const body = await expectError(await rank({ title: 7, abstract: 42, keywords: 7, top_k: '5' }), 400, 'VALIDATION');
    expect(fieldPaths(body)).toEqual(expect.arrayContaining(['title', 'abstract', 'keywords', 'top_k']));
  });

  it('rejects unknown fields (strict) and names them', async () => {
    const body = await expectError(await rank({ ...LAM_DRAFT, topk: 3, secret_field: 'x' }), 400, 'VALIDATION');
    expect(body.error.message).toContain('topk');
    expect(body.error.message).toContain('secret_field');
  });

  it.each([null, [], 'a string', 12])('rejects a JSON body that is not an object (%j)', async (value) => {
    await expectError(await rank(value), 400, 'VALIDATION');
  });

  it.each([0, -1, 101, 1.5, 1e9])('rejects top_k = %s', async (top_k) => {
    const body = await expectError(await rank({ ...LAM_DRAFT, top_k }), 400, 'VALIDATION');
    expect(fieldPaths(body)).toContain('top_k');
  });

  it.each(['2025-13-45', 'yesterday', '2025-02-30', '2025-1-5', '20250105', ''])('rejects as_of = %j', async (as_of) => {
    const body = await expectError(await rank({ ...LAM_DRAFT, as_of }), 400, 'VALIDATION');
    expect(fieldPaths(body)).toContain('as_of');
  });

  it('accepts a valid leap day', async () => {
    expect((await rank({ ...LAM_DRAFT, as_of: '2024-02-29' })).status).toBe(200);
  });

  it.each([
    ['Chinese', '面向万物互联的大模型资源调度', '我们研究大型人工智能模型如何在异构物联网设备之间调度资源。实验表明延迟和能耗更低。'],
    ['Arabic', 'النماذج اللغوية الكبيرة لجدولة الموارد', 'ندرس كيف يمكن للنماذج الكبيرة جدولة الموارد عبر أجهزة إنترنت الأشياء. تظهر التجارب انخفاض زمن الاستجابة.'],
  ])('ranks a draft written in %s', async (_lang, title, abstract) => {
    const res = await rank({ title, abstract });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { results: Array<{ fit: number }> };
    expect(body.results.length).toBeGreaterThan(0);
    for (const r of body.results) expect(Number.isFinite(r.fit)).toBe(true);
  });

  it('cleans escaped control characters inside an otherwise valid draft (200)', async () => {
    const res = await rank({ ...LAM_DRAFT, abstract: `${LAM_DRAFT.abstract}\u0000\u0007\u001b[31m\u202e end.` });
    expect(res.status).toBe(200);
  });

  it('refuses invalid UTF-8 bytes with 400 BAD_JSON', async () => {
    const head = new TextEncoder().encode('{"abstract":"edge ');
    const tail = new TextEncoder().encode(' models"}');
    const bytes = new Uint8Array([...head, 0xff, 0xfe, 0xc3, 0x28, ...tail]);
    const { app } = await testApp();
    const body = await expectError(await app.request('/v1/rank', rawPost(bytes)), 400, 'BAD_JSON');
    expect(body.error.message).toContain('UTF-8');
  });

  it.each([
    ['not JSON', '{"abstract": '],
    ['wrong content type', '{"abstract":"x"}'],
  ])('refuses a body that is %s with 400 BAD_JSON', async (name, text) => {
    const { app } = await testApp();
    const init = rawPost(text, name === 'wrong content type' ? 'text/plain' : 'application/json');
    await expectError(await app.request('/v1/rank', init), 400, 'BAD_JSON');
  });

  it('survives deeply nested JSON under the size limit', async () => {
    const depth = 100_000;
    const { app } = await testApp();
    const res = await app.request('/v1/rank', rawPost(`{"abstract":"x","keywords":${'['.repeat(depth)}${']'.repeat(depth)}}`));
    await expectError(res, 400, 'VALIDATION');
  });

  it('refuses a 5 MB body with Content-Length as 413 TOO_LARGE', async () => {
    const { app } = await testApp();
    const big = JSON.stringify({ abstract: 'a'.repeat(5 * 1024 * 1024) });
    const res = await app.request('/v1/rank', { ...rawPost(big), headers: { 'content-type': 'application/json', 'content-length': String(big.length) } });
    await expectError(res, 413, 'TOO_LARGE');
  });

  it('refuses a streamed 5 MB body without Content-Length before reading it whole', async () => {
    const { app } = await testApp();
    const { init, pulled } = streamedBody(5 * 1024 * 1024);
    const res = await app.request('/v1/rank', init);
    await expectError(res, 413, 'TOO_LARGE');
    // The limit is 1 MiB: reading stops one chunk past it (plus the stream's read-ahead).
    expect(pulled()).toBeLessThan(2 * 1024 * 1024);
  });
});

describe('POST /v1/calls with CFP text', () => {
  const admin = { authorization: 'Bearer s3cret-token' };

  it('accepts a CFP without a topic list: topics [] and a warning', async () => {
    const { app } = await testApp({ adminToken: 's3cret-token' });
    const text = 'Special Issue on Robust Distributed Ledgers\n\nThis special issue invites original research on the robustness of distributed ledgers under network partitions.\n\nSubmission deadline: 31 December 2026\n';
    const res = await app.request('/v1/calls', jsonPost({ text, id: 'ledgers-2026' }, admin));
    expect(res.status).toBe(201);
    const call = (await res.json()) as { id: string; topics: string[]; warnings: string[] };
    expect(call.topics).toEqual([]);
    expect(call.warnings).toContain('no topic list found');
  });

  it.each([
    ['empty text', { text: '' }],
    ['binary text', { text: '\u0001\u0002\u0003\u0004\u0005\u0006' }],
    ['text of the wrong type', { text: 42 }],
  ])('answers %s with a 4xx JSON error', async (_name, body) => {
    const { app } = await testApp({ adminToken: 's3cret-token' });
    const res = await app.request('/v1/calls', jsonPost(body, admin));
    expect([400, 422]).toContain(res.status);
    const json = (await res.json()) as { error: { code: string } };
    expect(['VALIDATION', 'BAD_CFP']).toContain(json.error.code);
  });
});
