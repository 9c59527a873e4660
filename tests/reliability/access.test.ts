/**
 * Access: admin token on mutating routes, per-client rate limiting, secure
 * headers that keep the app's own page working, CORS closed by default.
 */
import { describe, expect, it } from 'vitest';
import { parseRateLimit, rateLimit } from '../../src/http/rate-limit.js';
import { securityFromEnv } from '../../src/http/security.js';
import { Hono } from 'hono';
import { jsonPost, LAM_DRAFT, testApp } from '../http/helpers.js';
import { expectError } from './helpers.js';

const NEW_CALL = { id: 'acc-1', title: 'Access test call', scope: 'Edge computing for sensors.', topics: ['edge computing'] };

describe('mutating routes need the admin token', () => {
  const mutations: Array<[string, string, RequestInit]> = [
    ['POST /v1/calls', '/v1/calls', jsonPost(NEW_CALL)],
    ['DELETE /v1/calls/:id', '/v1/calls/acc-1', { method: 'DELETE' }],
  ];

  it.each(mutations)('%s without a token: 401 UNAUTHORIZED', async (_n, path, init) => {
    const { app } = await testApp({ adminToken: 'right-token' });
    await expectError(await app.request(path, init), 401, 'UNAUTHORIZED');
  });

  it.each(mutations)('%s with a wrong token: 403 FORBIDDEN', async (_n, path, init) => {
    const { app } = await testApp({ adminToken: 'right-token' });
    const headers = { ...(init.headers as Record<string, string> | undefined), authorization: 'Bearer right-tokeN' };
    await expectError(await app.request(path, { ...init, headers }), 403, 'FORBIDDEN');
  });

  it.each(mutations)('%s when no token is configured: 403 DISABLED, even with a token', async (_n, path, init) => {
    const { app } = await testApp();
    const headers = { ...(init.headers as Record<string, string> | undefined), authorization: 'Bearer anything' };
    await expectError(await app.request(path, { ...init, headers }), 403, 'DISABLED');
  });

  it('the right token adds and deletes a call; nothing changed on the refused attempts', async () => {
    const { app, matcher } = await testApp({ adminToken: 'right-token' });
    const before = matcher.listCalls().length;
    await app.request('/v1/calls', jsonPost(NEW_CALL, { authorization: 'Bearer wrong' }));
    expect(matcher.listCalls().length).toBe(before);
    expect((await app.request('/v1/calls', jsonPost(NEW_CALL, { authorization: 'Bearer right-token' }))).status).toBe(201);
    expect(matcher.listCalls().length).toBe(before + 1);
    const del = await app.request('/v1/calls/acc-1', { method: 'DELETE', headers: { authorization: 'Bearer right-token' } });
    expect(del.status).toBe(204);
    expect(matcher.listCalls().length).toBe(before);
  });
});

describe('rate limiting', () => {
  it('parses RATE_LIMIT', () => {
    expect(parseRateLimit(undefined)).toEqual({ perMinute: 60, burst: 30 });
    expect(parseRateLimit('off')).toBe(false);
    expect(parseRateLimit('120/min')).toEqual({ perMinute: 120, burst: 30 });
    expect(parseRateLimit('10/min')).toEqual({ perMinute: 10, burst: 10 });
    expect(parseRateLimit('600/min:100')).toEqual({ perMinute: 600, burst: 100 });
    for (const bad of ['fast', '-1/min', '10/hour', '10/min:0']) expect(() => parseRateLimit(bad)).toThrow(/RATE_LIMIT/);
  });

  it('answers 429 RATE_LIMITED with Retry-After after the burst, per client, and refills over time', async () => {
    let now = 0;
    const { app } = await testApp({
      security: { rateLimit: { perMinute: 60, burst: 3, key: (c) => c.req.header('x-client') ?? '?', now: () => now } },
    });
    const get = (client: string) => app.request('/v1/calls', { headers: { 'x-client': client } });
    for (let i = 0; i < 3; i++) expect((await get('a')).status).toBe(200);
    const limited = await get('a');
    await expectError(limited, 429, 'RATE_LIMITED');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    // Another client has its own bucket.
    expect((await get('b')).status).toBe(200);
    // One token per second at 60/min.
    now += 1_000;
    expect((await get('a')).status).toBe(200);
    expect((await get('a')).status).toBe(429);
    // Rank requests count too, and the 429 comes before the body is read.
    const rank = await app.request('/v1/rank', jsonPost(LAM_DRAFT, { 'x-client': 'a' }));
    expect(rank.status).toBe(429);
  });

  it('does not limit the page or /healthz', async () => {
    const { app } = await testApp({ security: { rateLimit: { perMinute: 1, burst: 1, key: () => 'same' } } });
    for (let i = 0; i < 5; i++) expect((await app.request('/healthz')).status).toBe(200);
  });

  it('forgets the least recently seen clients beyond maxClients', async () => {
    const app = new Hono();
    app.use('*', rateLimit({ perMinute: 1, burst: 1, maxClients: 2, key: (c) => c.req.header('x-client') ?? '?', now: () => 0 }));
    app.get('/', (c) => c.text('ok'));
    const get = (k: string) => app.request('/', { headers: { 'x-client': k } });
    expect((await get('a')).status).toBe(200);
    expect((await get('a')).status).toBe(429);
    await get('b');
    await get('c'); // evicts a
    expect((await get('a')).status).toBe(200);
  });

  it('securityFromEnv turns it off with RATE_LIMIT=off and reads CORS_ORIGINS', () => {
    expect(securityFromEnv({ RATE_LIMIT: 'off' }).rateLimit).toBe(false);
    expect(securityFromEnv({ CORS_ORIGINS: ' https://a.example, https://b.example ,' }).corsOrigins).toEqual(['https://a.example', 'https://b.example']);
    expect(securityFromEnv({}).corsOrigins).toEqual([]);
  });
});

describe('secure headers and CORS', () => {
  it('sets secure headers and a same-origin CSP on API responses, including errors', async () => {
    const { app } = await testApp();
    for (const res of [await app.request('/v1/calls'), await app.request('/v1/rank', jsonPost({}))]) {
      expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    }
  });

  it('keeps the page working: its CSP allows its own script and style and no inline script', async () => {
    const { app } = await testApp();
    const page = await app.request('/');
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    const html = await page.text();
    for (const src of html.match(/(?:src|href)="([^"]+)"/g) ?? []) {
      const url = /"([^"]+)"/.exec(src)?.[1] ?? '';
      if (url.startsWith('/assets/')) expect((await app.request(url)).status).toBe(200);
      else expect(url.startsWith('http')).toBe(false);
    }
    // The docs page keeps the inline style it needs.
    expect((await app.request('/docs')).headers.get('content-security-policy')).toContain("style-src 'unsafe-inline'");
  });

  it('sends no CORS headers by default', async () => {
    const { app } = await testApp();
    const res = await app.request('/v1/calls', { headers: { origin: 'https://evil.example' } });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const pre = await app.request('/v1/rank', { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    expect(pre.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('allows only the configured origins', async () => {
    const { app } = await testApp({ security: { corsOrigins: ['https://journal.example'] } });
    const ok = await app.request('/v1/calls', { headers: { origin: 'https://journal.example' } });
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://journal.example');
    const other = await app.request('/v1/calls', { headers: { origin: 'https://evil.example' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const pre = await app.request('/v1/rank', {
      method: 'OPTIONS',
      headers: { origin: 'https://journal.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-methods')).toContain('POST');
  });
});
