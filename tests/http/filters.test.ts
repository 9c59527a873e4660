/** Filters with counts and empty-result explanations on POST /v1/rank and GET /v1/calls (three bundled calls; "today" 2025-01-10: one closed). */
import type { Hono } from 'hono';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FilterSummary, RankResponse } from '../../src/core/schema.js';
import { LAM_DRAFT, expectError, jsonPost, testApp } from './helpers.js';

let app: Hono;
beforeAll(async () => ({ app } = await testApp()));

const rank = async (extra: Record<string, unknown>) => (await (await app.request('/v1/rank', jsonPost({ ...LAM_DRAFT, ...extra }))).json()) as RankResponse & { filters: FilterSummary };

describe('POST /v1/rank filters', () => {
  it('keeps only the publisher asked for (case-insensitive), and counts every choice', async () => {
    const res = await rank({ publisher: 'ieee comsoc' });
    expect(res.results.map((r) => r.call_id)).toEqual(['ieee-network-lam-ioe']);
    expect(res.filters.matched).toBe(1);
    expect(res.filters.total).toBe(3);
    expect(res.filters.facets.publisher.map((f) => f.value).sort()).toEqual(['China Institute of Communications and IEEE ComSoc', 'IEEE', 'IEEE ComSoc']);
    expect(res.filters.facets.deadline).toEqual(expect.arrayContaining([{ value: 'open', count: 1 }]));
  });

  it('takes several venues and a deadline window', async () => {
    const both = await rank({ venue: ['IEEE Network', 'China Communications'] });
    expect(both.results.map((r) => r.call_id).sort()).toEqual(['china-comms-6g-edge-genai', 'ieee-network-lam-ioe']);
    const window = await rank({ deadline_after: '2025-03-01', deadline_before: '2025-12-31' });
    for (const r of window.results) expect(r.deadline.deadline! >= '2025-03-01' && r.deadline.deadline! <= '2025-12-31').toBe(true);
    expect(window.results.length).toBe(window.filters.matched);
  });

  it('does not change a call\'s fit', async () => {
    const all = await rank({});
    const one = await rank({ venue: 'IEEE Network' });
    expect(one.results[0]?.fit).toBe(all.results.find((r) => r.call_id === 'ieee-network-lam-ioe')?.fit);
  });

  it('says why an open-only result is empty and offers the closed calls', async () => {
    const res = await rank({ venue: 'China Communications', open_only: true });
    expect(res.results).toEqual([]);
    expect(res.filters.empty?.reason).toBe('No open call matches; 1 closed call does.');
    expect(res.filters.empty?.relax[0]).toEqual({ remove: ['open_only'], matches: 1, label: 'show the 1 closed call' });
  });

  it('names the filters when nothing matches, and how many each one hides', async () => {
    const res = await rank({ publisher: 'Elsevier', deadline_before: '2000-01-01' });
    expect(res.filters.empty?.reason).toBe('No call matches all the filters (publisher "Elsevier", deadline until 2000-01-01).');
    expect(res.filters.empty?.relax.map((r) => r.label)).toEqual(['clear all filters (3 calls)']);
    // A window alone: "any deadline" and "clear all filters" would show the same calls; only one is offered.
    const window = await rank({ deadline_after: '1990-01-01', deadline_before: '2000-01-01' });
    expect(window.filters.empty?.relax).toEqual([{ remove: ['deadline_after', 'deadline_before'], matches: 3, label: 'any deadline (3 calls)' }]);
  });

  it('rejects an inverted deadline window with a 400 naming both fields, for /v1/rank (JSON and form) and /v1/calls', async () => {
    const body = await expectError(await app.request('/v1/rank', jsonPost({ ...LAM_DRAFT, deadline_after: '2026-06-01', deadline_before: '2026-01-01' })), 400, 'VALIDATION');
    expect(body.error.message).toBe('deadline_after 2026-06-01 is later than deadline_before 2026-01-01: swap them or drop one');
    expect(body.error.fields?.map((f) => f.path)).toEqual(['deadline_after', 'deadline_before']);
    const fd = new FormData();
    fd.set('abstract', LAM_DRAFT.abstract);
    fd.set('deadline_after', '2026-06-01');
    fd.set('deadline_before', '2026-01-01');
    await expectError(await app.request('/v1/rank', { method: 'POST', body: fd }), 400, 'VALIDATION');
    const listed = await expectError(await app.request('/v1/calls?deadline_after=2026-06-01&deadline_before=2026-01-01'), 400, 'VALIDATION');
    expect(listed.error.fields?.map((f) => f.path)).toEqual(['deadline_after', 'deadline_before']);
    // The same day at both ends is a one-day window, not an inverted one.
    expect((await app.request('/v1/calls?deadline_after=2026-01-01&deadline_before=2026-01-01')).status).toBe(200);
  });

  it.each([
    [{ deadline_after: '2025-02-30' }, 'deadline_after'],
    [{ publisher: 42 }, 'publisher'],
    [{ open_only: 'yes' }, 'open_only'],
  ])('rejects bad filter %j with a 400 naming the field', async (input, path) => {
    const body = await expectError(await app.request('/v1/rank', jsonPost({ ...LAM_DRAFT, ...input })), 400, 'VALIDATION');
    expect(body.error.fields?.map((f) => f.path)).toContain(path);
  });
});

type CallList = { calls: Array<{ id: string; deadline: { state: string } }>; total: number; offset: number; limit: number; next_offset?: number; filters: FilterSummary };
const list = async (q: string) => (await (await app.request(`/v1/calls${q}`)).json()) as CallList;

describe('GET /v1/calls filters and paging', () => {
  it('lists every call with its deadline state (closed marked) by default', async () => {
    const res = await list('');
    expect(res.total).toBe(3);
    expect(res.calls.find((c) => c.id === 'china-comms-6g-edge-genai')?.deadline.state).toBe('closed');
    expect(res.next_offset).toBeUndefined();
  });

  it('pages with limit and offset in the asked order', async () => {
    const first = await list('?limit=2&sort=deadline');
    expect(first.calls).toHaveLength(2);
    expect(first.next_offset).toBe(2);
    const second = await list('?limit=2&offset=2&sort=deadline');
    expect(second.calls).toHaveLength(1);
    expect(new Set([...first.calls, ...second.calls].map((c) => c.id)).size).toBe(3);
  });

  it('filters like /v1/rank, from repeated query keys', async () => {
    const res = await list('?venue=IEEE+Network&venue=China+Communications&open_only=1');
    expect(res.calls.map((c) => c.id)).toEqual(['ieee-network-lam-ioe']);
    expect(res.filters.matched).toBe(1);
    const none = await list('?open_only=true&publisher=China+Institute+of+Communications+and+IEEE+ComSoc');
    expect(none.filters.empty?.reason).toMatch(/^No open call matches; 1 closed call does/);
  });

  it.each(['?limit=0', '?limit=501', '?offset=-1', '?sort=random', '?deadline_after=tomorrow', '?top_k=3'])('rejects %s with a 400', async (q) => {
    await expectError(await app.request(`/v1/calls${q}`), 400, 'VALIDATION');
  });
});
