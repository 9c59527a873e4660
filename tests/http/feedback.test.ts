import type { Hono } from 'hono';
import { beforeEach, describe, expect, it } from 'vitest';
import { createMemoryFeedbackStore } from '../../src/core/feedback/memory-store.js';
import type { FeedbackStore } from '../../src/core/ports.js';
import { LAM_DRAFT, expectError, jsonPost, testApp } from './helpers.js';

const TOKEN = 'editor-token';
const AUTH = { authorization: `Bearer ${TOKEN}` };
const CALL = 'ieee-network-lam-ioe';
const SUB = { id: 'S-1', ...LAM_DRAFT };
const OFF = { id: 'S-2', title: 'Caries in children', abstract: 'We study dental caries in primary school children and fluoride varnish.', keywords: ['dentistry'] };

type Result = { id: string; probability: number; verdict: string; reason: string; feedback_key?: string; feedback?: { decisions: number; in_scope: number; out_of_scope: number; base_probability: number } };
type Triage = { results: Result[] };

describe('editor feedback', () => {
  let app: Hono;
  let store: FeedbackStore;
  beforeEach(async () => {
    store = createMemoryFeedbackStore();
    ({ app } = await testApp({ adminToken: TOKEN, feedback: store }));
  });
  const triage = async (subs: unknown[], headers: Record<string, string> = AUTH) => (await (await app.request('/v1/triage', jsonPost({ call_id: CALL, submissions: subs }, headers))).json()) as Triage;
  const decide = (sub: typeof SUB, key: string | undefined, label: string, extra: Record<string, unknown> = {}) =>
    app.request('/v1/triage/feedback', jsonPost({ call_id: CALL, submission: sub, feedback_key: key, label, ...extra }, AUTH));

  it('an editor triage carries feedback keys; an anonymous one carries nothing of the editors', async () => {
    const anon = await triage([SUB], {});
    expect(anon.results[0]).not.toHaveProperty('feedback_key');
    const ed = await triage([SUB, OFF]);
    expect(ed.results.map((r) => r.feedback_key)).toEqual([expect.stringMatching(/^fk1\./), expect.stringMatching(/^fk1\./)]);
    expect(ed.results[0]?.feedback_key).not.toBe(ed.results[1]?.feedback_key);
    expect(ed.results[0]).not.toHaveProperty('feedback');
    expect(ed.results[0]?.probability).toBe(anon.results[0]?.probability);
  });

  it('records a decision (vector and label only), lists it, and adjusts later editor triage only', async () => {
    const [r] = (await triage([SUB])).results;
    const res = await decide(SUB, r?.feedback_key, 'out_of_scope');
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ call_id: CALL, label: 'out_of_scope', decisions: 1, stored: { vector: true, text: false } });
    const [stored] = await store.list(CALL);
    expect(stored).toMatchObject({ call_id: CALL, label: 'out_of_scope', ref: 'S-1' });
    expect(stored).not.toHaveProperty('text');
    expect(JSON.stringify(stored)).not.toContain('Internet of Everything');

    const list = (await (await app.request(`/v1/triage/feedback/${CALL}`, { headers: AUTH })).json()) as { decisions: number; feedback: Array<Record<string, unknown>> };
    expect(list.decisions).toBe(1);
    expect(list.feedback[0]).not.toHaveProperty('vector');
    expect(list.feedback[0]).toMatchObject({ has_text: false, label: 'out_of_scope' });

    const after = (await triage([SUB])).results[0];
    expect(after?.feedback).toMatchObject({ decisions: 1, in_scope: 0, out_of_scope: 1, base_probability: r?.probability });
    expect(after?.probability).toBeLessThan(r?.probability ?? 0);
    expect(after?.reason).toMatch(/; based on 1 decision of this call's editors$/);
    const anon = (await triage([SUB], {})).results[0];
    expect(anon).not.toHaveProperty('feedback');
    expect(anon?.probability).toBe(r?.probability);
  });

  it("editors' decisions never change what authors see", async () => {
    const rank = async () => {
      const body = (await (await app.request('/v1/rank', jsonPost({ ...LAM_DRAFT, top_k: 3 }))).json()) as { results: unknown[] };
      return JSON.stringify(body.results);
    };
    const before = await rank();
    const keys = (await triage([SUB, OFF])).results.map((r) => r.feedback_key);
    await decide(SUB, keys[0], 'out_of_scope');
    await decide(OFF, keys[1], 'in_scope');
    expect(await rank()).toBe(before);
  });

  it('keeps the text only when asked, replaces a re-label, deletes one or all', async () => {
    const keys = (await triage([SUB, OFF])).results.map((r) => r.feedback_key);
    expect((await decide(SUB, keys[0], 'in_scope', { keep_text: true })).status).toBe(201);
    const relabel = (await (await decide(SUB, keys[0], 'out_of_scope', { keep_text: true })).json()) as { id: string; decisions: number };
    expect(relabel.decisions).toBe(1);
    await decide(OFF, keys[1], 'out_of_scope');
    const list = (await (await app.request(`/v1/triage/feedback/${CALL}`, { headers: AUTH })).json()) as { decisions: number; out_of_scope: number; feedback: Array<{ id: string; has_text: boolean; text?: { title: string } }> };
    expect(list).toMatchObject({ decisions: 2, out_of_scope: 2 });
    expect(list.feedback.find((f) => f.id === relabel.id)).toMatchObject({ has_text: true, text: { title: SUB.title } });
    expect((await app.request(`/v1/triage/feedback/${CALL}/${relabel.id}`, { method: 'DELETE', headers: AUTH })).status).toBe(204);
    await expectError(await app.request(`/v1/triage/feedback/${CALL}/${relabel.id}`, { method: 'DELETE', headers: AUTH }), 404, 'NOT_FOUND');
    expect(await (await app.request(`/v1/triage/feedback/${CALL}`, { method: 'DELETE', headers: AUTH })).json()).toEqual({ call_id: CALL, removed: 1 });
    expect(await store.list(CALL)).toEqual([]);
  });

  it('refuses a decision on a submission this server never triaged for the call', async () => {
    const [r] = (await triage([SUB])).results;
    const forged = await expectError(await decide(SUB, 'fk1.made-up', 'in_scope'), 400, 'BAD_INPUT');
    expect(forged.error.fields?.[0]?.path).toBe('feedback_key');
    expect(forged.error.message).toMatch(/not triaged for this call/);
    await expectError(await decide({ ...SUB, abstract: `${SUB.abstract} Changed.` }, r?.feedback_key, 'in_scope'), 400, 'BAD_INPUT');
    const other = await app.request('/v1/triage/feedback', jsonPost({ call_id: 'ieee-iotj-symbiotic-iot-giant-ai', submission: SUB, feedback_key: r?.feedback_key, label: 'in_scope' }, AUTH));
    await expectError(other, 400, 'BAD_INPUT');
    expect(await store.list(CALL)).toEqual([]);
  });

  it.each([
    ['a missing label', { call_id: CALL, submission: SUB, feedback_key: 'k' }, 'label'],
    ['an unknown label', { call_id: CALL, submission: SUB, feedback_key: 'k', label: 'maybe' }, 'label'],
    ['no submission', { call_id: CALL, feedback_key: 'k', label: 'in_scope' }, 'submission'],
    ['an empty abstract', { call_id: CALL, submission: { title: 't', abstract: ' ' }, feedback_key: 'k', label: 'in_scope' }, 'submission.abstract'],
  ])('bad input: %s is a 400 VALIDATION naming the field', async (_name, body, path) => {
    const err = await expectError(await app.request('/v1/triage/feedback', jsonPost(body, AUTH)), 400, 'VALIDATION');
    expect(err.error.fields?.map((f) => f.path)).toContain(path);
  });

  it('an unknown call is 404; everything needs the admin token', async () => {
    await expectError(await app.request('/v1/triage/feedback', jsonPost({ call_id: 'nope', submission: SUB, feedback_key: 'k', label: 'in_scope' }, AUTH)), 404, 'UNKNOWN_CALL');
    await expectError(await app.request('/v1/triage/feedback/nope', { headers: AUTH }), 404, 'UNKNOWN_CALL');
    await expectError(await app.request('/v1/triage/feedback', jsonPost({ call_id: CALL, submission: SUB, feedback_key: 'k', label: 'in_scope' })), 401, 'UNAUTHORIZED');
    await expectError(await app.request(`/v1/triage/feedback/${CALL}`), 401, 'UNAUTHORIZED');
    await expectError(await app.request(`/v1/triage/feedback/${CALL}`, { headers: { authorization: 'Bearer nope' } }), 403, 'FORBIDDEN');
    await expectError(await app.request('/v1/triage', jsonPost({ call_id: CALL, submissions: [SUB] }, { authorization: 'Bearer nope' })), 403, 'FORBIDDEN');
    const { app: noStore } = await testApp({ adminToken: TOKEN });
    await expectError(await noStore.request(`/v1/triage/feedback/${CALL}`, { headers: AUTH }), 403, 'DISABLED');
    const { app: noToken } = await testApp({ feedback: createMemoryFeedbackStore() });
    await expectError(await noToken.request(`/v1/triage/feedback/${CALL}`, { headers: AUTH }), 403, 'DISABLED');
  });

  it('decisions move the verdicts of similar submissions the way the editors decided', async () => {
    const similar = (i: number) => ({ id: `L-${i}`, title: `${LAM_DRAFT.title} ${i}`, abstract: `${LAM_DRAFT.abstract} Variant ${i}.`, keywords: LAM_DRAFT.keywords });
    const subs = Array.from({ length: 6 }, (_, i) => similar(i));
    const first = (await triage(subs)).results;
    for (const [i, s] of subs.slice(0, 5).entries()) expect((await decide(s, first[i]?.feedback_key, 'out_of_scope')).status).toBe(201);
    const probe = (await triage([subs[5]])).results[0];
    expect(probe?.feedback?.decisions).toBe(5);
    expect(probe?.probability).toBeLessThan((first[5]?.probability ?? 0) - 0.05);
  });
});
