/**
 * Limits on every stored field and the small input holes found in the second adversarial pass
 * (issue #21): each answers a clear JSON 4xx at once, never a hang, a 500 or a stored call.
 */
import { describe, expect, it } from 'vitest';
import { CALL_LIMITS } from '../../src/core/schema.js';
import { jsonPost, LAM_DRAFT, testApp } from '../http/helpers.js';
import { expectError, fieldPaths, rawPost } from './helpers.js';

const TOKEN = 'limits-token';
const admin = { authorization: `Bearer ${TOKEN}` };
const call = { id: 'limits-call', title: 'Special issue on robust ledgers', scope: 'Robust distributed ledgers.', topics: ['consensus'] };

async function postCall(body: unknown) {
  const { app, matcher } = await testApp({ adminToken: TOKEN });
  const t0 = performance.now();
  const res = await app.request('/v1/calls', jsonPost(body, admin));
  return { res, matcher, app, ms: performance.now() - t0 };
}

describe('POST /v1/calls field limits', () => {
  it.each([
    ['a 900,000-character title', { title: 'T'.repeat(900_000) }, 'title'],
    ['10,000 topics', { topics: Array.from({ length: 10_000 }, (_, i) => `topic ${i}`) }, 'topics'],
    ['a topic over the limit', { topics: ['x'.repeat(CALL_LIMITS.topic + 1)] }, 'topics.0'],
    ['a scope over the limit', { scope: 'word '.repeat(CALL_LIMITS.scope / 5 + 1) }, 'scope'],
    ['a venue over the limit', { venue: 'v'.repeat(CALL_LIMITS.venue + 1) }, 'venue'],
    ['too many editors', { guest_editors: Array.from({ length: CALL_LIMITS.editors + 1 }, (_, i) => ({ name: `Editor ${i}` })) }, 'guest_editors'],
    ['an editor name over the limit', { guest_editors: [{ name: 'n'.repeat(CALL_LIMITS.editorName + 1) }] }, 'guest_editors.0.name'],
    ['a javascript: submission URL', { submission_url: 'javascript:alert(document.cookie)' }, 'submission_url'],
    ['a JavaScript: URL in mixed case', { guidelines_url: 'JaVaScRiPt:alert(1)' }, 'guidelines_url'],
    ['a data: URL', { submission_url: 'data:text/html,<script>alert(1)</script>' }, 'submission_url'],
    ['a relative URL', { submission_url: '/submit' }, 'submission_url'],
    ['a URL over the limit', { submission_url: `https://example.org/${'a'.repeat(CALL_LIMITS.url)}` }, 'submission_url'],
    ['too many rule notes', { rules: { notes: Array.from({ length: CALL_LIMITS.listItems + 1 }, () => 'note') } }, 'rules.notes'],
  ])('refuses %s with 400 naming the field, without storing it', async (_name, extra, path) => {
    const { res, matcher } = await postCall({ ...call, ...extra });
    const body = await expectError(res, 400, 'VALIDATION');
    expect(fieldPaths(body)).toContain(path);
    expect(() => matcher.getCall(call.id)).toThrow(/no call/);
  });

  it('stores http and https URLs', async () => {
    const { res } = await postCall({ ...call, submission_url: 'https://example.org/submit', guidelines_url: 'http://example.org/guide' });
    expect(res.status).toBe(201);
  });

  it('accepts a call at every limit', async () => {
    const { res } = await postCall({
      ...call,
      title: 't'.repeat(CALL_LIMITS.title),
      topics: Array.from({ length: CALL_LIMITS.topics }, (_, i) => `topic ${i} ${'x'.repeat(40)}`),
      guest_editors: Array.from({ length: CALL_LIMITS.editors }, (_, i) => ({ name: `Editor ${i}` })),
    });
    expect(res.status).toBe(201);
  });
});

describe('dates, blanks and duplicate ids', () => {
  it.each(['0000-01-01', '0025-06-15', '0099-12-31', '2025-02'])('refuses as_of = %j', async (as_of) => {
    const { app } = await testApp();
    const body = await expectError(await app.request('/v1/rank', jsonPost({ ...LAM_DRAFT, as_of })), 400, 'VALIDATION');
    expect(fieldPaths(body)).toContain('as_of');
  });

  it.each([
    ['a lone high surrogate', '\uD800'],
    ['a lone low surrogate', '\uDC00'],
    ['lone surrogates and spaces', ' \uDBFF \uDFFF '],
  ])('refuses an abstract of only %s', async (_name, abstract) => {
    const { app } = await testApp();
    // JSON.stringify escapes lone surrogates as \uD800, which is what a client sends.
    const body = await expectError(await app.request('/v1/rank', jsonPost({ ...LAM_DRAFT, abstract })), 400, 'VALIDATION');
    expect(fieldPaths(body)).toContain('abstract');
  });

  it('accepts an abstract of one astral character (a whole surrogate pair)', async () => {
    const { app } = await testApp();
    expect((await app.request('/v1/rank', jsonPost({ ...LAM_DRAFT, abstract: '𝛼' }))).status).toBe(200);
  });

  it('refuses duplicate submission ids in /v1/triage, naming the second', async () => {
    const { app, matcher } = await testApp();
    const callId = matcher.listCalls()[0]?.id ?? '';
    const sub = { title: 'T', abstract: LAM_DRAFT.abstract };
    const res = await app.request('/v1/triage', jsonPost({ call_id: callId, submissions: [{ ...sub, id: 'a' }, { ...sub, id: 'b' }, { ...sub, id: 'a' }] }));
    const body = await expectError(res, 400, 'VALIDATION');
    expect(fieldPaths(body)).toEqual(['submissions.2.id']);
  });
});

describe('media type, paths and routes that must not work first', () => {
  it.each([
    'text/plain; charset=application/json',
    'application/jsonp',
    'application/json-seq',
    'text/plain',
    'application/json; charset=latin1',
  ])('refuses Content-Type %j with 400 BAD_JSON', async (type) => {
    const { app } = await testApp();
    await expectError(await app.request('/v1/rank', rawPost(JSON.stringify(LAM_DRAFT), type)), 400, 'BAD_JSON');
  });

  it('a JSON body sent as multipart is a 400: /v1/rank reads it as a draft-file upload (issue #20), JSON-only routes as not JSON', async () => {
    const { app } = await testApp();
    const type = 'multipart/form-data; boundary=application/json';
    await expectError(await app.request('/v1/rank', rawPost(JSON.stringify(LAM_DRAFT), type)), 400, 'BAD_INPUT');
    await expectError(await app.request('/v1/triage', rawPost(JSON.stringify({ call_id: 'x', submissions: [LAM_DRAFT] }), type)), 400, 'BAD_JSON');
  });

  it.each(['application/json', 'Application/JSON', 'application/json; charset=utf-8', 'application/json;charset="UTF-8"'])('accepts Content-Type %j', async (type) => {
    const { app } = await testApp();
    expect((await app.request('/v1/rank', rawPost(JSON.stringify(LAM_DRAFT), type))).status).toBe(200);
  });

  it.each(['/calls/%E0%A4%A', '/v1/calls/%E0%A4%A', '/calls/%FF'])('answers a malformed percent-encoded path %s with 400 JSON', async (path) => {
    const { app } = await testApp();
    await expectError(await app.request(path), 400, 'BAD_INPUT');
  });

  it('answers /v1/explain without an LLM with 503 before embedding anything', async () => {
    const { app, matcher } = await testApp();
    const embedder = matcher.embedder as { calls?: number };
    const before = embedder.calls;
    const res = await app.request('/v1/explain', jsonPost({ draft: LAM_DRAFT, call_id: matcher.listCalls()[0]?.id }));
    await expectError(res, 503, 'LLM_UNAVAILABLE');
    expect(embedder.calls).toBe(before);
  });
});
