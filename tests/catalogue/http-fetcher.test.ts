/**
 * The polite HTTP fetcher against the local fixture site (127.0.0.1): conditional GET, gzip,
 * redirect loops, timeouts, size caps, robots.txt, content types, retries, private addresses.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpFetcher } from '../../src/adapters/node/http-fetcher.js';
import { REAL_PAGES, startFixtureSite, type FixtureSite } from '../fixtures/catalogue/site.js';

let site: FixtureSite;
beforeAll(async () => (site = await startFixtureSite()));
afterAll(async () => site.close());

const fetcher = (opts: Parameters<typeof createHttpFetcher>[0] = {}) => createHttpFetcher({ allowPrivate: true, hostDelayMs: 0, backoffMs: 10, timeoutMs: 1_000, ...opts });

describe('the HTTP fetcher', () => {
  it('fetches a gzipped page with its validators, then answers 304 for them', async () => {
    const f = fetcher();
    const url = `${site.url}/si/${REAL_PAGES[0]}`;
    const first = await f.fetch(url);
    expect(first.status).toBe('ok');
    if (first.status !== 'ok') return;
    expect(new TextDecoder().decode(first.doc.body)).toContain('Groundwater Vulnerability');
    expect(first.doc.etag).toMatch(/^"[0-9a-f]+"$/);
    expect(first.doc.lastModified).toBe('Mon, 30 Nov 2026 00:00:00 GMT');
    expect(await f.fetch(url, { etag: first.doc.etag })).toEqual({ status: 'not_modified' });
    await f.dispose();
  });

  it('reports a 404 as gone, refuses robots-disallowed paths and non-document content types', async () => {
    const f = fetcher();
    expect(await f.fetch(`${site.url}/si/missing`)).toEqual({ status: 'gone', httpStatus: 404 });
    await expect(f.fetch(`${site.url}/private/secret`)).rejects.toMatchObject({ code: 'FETCH_REFUSED', message: expect.stringContaining('robots.txt') });
    expect(site.hits.get('/private/secret')).toBeUndefined();
    await expect(f.fetch(`${site.url}/image.png`)).rejects.toMatchObject({ code: 'BAD_INPUT', message: expect.stringContaining('image/png') });
    await f.dispose();
  });

  it('stops a redirect loop, a slow server and a 20 MB page', async () => {
    const f = fetcher({ maxBytes: 2 * 1024 * 1024, retries: 0, timeoutMs: 500 });
    await expect(f.fetch(`${site.url}/loop/a`)).rejects.toMatchObject({ code: 'FETCH_FAILED', message: expect.stringContaining('redirect loop') });
    await expect(f.fetch(`${site.url}/slow`)).rejects.toMatchObject({ code: 'FETCH_FAILED', message: expect.stringContaining('within 500 ms') });
    // A generous deadline here: the size cap, not the clock, must stop the 20 MB page.
    const big = fetcher({ maxBytes: 2 * 1024 * 1024, retries: 0, timeoutMs: 30_000 });
    await expect(big.fetch(`${site.url}/huge`)).rejects.toMatchObject({ code: 'TOO_LARGE' });
    await Promise.all([f.dispose(), big.dispose()]);
  });

  it('retries a 503 with backoff and retries a timeout only as often as allowed', async () => {
    const f = fetcher({ retries: 2 });
    const r = await f.fetch(`${site.url}/flaky`);
    expect(r.status).toBe('ok');
    expect(site.hits.get('/flaky')).toBe(2);
    const before = site.hits.get('/slow') ?? 0;
    const g = fetcher({ retries: 1, timeoutMs: 200 });
    await expect(g.fetch(`${site.url}/slow`)).rejects.toMatchObject({ code: 'FETCH_FAILED' });
    expect((site.hits.get('/slow') ?? 0) - before).toBe(2);
    await Promise.all([f.dispose(), g.dispose()]);
  });

  it('refuses loopback and private addresses unless allowed, by name and by address', async () => {
    const f = createHttpFetcher({ hostDelayMs: 0, robots: false, retries: 0 });
    await expect(f.fetch(`${site.url}/si/${REAL_PAGES[0]}`)).rejects.toMatchObject({ code: 'FETCH_REFUSED', message: expect.stringContaining('private') });
    const port = new URL(site.url).port;
    await expect(f.fetch(`http://localhost:${port}/calls`)).rejects.toMatchObject({ code: 'FETCH_REFUSED' });
    await expect(f.fetch('http://169.254.169.254/latest/meta-data/')).rejects.toMatchObject({ code: 'FETCH_REFUSED' });
    await expect(f.fetch('file:///etc/passwd')).rejects.toMatchObject({ code: 'FETCH_REFUSED' });
    await f.dispose();
  });

  it('waits between two requests to one host, and backs off before a retry', async () => {
    const waits: number[] = [];
    const f = fetcher({ hostDelayMs: 60_000, backoffMs: 500, sleep: async (ms) => void waits.push(ms) });
    await f.fetch(`${site.url}/calls`);
    await f.fetch(`${site.url}/calls`);
    // robots.txt, then two pages: the second and third requests each wait for the host's slot.
    expect(waits).toHaveLength(2);
    expect(waits.every((ms) => ms > 59_000 && ms <= 120_000)).toBe(true);
    await f.dispose();
  });
});
