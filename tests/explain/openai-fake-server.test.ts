/**
 * The real @langchain/openai client against a scripted OpenAI-compatible
 * server on 127.0.0.1: good, malformed, slow, 500, 429-then-good, streaming,
 * and function calling. No outside service is called.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createExplainer, type Explainer } from '../../src/core/explain/explainer.js';
import { evidenceFor } from '../../src/core/explain/evidence.js';
import { createOpenAiChatModel } from '../../src/core/explain/openai-model.js';
import type { ExplainEvidence } from '../../src/core/explain/schema.js';
import { isCfpError } from '../../src/core/errors.js';
import { startFakeOpenAi, type FakeOpenAi } from '../fixtures/fake-openai/server.js';
import { DRAFT, goodAnswer, testMatcher } from './helpers.js';

let fake: FakeOpenAi;
let evidence: ExplainEvidence;

beforeAll(async () => {
  fake = await startFakeOpenAi();
  const matcher = await testMatcher();
  const [e] = await evidenceFor(await matcher.scoreDraft(DRAFT), [matcher.getCall('edge-llm')], matcher.params);
  if (!e) throw new Error('no evidence');
  evidence = e;
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.requests.length = 0;
});

const explainerFor = (opts: { timeoutMs?: number; model?: string; cacheSize?: number } = {}): Explainer =>
  createExplainer({
    model: createOpenAiChatModel({ baseUrl: fake.url, apiKey: 'test-key', model: opts.model ?? 'fake-model' }),
    timeoutMs: opts.timeoutMs ?? 5_000,
    retries: 2,
    backoffMs: 20,
    cacheSize: opts.cacheSize ?? 0,
  });

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'resolved';
  } catch (err) {
    return isCfpError(err) ? err.code : `uncoded: ${String(err)}`;
  }
}

describe('explainer over the OpenAI protocol', () => {
  it('the ranker matched the topic the scripted answer talks about', () => {
    expect(evidence.matched_topics.map((t) => t.topic)).toContain('model compression for edge inference');
    expect(evidence.gaps.map((g) => g.topic)).toContain('energy efficient wireless networks');
  });

  it('sends json_schema structured output with the evidence as delimited data, and returns a verified explanation', async () => {
    fake.script({ kind: 'json', body: goodAnswer() });
    const out = await explainerFor().explain(DRAFT, evidence);
    expect(out.topics[0]).toMatchObject({ topic: 'model compression for edge inference', quote_verified: true });
    expect(out.gaps).toHaveLength(1);
    const req = fake.requests[0];
    expect(req?.response_format?.type).toBe('json_schema');
    expect(req?.response_format?.json_schema?.name).toBe('explanation');
    expect(req?.messages[0]?.role).toBe('system');
    expect(String(req?.messages[0]?.content)).toMatch(/DATA supplied by third parties/);
    const user = String(req?.messages[1]?.content);
    expect(user).toMatch(/<<<DATA\n[\s\S]*Our model compression method[\s\S]*\nDATA>>>$/);
  });

  it('uses tool calling for models without JSON-schema support', async () => {
    fake.script({ kind: 'json', body: goodAnswer() });
    const out = await explainerFor({ model: 'gpt-4-turbo' }).explain(DRAFT, evidence);
    expect(fake.requests[0]?.tools?.[0]?.function.name).toBe('explanation');
    expect(out.verdict).toMatch(/strong fit/);
  });

  it('malformed JSON is LLM_BAD_OUTPUT and is not retried', async () => {
    fake.script({ kind: 'text', content: '{"verdict": "good", "topics": [' });
    expect(await codeOf(explainerFor().explain(DRAFT, evidence))).toBe('LLM_BAD_OUTPUT');
    expect(fake.requests).toHaveLength(1);
  });

  it('JSON of the wrong shape is LLM_BAD_OUTPUT', async () => {
    fake.script({ kind: 'json', body: { verdict: 42, score: 100 } });
    expect(await codeOf(explainerFor().explain(DRAFT, evidence))).toBe('LLM_BAD_OUTPUT');
  });

  it('a slow model times out with LLM_UNAVAILABLE within the configured budget', async () => {
    fake.script({ kind: 'slow', delayMs: 3_000, then: { kind: 'json', body: goodAnswer() } });
    const t0 = Date.now();
    const err = await explainerFor({ timeoutMs: 300 }).explain(DRAFT, evidence).catch((e: unknown) => e);
    expect(isCfpError(err) && err.code).toBe('LLM_UNAVAILABLE');
    expect(String((err as Error).message)).toMatch(/within 300 ms/);
    expect(Date.now() - t0).toBeLessThan(2_000);
  });

  it('500 is retried with backoff, then LLM_UNAVAILABLE', async () => {
    fake.script({ kind: 'status', status: 500 }, { kind: 'status', status: 502 }, { kind: 'status', status: 503 });
    const err = await explainerFor().explain(DRAFT, evidence).catch((e: unknown) => e);
    expect(isCfpError(err) && err.code).toBe('LLM_UNAVAILABLE');
    expect(String((err as Error).message)).toMatch(/HTTP 503 after 3 attempts/);
    expect(fake.requests).toHaveLength(3);
  });

  it('429 then a good answer succeeds on the retry', async () => {
    fake.script({ kind: 'status', status: 429 }, { kind: 'json', body: goodAnswer() });
    const out = await explainerFor().explain(DRAFT, evidence);
    expect(out.topics).toHaveLength(1);
    expect(fake.requests).toHaveLength(2);
  });

  it('401 is not retried', async () => {
    fake.script({ kind: 'status', status: 401 });
    expect(await codeOf(explainerFor().explain(DRAFT, evidence))).toBe('LLM_UNAVAILABLE');
    expect(fake.requests).toHaveLength(1);
  });

  it('a server that is down is LLM_UNAVAILABLE', async () => {
    const down = createExplainer({ model: createOpenAiChatModel({ baseUrl: 'http://127.0.0.1:9/v1', model: 'fake-model' }), retries: 1, backoffMs: 10, timeoutMs: 3_000 });
    expect(await codeOf(down.explain(DRAFT, evidence))).toBe('LLM_UNAVAILABLE');
  });

  it('streams tokens over SSE (stream: true) and still validates the final answer', async () => {
    fake.script({ kind: 'json', body: goodAnswer() });
    const tokens: string[] = [];
    const out = await explainerFor().explain(DRAFT, evidence, { onToken: (t) => tokens.push(t) });
    expect(fake.requests[0]?.stream).toBe(true);
    expect(tokens.length).toBeGreaterThan(3);
    expect(tokens.join('')).toBe(JSON.stringify(goodAnswer()));
    expect(out.topics[0]?.quote_verified).toBe(true);
  });

  it('identical requests are served from the cache', async () => {
    fake.script({ kind: 'json', body: goodAnswer() });
    const explainer = explainerFor({ cacheSize: 10 });
    const first = await explainer.explain(DRAFT, evidence);
    const second = await explainer.explain(DRAFT, evidence);
    expect(first.cached).toBe(false);
    expect(second).toEqual({ ...first, cached: true });
    expect(fake.requests).toHaveLength(1);
  });
});
