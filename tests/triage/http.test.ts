import { beforeAll, describe, expect, test } from 'vitest';
import type { Hono } from 'hono';
import { createApp } from '../../src/http/app.js';
import { TriageResponse } from '../../src/core/schema.js';
import { GRID_DRAFT, PROTEIN_DRAFT, testMatcher } from './corpus.js';

const post = (app: Hono, body: unknown) =>
  app.request('/v1/triage', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

interface ErrorBody {
  error: { code: string; message: string; fields?: Array<{ path: string; message: string }> };
}

let app: Hono;
beforeAll(async () => {
  app = createApp({ matcher: await testMatcher({ quantum: { triage: { in_scope: 0.999, borderline: 0.998 } } }) });
});

describe('POST /v1/triage', () => {
  test('returns a verdict per submission, in order, with evidence and a reason', async () => {
    const res = await post(app, { call_id: 'grid-gnn', submissions: [{ id: 'a', ...GRID_DRAFT }, PROTEIN_DRAFT, { title: 'Bread', abstract: 'A recipe for bread with flour and yeast.' }] });
    expect(res.status).toBe(200);
    const body = TriageResponse.parse(await res.json());
    expect(body.results.map((r) => r.id)).toEqual(['a', '1', '2']);
    const [grid, protein, bread] = body.results;
    expect(grid?.verdict).toBe('in_scope');
    expect(grid?.matched_topics[0]?.sentence).toBeTruthy();
    expect(grid?.reason).toMatch(/^In scope \(p=0\.\d\d\): matches \d of 3 topics/);
    expect(bread?.verdict).toBe('out_of_scope');
    expect(bread?.unmatched_topics).toHaveLength(3);
    expect((grid?.probability ?? 0) > (protein?.probability ?? 1)).toBe(true);
    expect(body.thresholds).toEqual({ in_scope: 0.5, borderline: 0.25 });
  });

  test('names a much better fitting call', async () => {
    const body = TriageResponse.parse(await (await post(app, { call_id: 'grid-gnn', submissions: [PROTEIN_DRAFT, GRID_DRAFT] })).json());
    expect(body.results[0]?.better_fit).toMatchObject({ call_id: 'protein', title: 'Machine learning for protein folding' });
    expect(body.results[0]?.reason).toContain('better fit: Machine learning for protein folding');
    expect(body.results[1]?.better_fit).toBeUndefined();
  });

  test('thresholds per request change the verdict; per call they are the default for that call', async () => {
    const strict = TriageResponse.parse(await (await post(app, { call_id: 'grid-gnn', submissions: [GRID_DRAFT], thresholds: { in_scope: 1, borderline: 0 } })).json());
    expect(strict.results[0]?.verdict).toBe('borderline');
    const q = TriageResponse.parse(await (await post(app, { call_id: 'quantum', submissions: [{ title: 'Superconducting qubits', abstract: 'Quantum error correction codes for superconducting qubits.' }] })).json());
    expect(q.thresholds).toEqual({ in_scope: 0.999, borderline: 0.998 });
    expect(q.results[0]?.verdict).not.toBe('in_scope');
  });

  test('borderline above in_scope is a 400 naming the field', async () => {
    const res = await post(app, { call_id: 'grid-gnn', submissions: [GRID_DRAFT], thresholds: { in_scope: 0.3, borderline: 0.6 } });
    expect(res.status).toBe(400);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.code).toBe('VALIDATION');
    expect(body.error.fields?.map((f) => f.path)).toContain('thresholds.borderline');
    const inherited = await post(app, { call_id: 'quantum', submissions: [GRID_DRAFT], thresholds: { borderline: 0.9995 } });
    expect(inherited.status).toBe(400);
  });

  test('bad submissions are a 400 that names each failing field', async () => {
    const subs = [GRID_DRAFT, GRID_DRAFT, GRID_DRAFT, { title: 'T', abstract: '   ' }, { title: 'no keywords list', abstract: 'a b', keywords: 7 }];
    const res = await post(app, { call_id: 'grid-gnn', submissions: subs });
    expect(res.status).toBe(400);
    const body = (await res.json()) as ErrorBody;
    expect(Object.keys(body)).toEqual(['error']);
    expect(body.error.code).toBe('VALIDATION');
    expect(body.error.fields).toEqual([
      { path: 'submissions.3.abstract', message: 'abstract must not be empty' },
      { path: 'submissions.4.keywords', message: 'keywords must be a list of strings, or one string separated by ";" or ","' },
    ]);
    expect(JSON.stringify(body)).not.toContain('no keywords list');
  });

  test('a submission without a title is triaged (title defaults to empty, as for /v1/rank); keywords may be one string', async () => {
    const res = await post(app, { call_id: 'grid-gnn', submissions: [{ id: 'a', abstract: GRID_DRAFT.abstract, keywords: 'graph neural networks; power grids, forecasting' }] });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { results: Array<{ id: string; verdict: string }> };
    expect(body.results.map((r) => r.id)).toEqual(['a']);
  });

  test('empty, oversized and malformed requests are rejected', async () => {
    expect((await post(app, { call_id: 'grid-gnn', submissions: [] })).status).toBe(400);
    const many = Array.from({ length: 501 }, () => ({ title: 't', abstract: 'a' }));
    const tooMany = (await (await post(app, { call_id: 'grid-gnn', submissions: many })).json()) as ErrorBody;
    expect(tooMany.error.fields?.[0]?.path).toBe('submissions');
    const bad = await app.request('/v1/triage', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as ErrorBody).error.code).toBe('BAD_JSON');
  });

  test('an unknown call is a 404 UNKNOWN_CALL', async () => {
    const res = await post(app, { call_id: 'no-such-call', submissions: [GRID_DRAFT] });
    expect(res.status).toBe(404);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.code).toBe('UNKNOWN_CALL');
    expect(body.error.message).toContain('no-such-call');
  });
});
