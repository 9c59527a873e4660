/**
 * Cost bounds (issue #21): what reaches the model per request is bounded, the rate limit charges
 * by size, a full embedding queue answers 503 with Retry-After, requests have a deadline, admin
 * writes stop when the server shuts down, and a failed ingest leaves nothing stored.
 */
import { DEFAULT_TRIAGE_CONCURRENCY } from '../../src/core/triage/triage.js';
import { describe, expect, it } from 'vitest';
import { boundEmbedder } from '../../src/adapters/node/select-embedder.js';
import { estimateTokens } from '../../src/core/embed/budget.js';
import { createFlatIndex } from '../../src/core/flat-index.js';
import { createMatcher } from '../../src/core/matcher.js';
import { createMemoryStore } from '../../src/core/memory-store.js';
import type { Embedder } from '../../src/core/ports.js';
import { createApp, type AppDeps } from '../../src/http/app.js';
import { createFakeEmbedder } from '../fixtures/fake-embedder.js';
import { bundledCalls, jsonPost, LAM_DRAFT, TODAY } from '../http/helpers.js';
import { expectError } from './helpers.js';

const prose = 'Graph neural networks forecast the load of power distribution grids from smart meter data, ';
/** The largest valid drafts: 1,000-character title, 20,000-character abstract, 50 x 200-character keywords. */
const WORST = {
  longSentence: { title: 't'.repeat(1_000), abstract: prose.repeat(300).slice(0, 20_000), keywords: Array.from({ length: 50 }, () => 'k'.repeat(200)) },
  shortSentences: { title: 't'.repeat(1_000), abstract: 'We go. '.repeat(2_857).slice(0, 20_000), keywords: Array.from({ length: 50 }, () => 'k'.repeat(200)) },
};

/** A fake model that records every batch and can be slowed down (`slow.ms`). */
function recordingModel(delayMs = 0) {
  const inner = createFakeEmbedder(64);
  const batches: string[][] = [];
  const slow = { ms: delayMs };
  const model: Embedder = {
    id: inner.id,
    dimensions: inner.dimensions,
    async embed(texts) {
      batches.push([...texts]);
      if (slow.ms) await new Promise((r) => setTimeout(r, slow.ms));
      return inner.embed(texts);
    },
  };
  return { model, batches, slow };
}

async function appWith(embedder: Embedder, deps: Partial<AppDeps> = {}) {
  const matcher = createMatcher({ embedder, index: createFlatIndex({ dimensions: 64 }), store: createMemoryStore(bundledCalls()), today: () => TODAY });
  await matcher.sync();
  return { app: createApp({ matcher, ...deps }), matcher };
}

describe('what a request may send the model', () => {
  it.each(Object.entries(WORST))('the worst valid draft (%s) reaches the model as a bounded number of bounded windows', async (_name, draft) => {
    const { model, batches } = recordingModel();
    const { app } = await appWith(boundEmbedder(model, { queue: { concurrency: 2 } }));
    batches.length = 0;
    const res = await app.request('/v1/rank', jsonPost(draft));
    expect(res.status).toBe(200);
    const texts = batches.flat();
    for (const t of texts) expect(estimateTokens(t)).toBeLessThanOrEqual(2_048);
    // #16's scored draft embeds in two calls: the draft's text as at most 8 windows thinned to the
    // call's budget (8,192), then, lazily, at most 32 evidence units that cover title and abstract once.
    expect(texts.length).toBeLessThanOrEqual(8 + 32);
    const total = texts.reduce((s, t) => s + estimateTokens(t), 0);
    expect(total).toBeLessThanOrEqual(8_192 + estimateTokens(`${draft.title} ${draft.abstract}`) + 64);
  });
});

describe('rate limit weighted by cost', () => {
  it('charges a request by its body size: one large draft uses the burst a normal one barely touches', async () => {
    let now = 0;
    const { app } = await appWith(createFakeEmbedder(64), { security: { rateLimit: { perMinute: 60, burst: 10, key: () => 'one', now: () => now } } });
    const big = JSON.stringify(WORST.longSentence);
    // 10 units: 2 normal drafts (1 each), then the 31 KB draft (8) still gets in; after it the bucket is empty.
    expect((await app.request('/v1/rank', jsonPost(LAM_DRAFT))).status).toBe(200);
    expect((await app.request('/v1/rank', jsonPost(LAM_DRAFT))).status).toBe(200);
    expect((await app.request('/v1/rank', { method: 'POST', headers: { 'content-type': 'application/json' }, body: big })).status).toBe(200);
    const limited = await app.request('/v1/rank', jsonPost(LAM_DRAFT));
    await expectError(limited, 429, 'RATE_LIMITED');
    // A large request puts the bucket in debt: the client waits in proportion (1 unit a second at 60/min).
    now += 1_000;
    expect((await app.request('/v1/rank', jsonPost(LAM_DRAFT))).status).toBe(200);
    expect((await app.request('/v1/rank', { method: 'POST', headers: { 'content-type': 'application/json' }, body: big })).status).toBe(429);
    now += 1_000;
    expect((await app.request('/v1/rank', { method: 'POST', headers: { 'content-type': 'application/json' }, body: big })).status).toBe(200);
    const after = await app.request('/v1/rank', jsonPost(LAM_DRAFT));
    expect(after.status).toBe(429);
    expect(Number(after.headers.get('retry-after'))).toBeGreaterThanOrEqual(7);
  });
});

describe('rate limit on form posts and uploads', () => {
  const limited = async () => {
    let now = 0;
    const { app } = await appWith(createFakeEmbedder(64), { security: { rateLimit: { perMinute: 60, burst: 10, key: () => 'one', now: () => now } } });
    return { app, tick: (ms: number) => (now += ms) };
  };
  const multipart = (fields: Record<string, string | File>): RequestInit => {
    const body = new FormData();
    for (const [k, v] of Object.entries(fields)) body.append(k, v);
    return { method: 'POST', body };
  };

  it('the editor page charges its pasted submissions by size, as /v1/triage does (a form post cost 1 unit whatever it carried)', async () => {
    const { app } = await limited();
    // ~72 KB of text: 18 units, more than the burst of 10.
    const submissions = Array.from({ length: 40 }, (_, i) => `Submission ${i}\n${prose.repeat(20)}`).join('\n---\n');
    expect(submissions.length).toBeGreaterThan(60_000);
    const res = await app.request('/editor', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ call_id: 'ieee-network-lam-ioe', submissions }).toString() });
    expect(res.status).toBe(200);
    await expectError(await app.request('/v1/rank', jsonPost(LAM_DRAFT)), 429, 'RATE_LIMITED');
  });

  it('a binary draft file is charged at most as one largest draft; a text file of submissions in full', async () => {
    const { app, tick } = await limited();
    const pdfLike = new File([new Uint8Array(2 * 1024 * 1024)], 'paper.pdf', { type: 'application/pdf' });
    // Not a readable PDF (415/422), but its bytes were read and charged: 8 units of the 10, not 512.
    expect((await app.request('/v1/rank', multipart({ file: pdfLike }))).status).toBeGreaterThanOrEqual(400);
    expect((await app.request('/v1/rank', jsonPost(LAM_DRAFT))).status).toBe(200);
    tick(60_000);
    const csv = new File([`id,title,abstract\n${Array.from({ length: 40 }, (_, i) => `s${i},T,"${prose.repeat(20)}"`).join('\n')}\n`], 'subs.csv', { type: 'text/csv' });
    expect((await app.request('/editor', multipart({ call_id: 'ieee-network-lam-ioe', file: csv }))).status).toBe(200);
    await expectError(await app.request('/v1/rank', jsonPost(LAM_DRAFT)), 429, 'RATE_LIMITED');
  });
});

describe('embedding queue and deadlines', () => {
  it('answers 503 OVERLOADED with Retry-After when the queue is full, and still serves a normal draft', async () => {
    const { model } = recordingModel(30);
    const { app } = await appWith(boundEmbedder(model, { queue: { concurrency: 1, maxQueuedTokens: 12_000 } }));
    // Four different worst drafts: identical ones would share one embedding in the draft cache (#19).
    const big = (i: number) => app.request('/v1/rank', jsonPost({ ...WORST.longSentence, abstract: `v${i} ${WORST.longSentence.abstract.slice(3)}` }));
    const results = await Promise.all([big(1), big(2), big(3), big(4), app.request('/v1/rank', jsonPost(LAM_DRAFT))]);
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 503).length).toBeGreaterThan(0);
    expect(statuses[4]).toBe(200);
    const refused = results.find((r) => r.status === 503) as Response;
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    await expectError(refused, 503, 'OVERLOADED');
  });

  it('a triage past its deadline is answered 503 DEADLINE_EXCEEDED and stops embedding', async () => {
    const { model, batches } = recordingModel(40);
    const { app, matcher } = await appWith(model, { requestTimeoutMs: 150 });
    const submissions = Array.from({ length: 40 }, (_, i) => ({ id: `s${i}`, title: `Submission ${i}`, abstract: `${LAM_DRAFT.abstract} Variant ${i}.` }));
    const t0 = Date.now();
    const res = await app.request('/v1/triage', jsonPost({ call_id: matcher.listCalls()[0]?.id, submissions }));
    await expectError(res, 503, 'DEADLINE_EXCEEDED');
    expect(Date.now() - t0).toBeLessThan(5_000);
    const seen = batches.length;
    await new Promise((r) => setTimeout(r, 400));
    // At most the submissions in flight finish (triage runs DEFAULT_TRIAGE_CONCURRENCY at once, #19): no new ones start.
    expect(batches.length - seen).toBeLessThanOrEqual(2 * DEFAULT_TRIAGE_CONCURRENCY);
    expect(batches.length).toBeLessThan(submissions.length);
  });

  it('rank past its deadline is answered 503 and its queued batches never start', async () => {
    const { model, batches, slow } = recordingModel();
    // The queue's clock stands still while the bundled calls are indexed, so a loaded machine cannot
    // fail that set-up against the 150 ms deadline; the rank below runs on the real clock.
    const clock = { live: false };
    const embedder = boundEmbedder(model, { queue: { concurrency: 1, deadlineMs: 150, now: () => (clock.live ? Date.now() : 0) } });
    const { app } = await appWith(embedder, { requestTimeoutMs: 150 });
    clock.live = true;
    slow.ms = 60;
    batches.length = 0;
    await expectError(await app.request('/v1/rank', jsonPost(WORST.shortSentences)), 503, 'DEADLINE_EXCEEDED');
    await new Promise((r) => setTimeout(r, 400));
    // The worst draft is about a dozen batches; the deadline stopped it after the few that fit in 150 ms.
    expect(batches.length).toBeLessThan(8);
  });
});

describe('admin writes and failures', () => {
  it('answers admin writes 503 SHUTTING_DOWN once the server stops accepting them; reads and ranking go on', async () => {
    let accepting = true;
    const { app } = await appWith(createFakeEmbedder(64), { adminToken: 't', acceptingAdmin: () => accepting });
    accepting = false;
    const auth = { authorization: 'Bearer t' };
    const post = await app.request('/v1/calls', jsonPost({ id: 'late', title: 'Late call', scope: 'x' }, auth));
    await expectError(post, 503, 'SHUTTING_DOWN');
    expect(post.headers.get('retry-after')).not.toBeNull();
    await expectError(await app.request('/v1/calls/late', { method: 'DELETE', headers: auth }), 503, 'SHUTTING_DOWN');
    await expectError(await app.request('/v1/calls/import', jsonPost({ url: 'https://example.org/cfp' }, auth)), 503, 'SHUTTING_DOWN');
    await expectError(await app.request('/v1/triage/feedback', jsonPost({ call_id: 'x', id: 's', verdict: 'in_scope' }, auth)), 503, 'SHUTTING_DOWN');
    await expectError(await app.request('/v1/triage/feedback/x/s', { method: 'DELETE', headers: auth }), 503, 'SHUTTING_DOWN');
    expect((await app.request('/v1/calls')).status).toBe(200);
    expect((await app.request('/v1/rank', jsonPost(LAM_DRAFT))).status).toBe(200);
  });

  it('a call whose indexing fails is answered with an error and is neither stored nor served; a re-ingest restores the old version', async () => {
    const inner = createFakeEmbedder(64);
    let broken = false;
    const embedder: Embedder = { id: inner.id, dimensions: 64, embed: (t) => (broken ? Promise.reject(new Error('model crashed')) : inner.embed(t)) };
    const store = createMemoryStore(bundledCalls());
    const matcher = createMatcher({ embedder, index: createFlatIndex({ dimensions: 64 }), store, today: () => TODAY });
    await matcher.sync();
    const app = createApp({ matcher, adminToken: 't' });
    const auth = { authorization: 'Bearer t' };
    const v1 = { id: 'fragile', title: 'Fragile call on ledgers', scope: 'Distributed ledgers.', topics: ['consensus'] };
    expect((await app.request('/v1/calls', jsonPost(v1, auth))).status).toBe(201);
    broken = true;
    const res = await app.request('/v1/calls', jsonPost({ ...v1, title: 'Fragile call v2', topics: ['new topic'] }, auth));
    expect(res.status).toBeGreaterThanOrEqual(500);
    expect((await store.get('fragile'))?.title).toBe('Fragile call on ledgers');
    broken = false;
    expect(matcher.getCall('fragile').title).toBe('Fragile call on ledgers');
    broken = true;
    expect((await app.request('/v1/calls', jsonPost({ ...v1, id: 'never' }, auth))).status).toBeGreaterThanOrEqual(500);
    expect(await store.get('never')).toBeUndefined();
    expect(() => matcher.getCall('never')).toThrow(/no call/);
  });
});
