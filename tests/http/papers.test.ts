import type { Hono } from 'hono';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Matcher } from '../../src/core/matcher.js';
import { cfpHtml } from '../fixtures/catalogue/pages.js';
import { expectError, jsonPost, testApp } from './helpers.js';

const TOKEN = 'secret-token';
const AUTH = { authorization: `Bearer ${TOKEN}` };
const CALL = 'ieee-network-lam-ioe';
const PAPERS = [
  { title: 'Scheduling large AI models across Internet of Everything devices', abstract: 'We schedule large models on heterogeneous devices.', doi: '10.1109/MNET.2025.0001' },
  { title: 'Edge inference for giant models', abstract: 'Compressed models at the network edge.', keywords: ['edge'] },
];

type Added = { call_id: string; added: number; duplicates: number; total: number; ids: string[] };
type Listed = { call_id: string; papers: Array<{ id: string; title: string; doi?: string; source: string }> };

describe('papers routes', () => {
  let app: Hono;
  let matcher: Matcher;
  let changes: number;
  beforeEach(async () => {
    changes = 0;
    ({ app, matcher } = await testApp({ adminToken: TOKEN, onChange: () => void changes++ }));
  });
  const list = async (id = CALL) => (await (await app.request(`/v1/calls/${id}/papers`)).json()) as Listed;

  it('adds papers (201), lists them without abstracts and indexes each as a paper passage', async () => {
    expect((await list()).papers).toEqual([]);
    const res = await app.request(`/v1/calls/${CALL}/papers`, jsonPost({ papers: PAPERS }, AUTH));
    expect(res.status).toBe(201);
    const body = (await res.json()) as Added;
    expect(body).toMatchObject({ call_id: CALL, added: 2, duplicates: 0, total: 2 });
    expect(changes).toBe(1);
    const listed = await list();
    expect(listed.papers.map((p) => p.title)).toEqual(PAPERS.map((p) => p.title));
    expect(listed.papers[0]).toEqual({ id: body.ids[0], title: PAPERS[0]?.title, doi: '10.1109/mnet.2025.0001', source: 'manual' });
    expect(matcher.corpus.papersByCall.get(CALL)?.map((p) => p.kind)).toEqual(['paper', 'paper']);
    const call = (await (await app.request(`/v1/calls/${CALL}`)).json()) as { papers: unknown[] };
    expect(call.papers).toHaveLength(2);
  });

  it('keeps a duplicate (same DOI or same title) once', async () => {
    await app.request(`/v1/calls/${CALL}/papers`, jsonPost({ papers: PAPERS }, AUTH));
    const again = [{ title: 'Another title, same DOI', doi: 'https://doi.org/10.1109/mnet.2025.0001' }, { title: 'EDGE inference for giant models.' }, { title: 'New one' }, { title: 'new one' }];
    const body = (await (await app.request(`/v1/calls/${CALL}/papers`, jsonPost({ papers: again }, AUTH))).json()) as Added;
    expect(body).toMatchObject({ added: 1, duplicates: 3, total: 3 });
    expect((await list()).papers).toHaveLength(3);
  });

  it('accepts JSON Lines; a bad line is a 400 naming it and nothing is stored', async () => {
    const jsonl = (body: string) => ({ method: 'POST', headers: { 'content-type': 'application/x-ndjson', ...AUTH }, body });
    const ok = await app.request(`/v1/calls/${CALL}/papers`, jsonl(`${JSON.stringify(PAPERS[0])}\n\n${JSON.stringify(PAPERS[1])}\n`));
    expect(ok.status).toBe(201);
    const bad = await expectError(await app.request(`/v1/calls/${CALL}/papers`, jsonl(`{"title":"fine"}\n{"title": oops}\n{"abstract":"no title"}\n`)), 400, 'BAD_INPUT');
    expect(bad.error.fields?.map((f) => f.path)).toEqual(['body:2', 'body:3']);
    expect((await list()).papers).toHaveLength(2);
  });

  it('an unknown call is 404 UNKNOWN_CALL, whatever the body', async () => {
    await expectError(await app.request('/v1/calls/nope/papers', jsonPost({ papers: PAPERS }, AUTH)), 404, 'UNKNOWN_CALL');
    await expectError(await app.request('/v1/calls/nope/papers', jsonPost({ nonsense: true }, AUTH)), 404, 'UNKNOWN_CALL');
    await expectError(await app.request('/v1/calls/nope/papers'), 404, 'UNKNOWN_CALL');
    await expectError(await app.request('/v1/calls/nope/papers', { method: 'DELETE', headers: AUTH }), 404, 'UNKNOWN_CALL');
  });

  it.each([
    ['no papers', { papers: [] }, 'papers'],
    ['a paper without a title', { papers: [PAPERS[0], { abstract: 'x' }] }, 'papers.1.title'],
    ['a bad DOI', { papers: [{ title: 'T', doi: '12345' }] }, 'papers.0.doi'],
    ['a non-http URL', { papers: [{ title: 'T', url: 'javascript:alert(1)' }] }, 'papers.0.url'],
    ['an unknown field', { papers: [{ title: 'T', authors: 'X' }] }, 'papers.0.authors'],
  ])('bad input: %s is a 400 VALIDATION naming the field', async (_name, body, path) => {
    const err = await expectError(await app.request(`/v1/calls/${CALL}/papers`, jsonPost(body, AUTH)), 400, 'VALIDATION');
    expect(err.error.fields?.map((f) => f.path)).toContain(path);
    expect((await list()).papers).toHaveLength(0);
  });

  it('10,000 papers on one call are refused with a clear error, nothing stored', async () => {
    const many = Array.from({ length: 10_000 }, (_, i) => ({ title: `Paper number ${i}` }));
    const err = await expectError(await app.request(`/v1/calls/${CALL}/papers`, jsonPost({ papers: many }, AUTH)), 400, 'VALIDATION');
    expect(err.error.message).toMatch(/at most 1000 papers per call/);
    // Under the cap per request, over it in total: the cap on the call's papers.
    const half = Array.from({ length: 600 }, (_, i) => ({ title: `Paper number ${i}` }));
    expect((await app.request(`/v1/calls/${CALL}/papers`, jsonPost({ papers: half }, AUTH))).status).toBe(201);
    const more = Array.from({ length: 600 }, (_, i) => ({ title: `Other paper ${i}` }));
    const over = await expectError(await app.request(`/v1/calls/${CALL}/papers`, jsonPost({ papers: more }, AUTH)), 400, 'VALIDATION');
    expect(over.error.message).toMatch(/a call holds at most 1000 papers: it has 600 and this would add 600 more/);
    expect((await list()).papers).toHaveLength(600);
  });

  it('deletes one paper (204) or all (200); an unknown paper is 404 NOT_FOUND', async () => {
    const { ids } = (await (await app.request(`/v1/calls/${CALL}/papers`, jsonPost({ papers: PAPERS }, AUTH))).json()) as Added;
    expect((await app.request(`/v1/calls/${CALL}/papers/${ids[0]}`, { method: 'DELETE', headers: AUTH })).status).toBe(204);
    expect((await list()).papers.map((p) => p.id)).toEqual([ids[1]]);
    await expectError(await app.request(`/v1/calls/${CALL}/papers/${ids[0]}`, { method: 'DELETE', headers: AUTH }), 404, 'NOT_FOUND');
    const all = await app.request(`/v1/calls/${CALL}/papers`, { method: 'DELETE', headers: AUTH });
    expect(await all.json()).toEqual({ call_id: CALL, removed: 1, total: 0 });
    expect(matcher.corpus.papersByCall.has(CALL)).toBe(false);
    expect(matcher.getCall(CALL).papers).toBeUndefined();
  });

  it('writes need the admin token: 401 without, 403 with a wrong one, 403 DISABLED without ADMIN_TOKEN', async () => {
    await expectError(await app.request(`/v1/calls/${CALL}/papers`, jsonPost({ papers: PAPERS })), 401, 'UNAUTHORIZED');
    await expectError(await app.request(`/v1/calls/${CALL}/papers`, jsonPost({ papers: PAPERS }, { authorization: 'Bearer wrong' })), 403, 'FORBIDDEN');
    await expectError(await app.request(`/v1/calls/${CALL}/papers`, { method: 'DELETE' }), 401, 'UNAUTHORIZED');
    const { app: closed } = await testApp();
    await expectError(await closed.request(`/v1/calls/${CALL}/papers`, jsonPost({ papers: PAPERS }, AUTH)), 403, 'DISABLED');
    expect((await list()).papers).toHaveLength(0);
  });

  it("posting a special-issue page (html) adds the papers it lists to those added by hand, and they are indexed", async () => {
    await app.request(`/v1/calls/${CALL}/papers`, jsonPost({ papers: PAPERS.slice(0, 1) }, AUTH));
    const html = cfpHtml({ title: 'Large AI Models for the Internet of Everything', deadline: '30 June 2026', papers: ['Split learning of large models on IoE devices', 'Prompting foundation models for network operations'] });
    const res = await app.request('/v1/calls', jsonPost({ html, url: 'https://pub.example/si/lam-ioe', id: CALL }, AUTH));
    expect(res.status).toBe(201);
    const listed = await list();
    expect(listed.papers.map((p) => [p.title, p.source])).toEqual([
      [PAPERS[0]?.title, 'manual'],
      ['Split learning of large models on IoE devices', 'catalogue'],
      ['Prompting foundation models for network operations', 'catalogue'],
    ]);
    expect(matcher.corpus.papersByCall.get(CALL)).toHaveLength(3);
    expect(matcher.getCall(CALL).topics).not.toContain('Split learning of large models on IoE devices');
  });

  it('re-posting a call without papers keeps its papers', async () => {
    await app.request(`/v1/calls/${CALL}/papers`, jsonPost({ papers: PAPERS }, AUTH));
    const { papers: _p, ...call } = matcher.getCall(CALL);
    expect((await app.request('/v1/calls', jsonPost({ ...call, title: `${call.title} (updated)` }, AUTH))).status).toBe(201);
    expect(matcher.getCall(CALL).title).toMatch(/updated/);
    expect((await list()).papers).toHaveLength(2);
  });
});
