/**
 * End-to-end `POST /v1/rank` under concurrent load: the real Hono app on
 * 127.0.0.1 (random port) over a synthetic corpus, driven by autocannon for a
 * bounded time. Drafts are embedded by the synthetic embedder, so this
 * measures the service path (HTTP, validation, ranking), not a model.
 */
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createHnswIndex } from '../adapters/node/hnsw-index.js';
import { isWholeCallPassage } from '../core/corpus/passage-id.js';
import { cacheVectors } from '../adapters/node/vector-cache.js';
import { createMatcher } from '../core/matcher.js';
import { createMemoryStore } from '../core/memory-store.js';
import { createApp } from '../http/app.js';
import type { HnswParams } from './rank-run.js';
import { createSyntheticEmbedder, syntheticCalls, syntheticDraft } from './synthetic-calls.js';
import { createWorld } from './synthetic-world.js';

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p90: number; p99: number; max: number; average: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  duration: number;
}
type Autocannon = (opts: Record<string, unknown>) => Promise<AutocannonResult>;

export interface HttpResult {
  calls: number;
  connections: number;
  seconds: number;
  requests: number;
  perSec: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  errors: number;
  timeouts: number;
  non2xx: number;
}

/**
 * @example
 * const r = await benchHttp({ size: 10_000, seconds: 10, connections: 8, dims: 512, seed: 7, hnsw });
 */
export async function benchHttp(o: { size: number; seconds: number; connections: number; dims: number; seed: number; hnsw: HnswParams }): Promise<HttpResult> {
  const world = createWorld({ seed: o.seed, dims: o.dims });
  const index = cacheVectors(await createHnswIndex({ dimensions: o.dims, ...o.hnsw, initialCapacity: o.size * 12 }), undefined, { keep: isWholeCallPassage });
  const matcher = createMatcher({ embedder: createSyntheticEmbedder(world), index, store: createMemoryStore(syntheticCalls(world, o.size)) });
  console.error(`[bench] http: indexing ${o.size} calls`);
  await matcher.sync();
  const app = createApp({ matcher });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
  });
  try {
    const { port } = server.address() as AddressInfo;
    const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;
    const requests = Array.from({ length: 32 }, (_, i) => ({
      method: 'POST',
      path: '/v1/rank',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...syntheticDraft(world, 200_000 + i), top_k: 10 }),
    }));
    console.error(`[bench] http: ${o.connections} connections for ${o.seconds}s`);
    const r = await autocannon({ url: `http://127.0.0.1:${port}`, connections: o.connections, duration: o.seconds, requests, timeout: 30 });
    return {
      calls: o.size,
      connections: o.connections,
      seconds: o.seconds,
      requests: r.requests.total,
      perSec: Math.round(r.requests.average * 10) / 10,
      p50: r.latency.p50,
      p90: r.latency.p90,
      p99: r.latency.p99,
      max: r.latency.max,
      errors: r.errors,
      timeouts: r.timeouts,
      non2xx: r.non2xx,
    };
  } finally {
    await new Promise((resolve) => server.close(resolve));
    await index.dispose();
  }
}
