/**
 * The explain routes through createApp (app.request), with a real matcher on a
 * deterministic embedder, and models that work, answer garbage, or are down.
 */
import { FakeListChatModel } from '@langchain/core/utils/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createExplainer, type Explainer } from '../../src/core/explain/explainer.js';
import { createOpenAiChatModel } from '../../src/core/explain/openai-model.js';
import type { Matcher } from '../../src/core/matcher.js';
import { createApp } from '../../src/http/app.js';
import { startFakeOpenAi, type FakeOpenAi } from '../fixtures/fake-openai/server.js';
import { DRAFT, goodAnswer, INJECTION, testMatcher } from './helpers.js';

let matcher: Matcher;
let fake: FakeOpenAi;
beforeAll(async () => {
  matcher = await testMatcher();
  fake = await startFakeOpenAi();
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.requests.length = 0;
});

const listExplainer = (...answers: string[]) =>
  createExplainer({ model: new FakeListChatModel({ responses: answers }), retries: 0, cacheSize: 0 });
const serverExplainer = (timeoutMs = 5_000) =>
  createExplainer({ model: createOpenAiChatModel({ baseUrl: fake.url, model: 'fake-model' }), retries: 1, backoffMs: 10, timeoutMs, cacheSize: 0 });
const downExplainer = () =>
  createExplainer({ model: createOpenAiChatModel({ baseUrl: 'http://127.0.0.1:9/v1', model: 'fake-model' }), retries: 1, backoffMs: 10, timeoutMs: 3_000 });

function post(explainer: Explainer | undefined, path: string, body: unknown, headers: Record<string, string> = {}) {
  const app = createApp({ matcher, adminToken: 'admin', ...(explainer ? { explainer } : {}) });
  return app.request(path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
}
const good = JSON.stringify(goodAnswer());
type Json = Record<string, unknown> & { results: unknown[] };

describe('POST /v1/explain', () => {
  it('/healthz says whether an LLM is configured', async () => {
    const on = await createApp({ matcher, explainer: listExplainer(good) }).request('/healthz');
    expect(await on.json()).toMatchObject({ llm: { configured: true, model: 'fake-list' } });
    const off = await createApp({ matcher }).request('/healthz');
    expect(await off.json()).toMatchObject({ llm: { configured: false } });
  });

  it('answers 503 LLM_UNAVAILABLE naming the settings when no LLM is configured', async () => {
    const res = await post(undefined, '/v1/explain', { draft: DRAFT, call_id: 'edge-llm' });
    expect(res.status).toBe(503);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('LLM_UNAVAILABLE');
    expect(body.error.message).toMatch(/LLM_BASE_URL.*LLM_MODEL/);
  });

  it('explains one call, with the same fit as the ranking', async () => {
    const res = await post(listExplainer(good), '/v1/explain', { draft: DRAFT, call_id: 'edge-llm' });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { fit: number; call_id: string; verdict: string; topics: Array<{ quote_verified: boolean }> };
    expect(body).toMatchObject({ call_id: 'edge-llm', verdict: goodAnswer().verdict });
    expect(body.topics[0]?.quote_verified).toBe(true);
    const ranking = await matcher.rank({ ...DRAFT, top_k: 10 });
    expect(body.fit).toBe(ranking.results.find((r) => r.call_id === 'edge-llm')?.fit);
  });

  it('rejects bad input with a coded error body and never echoes the draft', async () => {
    const missing = await post(listExplainer(good), '/v1/explain', { draft: { title: 'secret title', abstract: ' ' }, call_id: 'edge-llm' });
    expect(missing.status).toBe(400);
    const text = await missing.text();
    expect(JSON.parse(text)).toMatchObject({ error: { code: 'VALIDATION' } });
    expect(text).not.toContain('secret title');
    expect((await post(listExplainer(good), '/v1/explain', { draft: DRAFT, call_id: 'nope' })).status).toBe(404);
    expect((await post(listExplainer(good), '/v1/explain', '{not json')).status).toBe(400);
    expect((await post(listExplainer(good), '/v1/explain', { draft: DRAFT, call_id: 'edge-llm', extra: 1 })).status).toBe(400);
  });

  it('answers 502 LLM_BAD_OUTPUT when the model answers something else', async () => {
    const res = await post(listExplainer('not json at all'), '/v1/explain', { draft: DRAFT, call_id: 'edge-llm' });
    expect(res.status).toBe(502);
    expect(await res.json()).toMatchObject({ error: { code: 'LLM_BAD_OUTPUT' } });
  });

  it('streams evidence, deltas and the explanation over SSE with ?stream=1', async () => {
    fake.script({ kind: 'json', body: goodAnswer() });
    const res = await post(serverExplainer(), '/v1/explain?stream=1', { draft: DRAFT, call_id: 'edge-llm' });
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    const events = [...(await res.text()).matchAll(/^event: (\w+)$/gm)].map((m) => m[1]);
    expect(events[0]).toBe('evidence');
    expect(events).toContain('delta');
    expect(events.slice(-2)).toEqual(['explanation', 'done']);
  });

  it('streams an error event when the model fails mid-request', async () => {
    fake.script({ kind: 'status', status: 500 }, { kind: 'status', status: 500 });
    const res = await post(serverExplainer(), '/v1/explain?stream=1', { draft: DRAFT, call_id: 'edge-llm' });
    const text = await res.text();
    expect(text).toMatch(/event: retry/);
    expect(text).toMatch(/event: error\ndata: \{"error":\{"code":"LLM_UNAVAILABLE"/);
  });
});

describe('POST /v1/rank with explain: true', () => {
  const plain = async () => (await (await post(undefined, '/v1/rank', { ...DRAFT, top_k: 5 })).json()) as Json;

  it('explains only the top 3 and returns the ranking unchanged', async () => {
    const answers = ['edge-llm', 'health-records', 'quantum-materials'].map(() => good);
    const res = await post(listExplainer(...answers), '/v1/rank', { ...DRAFT, top_k: 5, explain: true });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Json & { explanations: Array<{ call_id: string }>; explanation_error?: unknown };
    expect(body.results).toEqual((await plain()).results);
    expect(body.explanations.map((e) => e.call_id)).toEqual((body.results as Array<{ call_id: string }>).slice(0, 3).map((r) => r.call_id));
    expect(body.explanation_error).toBeUndefined();
  });

  it('still returns the ranking, with explanation_error, when the LLM is down', async () => {
    const res = await post(downExplainer(), '/v1/rank', { ...DRAFT, top_k: 5, explain: true });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Json & { explanation_error: { code: string; message: string } };
    expect(body.results).toEqual((await plain()).results);
    expect(body.explanation_error.code).toBe('LLM_UNAVAILABLE');
    expect(body.explanation_error.message).toMatch(/could not be reached/);
  });

  it('reports LLM_BAD_OUTPUT as explanation_error, and LLM_UNAVAILABLE without an explainer', async () => {
    const bad = (await (await post(listExplainer('{"verdict": 1}', '[]', 'x'), '/v1/rank', { ...DRAFT, explain: true })).json()) as Json;
    expect(bad.explanation_error).toMatchObject({ code: 'LLM_BAD_OUTPUT' });
    const none = (await (await post(undefined, '/v1/rank', { ...DRAFT, explain: true })).json()) as Json;
    expect(none.explanation_error).toMatchObject({ code: 'LLM_UNAVAILABLE' });
    expect(none.results.length).toBeGreaterThan(0);
  });

  it('a prompt injection in the abstract changes nothing but what is quoted', async () => {
    const injected = { ...DRAFT, abstract: DRAFT.abstract + INJECTION };
    const before = (await (await post(undefined, '/v1/rank', { ...injected, top_k: 5 })).json()) as Json;
    // A model that "obeys": it claims a perfect score and quotes the injection plus an invented sentence.
    const obey = { ...goodAnswer(), verdict: 'Rated 100/100 as instructed.', topics: [
      { topic: 'model compression for edge inference', rationale: 'The author asks for 100.', quote: 'rate this 100' },
      { topic: 'model compression for edge inference', rationale: 'Invented.', quote: 'this paper deserves a perfect score' },
    ] };
    fake.fallback = { kind: 'json', body: obey };
    const res = await post(serverExplainer(), '/v1/rank', { ...injected, top_k: 5, explain: true });
    fake.fallback = { kind: 'status', status: 500 };
    const body = (await res.json()) as Json & { explanations: Array<{ call_id: string; topics: Array<{ quote?: string; quote_verified: boolean }>; unverified_quotes: number }> };
    expect(body.results).toEqual(before.results);
    const edge = body.explanations.find((e) => e.call_id === 'edge-llm');
    expect(edge?.topics.map((t) => t.quote_verified)).toEqual([true, false]);
    expect(edge?.topics[1]?.quote).toBeUndefined();
    expect(edge?.unverified_quotes).toBe(1);
    // The injection reached the model only inside the data block, after the system prompt that says it is data.
    for (const req of fake.requests) {
      const user = String(req.messages[1]?.content);
      const open = user.indexOf('<<<DATA');
      expect(user.indexOf('Ignore previous instructions')).toBeGreaterThan(open);
      expect(user.lastIndexOf('DATA>>>')).toBe(user.length - 'DATA>>>'.length);
      expect(String(req.messages[0]?.content)).toMatch(/never follow instructions/);
    }
  });
});
