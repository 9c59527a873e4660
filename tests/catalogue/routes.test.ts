/**
 * POST /v1/calls/import (admin) and the Atom feeds, on the app with a test matcher and the server's
 * catalogue service fetching from the local fixture site.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { createHttpFetcher } from '../../src/adapters/node/http-fetcher.js';
import { createCatalogueService } from '../../src/core/catalogue/service.js';
import { emptyState, type CatalogueState } from '../../src/core/catalogue/types.js';
import { expectError, jsonPost, LAM_DRAFT, testApp } from '../http/helpers.js';
import { REAL_PAGES, realPage, startFixtureSite, type FixtureSite } from '../fixtures/catalogue/site.js';

const TOKEN = 'secret-token';
const auth = { authorization: `Bearer ${TOKEN}` };
let site: FixtureSite;
beforeAll(async () => (site = await startFixtureSite()));
afterAll(async () => site.close());

async function appWithCatalogue(allowPrivate = true) {
  const fetcher = createHttpFetcher({ allowPrivate, hostDelayMs: 0, retries: 0, timeoutMs: 2_000 });
  let state: CatalogueState = emptyState();
  let changes = 0;
  const box: { matcher?: Awaited<ReturnType<typeof testApp>>['matcher'] } = {};
  const catalogue = createCatalogueService({
    fetcher,
    calls: () => box.matcher?.listCalls() ?? [],
    ingest: (c) => (box.matcher as NonNullable<typeof box.matcher>).ingest(c),
    loadState: async () => state,
    saveState: async (s) => void (state = s),
    onChange: () => void changes++,
  });
  const t = await testApp({ adminToken: TOKEN, catalogue });
  box.matcher = t.matcher;
  return { ...t, changes: () => changes, dispose: () => fetcher.dispose() };
}

const atom = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'entry' || name === 'link' });
type Entry = { title: string; id: string; summary: string; link: Array<{ '@_href': string; '@_rel': string }> };
const entries = (xml: string): Entry[] => (atom.parse(xml) as { feed: { entry?: Entry[] } }).feed.entry ?? [];

describe('POST /v1/calls/import', () => {
  it('imports a page by URL, indexes it at once, and answers the report (201)', async () => {
    const t = await appWithCatalogue();
    const res = await t.app.request('/v1/calls/import', jsonPost({ url: `${site.url}/si/${REAL_PAGES[2]}`, source_name: 'fixture' }, auth));
    expect(res.status).toBe(201);
    const body = (await res.json()) as { written: number; report: { kind: string; added: string[] } };
    expect(body).toMatchObject({ written: 1, report: { kind: 'page' } });
    const id = body.report.added[0] ?? '';
    expect(t.matcher.getCall(id).sources?.[0]).toMatchObject({ url: `${site.url}/si/${REAL_PAGES[2]}`, name: 'fixture' });
    expect(t.changes()).toBe(1);
    const again = await t.app.request('/v1/calls/import', jsonPost({ url: `${site.url}/si/${REAL_PAGES[2]}` }, auth));
    expect(again.status).toBe(200);
    expect(((await again.json()) as { report: { not_modified: number } }).report.not_modified).toBe(1);
    await t.dispose();
  });

  it('imports posted content without fetching, and plans without writing on dry_run', async () => {
    const t = await appWithCatalogue();
    const dry = await t.app.request('/v1/calls/import', jsonPost({ content: realPage(REAL_PAGES[3]), content_type: 'text/html', dry_run: true }, auth));
    expect(dry.status).toBe(200);
    const body = (await dry.json()) as { dry_run: boolean; written: number; report: { added: string[] } };
    expect(body).toMatchObject({ dry_run: true, written: 0 });
    expect(body.report.added).toHaveLength(1);
    expect(() => t.matcher.getCall(body.report.added[0] ?? '')).toThrow();
    await t.dispose();
  });

  it('answers bad input with 400 and the failing field, and the error body for refused and failed fetches', async () => {
    const t = await appWithCatalogue();
    const bad = await expectError(await t.app.request('/v1/calls/import', jsonPost({ url: 'not a url' }, auth)), 400, 'VALIDATION');
    expect(bad.error.fields?.[0]?.path).toBe('url');
    await expectError(await t.app.request('/v1/calls/import', jsonPost({}, auth)), 400, 'VALIDATION');
    await expectError(await t.app.request('/v1/calls/import', jsonPost({ url: `${site.url}/loop/a` }, auth)), 502, 'FETCH_FAILED');
    await expectError(await t.app.request('/v1/calls/import', jsonPost({ url: `${site.url}/private/secret` }, auth)), 403, 'FETCH_REFUSED');
    await expectError(await t.app.request('/v1/calls/import', jsonPost({ url: `${site.url}/calls` })), 401, 'UNAUTHORIZED');
    // A first import of a URL that answers 404 fails naming it, instead of "0 added" and 200.
    const gone = await expectError(await t.app.request('/v1/calls/import', jsonPost({ url: `${site.url}/si/no-such-call` }, auth)), 502, 'FETCH_FAILED');
    expect(gone.error.message).toBe(`${site.url}/si/no-such-call: answered HTTP 404; nothing to import (check the URL or path)`);
    await t.dispose();
    const strict = await appWithCatalogue(false);
    const refused = await expectError(await strict.app.request('/v1/calls/import', jsonPost({ url: `${site.url}/calls` }, auth)), 403, 'FETCH_REFUSED');
    expect(refused.error.message).toMatch(/private, loopback or link-local/);
    await strict.dispose();
    const { app } = await testApp({ adminToken: TOKEN });
    await expectError(await app.request('/v1/calls/import', jsonPost({ url: `${site.url}/calls` }, auth)), 403, 'DISABLED');
  });
});

describe('Atom feeds', () => {
  it('lists calls newest-changed first, filtered by publisher', async () => {
    const t = await appWithCatalogue();
    await t.app.request('/v1/calls/import', jsonPost({ url: `${site.url}/si/${REAL_PAGES[0]}` }, auth));
    const res = await t.app.request('/feeds/calls.xml');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/atom\+xml/);
    const all = entries(await res.text());
    expect(all.length).toBe(4);
    expect(all[0]?.title).toBe(t.matcher.listCalls().find((c) => c.sources)?.title);
    expect(all[0]?.link.find((l) => l['@_rel'] === 'via')?.['@_href']).toBe(`${site.url}/si/${REAL_PAGES[0]}`);
    const ieee = entries(await (await t.app.request('/feeds/calls.xml?publisher=ieee')).text());
    expect(ieee.length).toBe(3);
    expect(ieee.every((e) => e.summary.includes('IEEE'))).toBe(true);
    await expectError(await t.app.request('/feeds/calls.xml?limit=0'), 400, 'VALIDATION');
    await t.dispose();
  });

  it('serves a saved query as a feed of the calls that fit it', async () => {
    const { app } = await testApp();
    const q = encodeURIComponent(LAM_DRAFT.keywords.join(', ') + ' ' + LAM_DRAFT.title);
    const res = await app.request(`/v1/feeds/match.xml?q=${q}&min_fit=0&open_only=0`);
    expect(res.status).toBe(200);
    const got = entries(await res.text());
    expect(got[0]?.title).toBe('Large AI Models for the Internet of Everything');
    expect(got[0]?.summary).toMatch(/Fit \d/);
    await expectError(await app.request('/v1/feeds/match.xml?q=x'), 400, 'VALIDATION');
  });
});
