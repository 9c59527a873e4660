/**
 * Composition root for Cloudflare Workers: the same Hono app as the Node
 * server, with Workers AI embeddings, passages in Vectorize and calls in D1.
 * Bindings are declared in wrangler.toml; see docs/workers.md. Binding types
 * are imported from @cloudflare/workers-types (not its globals) so this file
 * type-checks with the rest of src under the DOM lib.
 */
import type { Ai, D1Database, Vectorize } from '@cloudflare/workers-types';
import type { Hono } from 'hono';
import { createWorkerRuntime, type WorkerRuntime } from '../adapters/workers/worker-runtime.js';
import type { Logger } from '../core/log.js';
import type { Matcher } from '../core/matcher.js';
import { createApp } from '../http/app.js';
import { securityFromEnv } from '../http/security.js';

export interface Env {
  AI: Ai;
  VECTORIZE: Vectorize;
  DB: D1Database;
  /** Secret (`wrangler secret put ADMIN_TOKEN`); without it POST/DELETE /v1/calls answer 403. */
  ADMIN_TOKEN?: string;
  /** `silent` turns the JSON log lines off. */
  LOG_LEVEL?: string;
  /** Milliseconds between checks of the D1 version key (default 2000). */
  VERSION_RECHECK_MS?: string;
  /** `off`, `<n>/min` or `<n>/min:<burst>` per client (keyed by cf-connecting-ip); default 60/min, burst 30. */
  RATE_LIMIT?: string;
  /** Comma-separated origins allowed by CORS; closed when unset. */
  CORS_ORIGINS?: string;
  /** Lowest topic/sentence cosine listed as a matched topic (default 0.45, set for USE-lite; tune for bge-small). */
  TOPIC_THRESHOLD?: string;
}

// One JSON line per event; Workers Logs / `wrangler tail` collect console output.
const log: Logger = (event, fields = {}) => {
  console.log(JSON.stringify({ event, ...fields }));
};
const quiet: Logger = () => {};

let logger: Logger = log;
let runtime: WorkerRuntime | undefined;
let app: { matcher: Matcher; token: string | undefined; hono: Hono } | undefined;

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    logger = env.LOG_LEVEL === 'silent' ? quiet : log;
    // Created on the first request: its options come from env, which module scope cannot see.
    runtime ??= createWorkerRuntime({
      log: (e, f) => logger(e, f),
      ...(env.VERSION_RECHECK_MS ? { recheckMs: Number(env.VERSION_RECHECK_MS) } : {}),
      ...(env.TOPIC_THRESHOLD ? { params: { topicThreshold: Number(env.TOPIC_THRESHOLD) } } : {}),
    });
    const rt = runtime;
    const matcher = await runtime.matcher({
      // Workers AI's `run` is typed per model; the adapter only needs text in, `{ shape, data }` out.
      ai: { run: (model, inputs) => env.AI.run(model as '@cf/baai/bge-small-en-v1.5', inputs) },
      vectorize: env.VECTORIZE,
      db: env.DB,
    });
    if (app?.matcher !== matcher || app.token !== env.ADMIN_TOKEN) {
      const hono = createApp({
        matcher,
        log: (e, f) => logger(e, f),
        ...(env.ADMIN_TOKEN ? { adminToken: env.ADMIN_TOKEN } : {}),
        onChange: () => rt.invalidate(),
        // Rate limits are per isolate (in memory); the default client key is the cf-connecting-ip header.
        security: securityFromEnv({ RATE_LIMIT: env.RATE_LIMIT, CORS_ORIGINS: env.CORS_ORIGINS }),
      });
      app = { matcher, token: env.ADMIN_TOKEN, hono };
    }
    return app.hono.fetch(request);
  },
};
