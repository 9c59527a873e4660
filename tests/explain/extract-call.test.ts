/** LLM-assisted CFP extraction: model first, rule-based parser as fallback and cross-check; and POST /v1/calls with llm: true. */
import { readFileSync } from 'node:fs';
import { FakeListChatModel } from '@langchain/core/utils/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExplainer } from '../../src/core/explain/explainer.js';
import { extractCallWithLlm } from '../../src/core/explain/extract-call.js';
import type { ModelCall } from '../../src/core/explain/extract-schema.js';
import { createOpenAiChatModel } from '../../src/core/explain/openai-model.js';
import { isCfpError } from '../../src/core/errors.js';
import { createApp } from '../../src/http/app.js';
import { startFakeOpenAi, type FakeOpenAi } from '../fixtures/fake-openai/server.js';
import { testMatcher } from './helpers.js';

const TEXT = readFileSync(new URL('../fixtures/cfp/numbered-title.txt', import.meta.url), 'utf8');

const answer = (over: Partial<ModelCall> = {}): ModelCall => ({
  title: 'Quantum Networking for the Post-5G Internet',
  venue: 'Computer Networks',
  scope: 'Quantum networks promise communication tasks that classical networks cannot perform.',
  topics: ['Entanglement routing and swapping protocols', 'Quantum key distribution over metropolitan networks', 'Resource allocation for quantum repeaters across heterogeneous links', 'Hybrid classical-quantum network architectures'],
  dates: { submission_deadline: '2025-04-30', first_decision: null, revision: null, final_decision: null, final_manuscript: null, publication: null },
  guest_editors: [{ name: 'Alice Martin', affiliation: 'Delft University of Technology', email: null }, { name: "Bob O'Neil", affiliation: null, email: null }],
  rules: { abstract_max_words: 200, abstract_min_words: null, keywords_min: null, keywords_max: 6, notes: [] },
  ...over,
});
const model = (...answers: string[]) => new FakeListChatModel({ responses: answers });

describe('extractCallWithLlm', () => {
  it('fills only the fields the rules left empty, and marks them as the model\'s', async () => {
    // No topic list and no deadline in this text: those two come from the model; the title the rules found stays.
    const text = 'Title: Quantum Networking for the Post-5G Internet\n\nQuantum networks promise communication tasks that classical networks cannot perform.';
    const out = await extractCallWithLlm(text, model(JSON.stringify(answer({ title: 'Something Else Entirely' }))), { id: 'qnet' });
    expect(out.call.title).toBe('Quantum Networking for the Post-5G Internet');
    expect(out.call.topics).toEqual(answer().topics);
    expect(out.call.dates.submission_deadline).toBe('2025-04-30');
    expect(out.call.field_sources?.['topics']).toEqual({ from: 'llm', where: 'model extraction' });
    expect(out.call.field_sources?.['dates.submission_deadline']?.from).toBe('llm');
    expect(out.call.field_sources?.['title']?.from).toBe('text-line');
    expect(out.call.warnings.some((w) => w.startsWith('filled by the LLM'))).toBe(true);
  });

  it('uses the model and reports the fields where the parser disagrees', async () => {
    const out = await extractCallWithLlm(TEXT, model(JSON.stringify(answer())), { id: 'qnet' });
    expect(out.source).toBe('llm');
    // The rules found a deadline, so the model's different one is reported, never used.
    expect(out.call).toMatchObject({ id: 'qnet', dates: { submission_deadline: '2025-04-15' }, source_text: TEXT });
    expect(out.call.warnings.some((w) => w.includes("the parser's values are kept"))).toBe(true);
    // The parser read 2025-04-15 and the later dates; the model (here) says 2025-04-30 and nothing else.
    const fields = out.disagreements.map((d) => d.field);
    expect(fields).toContain('dates.submission_deadline');
    expect(out.disagreements.find((d) => d.field === 'dates.submission_deadline')).toEqual({ field: 'dates.submission_deadline', llm: '2025-04-30', parser: '2025-04-15' });
    expect(fields).not.toContain('venue');
    expect(out.call.warnings.join(' ')).toMatch(/disagree on: .*dates.submission_deadline/);
    // Fields only the parser extracts are kept.
    expect(out.call.submission_url).toMatch(/editorialmanager/);
  });

  it('falls back to the parser on malformed output, with the reason', async () => {
    const out = await extractCallWithLlm(TEXT, model('{"title": '));
    expect(out.source).toBe('parser');
    expect(out.llm_error?.code).toBe('LLM_BAD_OUTPUT');
    expect(out.call.dates.submission_deadline).toBe('2025-04-15');
    expect(out.disagreements).toEqual([]);
  });

  it('falls back when the answer fails the Call schema (a bad date)', async () => {
    const bad = answer({ dates: { ...answer().dates, submission_deadline: '30 April 2025' } });
    const out = await extractCallWithLlm(TEXT, model(JSON.stringify(bad)));
    expect(out.source).toBe('parser');
    expect(out.llm_error?.code).toBe('LLM_BAD_OUTPUT');
  });

  it('uses the model alone when the parser cannot read the text, and throws BAD_CFP when neither can', async () => {
    const odd = '\n\n   \n';
    const alone = await extractCallWithLlm(odd, model(JSON.stringify(answer())), { id: 'qnet' });
    expect(alone).toMatchObject({ source: 'llm', disagreements: [], call: { title: answer().title } });
    const err = await extractCallWithLlm(odd, model('nope')).catch((e: unknown) => e);
    expect(isCfpError(err) && err.code).toBe('BAD_CFP');
  });
});

describe('POST /v1/calls with llm: true', () => {
  let fake: FakeOpenAi;
  beforeAll(async () => {
    fake = await startFakeOpenAi();
  });
  afterAll(() => fake.close());
  const post = async (explainer: ReturnType<typeof createExplainer> | undefined, body: unknown) => {
    const app = createApp({ matcher: await testMatcher(), adminToken: 'admin', ...(explainer ? { explainer } : {}) });
    return app.request('/v1/calls', { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer admin' }, body: JSON.stringify(body) });
  };

  it('answers 503 LLM_UNAVAILABLE without a configured LLM', async () => {
    const res = await post(undefined, { text: TEXT, llm: true });
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ error: { code: 'LLM_UNAVAILABLE' } });
  });

  it('extracts through the OpenAI protocol, ingests the call and returns the extraction report', async () => {
    fake.script({ kind: 'json', body: answer() });
    const explainer = createExplainer({ model: createOpenAiChatModel({ baseUrl: fake.url, model: 'fake-model' }) });
    const res = await post(explainer, { text: TEXT, llm: true, id: 'qnet' });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { id: string; extraction: { source: string; disagreements: Array<{ field: string }> } };
    expect(body.id).toBe('qnet');
    expect(body.extraction.source).toBe('llm');
    expect(body.extraction.disagreements.map((d) => d.field)).toContain('dates.submission_deadline');
    expect(fake.requests[0]?.response_format?.json_schema?.name).toBe('call');
  });
});
