import type { Hono } from 'hono';
import { beforeAll, describe, expect, it } from 'vitest';
import { openApiPath } from '../../src/http/openapi.js';
import { PAGE_PATHS } from '../../src/web/routes.js';
import { jsonPost, testApp } from './helpers.js';

type Schema = { type?: string; properties?: Record<string, Schema>; required?: string[]; additionalProperties?: boolean; minimum?: number; maximum?: number; maxItems?: number; pattern?: string };
type Spec = { openapi: string; paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: Schema }> } }>> };

describe('GET /openapi.json', () => {
  let app: Hono;
  let spec: Spec;
  beforeAll(async () => {
    ({ app } = await testApp());
    spec = (await (await app.request('/openapi.json')).json()) as Spec;
  });

  it('documents every route the app serves (pages aside)', () => {
    expect(spec.openapi).toBe('3.1.0');
    const pages = new Set<string>(PAGE_PATHS);
    const served = app.routes
      .filter((r) => r.method !== 'ALL' && !pages.has(r.path))
      .map((r) => `${r.method.toLowerCase()} ${openApiPath(r.path)}`);
    expect(served.length).toBeGreaterThanOrEqual(8);
    for (const route of served) {
      const [method = '', path = ''] = route.split(' ');
      expect(spec.paths[path]?.[method], `${route} is missing from the spec`).toBeDefined();
    }
  });

  it('lists nothing the app does not serve', async () => {
    for (const [path, methods] of Object.entries(spec.paths)) {
      for (const method of Object.keys(methods)) {
        const concrete = path.replace(/\{[^}]+\}/g, 'ieee-network-lam-ioe');
        const res = await app.request(concrete, method === 'get' ? {} : { method: method.toUpperCase() });
        const body = res.headers.get('content-type')?.includes('json') ? ((await res.json()) as { error?: { code: string } }) : {};
        expect(body.error?.code, `${method} ${path}`).not.toBe('NOT_FOUND');
      }
    }
  });

  it('the /v1/rank request schema rejects what the route rejects (spot checks)', async () => {
    const schema = spec.paths['/v1/rank']?.post?.requestBody?.content['application/json']?.schema;
    expect(schema?.required).toEqual(['abstract']);
    expect(schema?.additionalProperties).toBe(false);
    expect(schema?.properties?.top_k).toMatchObject({ type: 'integer', minimum: 1, maximum: 100 });
    expect(schema?.properties?.keywords).toMatchObject({ type: 'array', maxItems: 50 });
    expect(schema?.properties?.as_of?.pattern).toBeDefined();
    // The route agrees with each constraint the schema states.
    const cases: Array<[unknown, boolean]> = [
      [{ title: 'x' }, false],
      [{ abstract: 'a b c', extra: 1 }, false],
      [{ abstract: 'a b c', top_k: 101 }, false],
      [{ abstract: 'a b c', keywords: Array.from({ length: 51 }, (_, i) => `k${i}`) }, false],
      [{ abstract: 'a b c', as_of: '1 May 2025' }, false],
      [{ abstract: 'a b c', top_k: 100, as_of: '2025-05-01' }, true],
    ];
    for (const [input, ok] of cases) {
      const res = await app.request('/v1/rank', jsonPost(input));
      expect(res.status, JSON.stringify(input)).toBe(ok ? 200 : 400);
    }
    expect(new RegExp(schema?.properties?.as_of?.pattern ?? '^$').test('1 May 2025')).toBe(false);
  });

  it('POST /v1/calls accepts the four input shapes (text, saved web page, evaluation format, Call)', () => {
    const schema = spec.paths['/v1/calls']?.post?.requestBody?.content['application/json']?.schema as { anyOf?: Schema[] } | undefined;
    expect(schema?.anyOf?.map((s) => s.required)).toEqual([['text'], ['html'], ['id'], ['id', 'title']]);
    expect(Object.keys(schema?.anyOf?.[0]?.properties ?? {})).toEqual(['text', 'id', 'llm']);
    expect(Object.keys(schema?.anyOf?.[1]?.properties ?? {})).toEqual(['html', 'url', 'id']);
  });
});

describe('GET /docs', () => {
  it('renders every operation as HTML with no external assets', async () => {
    const { app } = await testApp();
    const res = await app.request('/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    for (const p of ['/v1/rank', '/v1/calls/{id}', '/healthz']) expect(html).toContain(`<code>${p}</code>`);
    expect(html).not.toMatch(/(src|href)="https?:/);
  });
});
