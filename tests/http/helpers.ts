/**
 * A matcher and app over the three bundled calls with the fake hashed
 * bag-of-words embedder: fast, deterministic, no model.
 */
import { expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { callFromInput } from '../../src/core/call-input.js';
import { createFlatIndex } from '../../src/core/flat-index.js';
import { createMatcher, type Matcher, type MatcherDeps } from '../../src/core/matcher.js';
import { createMemoryStore } from '../../src/core/memory-store.js';
import type { Call } from '../../src/core/schema.js';
import { createApp, type AppDeps } from '../../src/http/app.js';
import { BUNDLED_IDS } from '../fixtures/cfp/load.js';
import { createFakeEmbedder, FAKE_TOPIC_THRESHOLD } from '../fixtures/fake-embedder.js';

export const CALLS_DIR = join(import.meta.dirname, '../../data/calls');
/** Fixed "today": the China Communications call is closed, the two IEEE calls are open. */
export const TODAY = '2025-01-10';

export function bundledCalls(): Call[] {
  // The three seeds only: data/calls also holds the starter catalogue (hundreds of calls).
  return readdirSync(CALLS_DIR)
    .filter((n) => n.endsWith('.json') && (BUNDLED_IDS as readonly string[]).includes(n.slice(0, -5)))
    .sort()
    .map((n) => callFromInput(JSON.parse(readFileSync(join(CALLS_DIR, n), 'utf8')) as unknown));
}

/** `deps` replace the defaults (e.g. an embedder the test inspects, `draftCache`). */
export async function testMatcher(deps: Partial<MatcherDeps> = {}): Promise<Matcher> {
  const matcher = createMatcher({
    embedder: createFakeEmbedder(64),
    index: createFlatIndex({ dimensions: 64 }),
    store: createMemoryStore(bundledCalls()),
    today: () => TODAY,
    params: { topicThreshold: FAKE_TOPIC_THRESHOLD },
    ...deps,
  });
  await matcher.sync();
  return matcher;
}

export async function testApp(opts: Partial<Omit<AppDeps, 'matcher'>> = {}): Promise<{ app: Hono; matcher: Matcher }> {
  const matcher = await testMatcher();
  return { app: createApp({ matcher, ...opts }), matcher };
}

/** A draft clearly about large AI models for IoT networks. */
export const LAM_DRAFT = {
  title: 'Large language models for resource scheduling in the Internet of Everything',
  abstract:
    'We study how large AI models can schedule resources across heterogeneous Internet of Everything devices. ' +
    'Our method compresses a large language model so that it runs at the network edge. ' +
    'Experiments on a testbed show lower latency and energy use than distributed baselines.',
  keywords: ['large AI models', 'Internet of Everything', 'edge computing'],
};

export function jsonPost(body: unknown, headers: Record<string, string> = {}): RequestInit {
  return { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) };
}

export type ErrorBody = { error: { code: string; message: string; fields?: Array<{ path: string; message: string }> } };

/** Assert the status and the error body shape every route shares: `{ error: { code, message, fields? } }` and nothing else. */
export async function expectError(res: Response, status: number, code: string): Promise<ErrorBody> {
  expect(res.status).toBe(status);
  const body = (await res.json()) as ErrorBody;
  expect(body.error.code).toBe(code);
  expect(typeof body.error.message).toBe('string');
  expect(Object.keys(body)).toEqual(['error']);
  return body;
}
