/** POST /v1/calls with a web page: `{ html, url?, id? }`. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Call } from '../../src/core/schema.js';
import { expectError, jsonPost, testApp } from './helpers.js';

const TOKEN = 'test-admin-token';
const auth = { authorization: `Bearer ${TOKEN}` };
const page = (name: string) => readFileSync(new URL(`../fixtures/cfp/html/${name}`, import.meta.url), 'utf8');

describe('POST /v1/calls with HTML', () => {
  it('parses, stores and returns the call with where each field came from', async () => {
    const { app } = await testApp({ adminToken: TOKEN });
    const res = await app.request('/v1/calls', jsonPost({ html: page('structured.html'), url: 'https://journal.example.org/si/soil', id: 'soil-health' }, auth));
    expect(res.status).toBe(201);
    const call = (await res.json()) as Call;
    expect(call).toMatchObject({ id: 'soil-health', title: 'Soil Health and Food Security', dates: { submission_deadline: '2026-05-31' } });
    expect(call.topics).toHaveLength(3);
    expect(call.field_sources?.['title']?.from).toBe('meta');
    expect(JSON.stringify(call)).not.toContain('<script');
    const stored = (await (await app.request('/v1/calls/soil-health')).json()) as Call;
    expect(stored.title).toBe('Soil Health and Food Security');
  });

  it('a page with no call in it is 400 BAD_INPUT naming the problem', async () => {
    const { app } = await testApp({ adminToken: TOKEN });
    const body = await expectError(await app.request('/v1/calls', jsonPost({ html: page('journal-home.html') }, auth)), 400, 'BAD_INPUT');
    expect(body.error.message).toMatch(/does not look like a call for papers/);
    const notFound = await expectError(await app.request('/v1/calls', jsonPost({ html: page('not-found.html') }, auth)), 400, 'BAD_INPUT');
    expect(notFound.error.message).toMatch(/error or login page/);
  });

  it('plain text sent as html, a bad url and an empty html are 400 with the failing field', async () => {
    const { app } = await testApp({ adminToken: TOKEN });
    await expectError(await app.request('/v1/calls', jsonPost({ html: 'just words, no tags at all' }, auth)), 400, 'BAD_INPUT');
    const badUrl = await expectError(await app.request('/v1/calls', jsonPost({ html: '<p>x</p>', url: 'not a url' }, auth)), 400, 'VALIDATION');
    expect(badUrl.error.fields?.[0]?.path).toBe('url');
    const empty = await expectError(await app.request('/v1/calls', jsonPost({ html: '' }, auth)), 400, 'VALIDATION');
    expect(empty.error.fields?.[0]?.path).toBe('html');
  });

  it('text and html together, or a misspelled key, are 400 naming the fields; llm: false is still taken', async () => {
    const { app } = await testApp({ adminToken: TOKEN });
    const both = await expectError(await app.request('/v1/calls', jsonPost({ text: 'Call for papers', html: page('structured.html') }, auth)), 400, 'VALIDATION');
    expect(both.error.fields?.map((f) => f.path)).toEqual(['text', 'html']);
    expect(both.error.message).toBe('give either text (raw CFP text) or html (a web page), not both');
    const typo = await expectError(await app.request('/v1/calls', jsonPost({ html: page('structured.html'), URL: 'https://journal.example.org/si/soil', Id: 'soil' }, auth)), 400, 'VALIDATION');
    expect(typo.error.fields).toEqual([{ path: 'URL', message: 'unknown field "URL"' }, { path: 'Id', message: 'unknown field "Id"' }]);
    const text = await expectError(await app.request('/v1/calls', jsonPost({ text: page('structured.html'), Id: 'soil' }, auth)), 400, 'VALIDATION');
    expect(text.error.message).toBe('invalid CFP: Id: unknown field "Id"');
    expect((await app.request('/v1/calls', jsonPost({ html: page('structured.html'), id: 'soil-health', llm: false }, auth))).status).toBe(201);
  });

  it('is an admin route like the text form', async () => {
    const { app } = await testApp({ adminToken: TOKEN });
    await expectError(await app.request('/v1/calls', jsonPost({ html: page('structured.html') })), 401, 'UNAUTHORIZED');
  });
});
