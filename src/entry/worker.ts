/**
 * Composition root for Cloudflare Workers: the same Hono app as the Node
 * server, with Workers AI embeddings, passages in Vectorize and calls in D1.
 * Bindings are declared in wrangler.toml; see docs/workers.md. Binding types
 * are imported from @cloudflare/workers-types (not its globals) so this file
 * type-checks with the rest of src under the DOM lib.
 */
import type { Ai, D1Database, Vectorize } from '@cloudflare/workers-types';
import type { Hono } from 'hono';
import { createD1FeedbackStore } from '../adapters/workers/d1-feedback-store.js';
import { workerReference } from '../adapters/workers/reference.js';
import { createWorkerRuntime, type WorkerRuntime } from '../adapters/workers/worker-runtime.js';
import type { Logger } from '../core/log.js';
import type { Matcher } from '../core/matcher.js';
import { createService, type ServiceEnv } from './service.js';

/** Bindings (wrangler.toml) plus the settings the service reads on both runtimes (ServiceEnv: ADMIN_TOKEN, RATE_LIMIT, CORS_ORIGINS, LLM_*). */
export interface Env extends ServiceEnv {
  AI: Ai;
  VECTORIZE: Vectorize;
  DB: D1Database;
  /** `silent` turns the JSON log lines off. */
  LOG_LEVEL?: string;
  /** Milliseconds between checks of the D1 version key (default 2000). */
  VERSION_RECHECK_MS?: string;
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
      reference: workerReference(),
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
      // The same service as Node's (entry/service.ts), LLM explainer included when LLM_BASE_URL and
      // LLM_MODEL are set. Rate limits are per isolate (in memory), keyed by the cf-connecting-ip header.
      const hono = createService(matcher, env, { log: (e, f) => logger(e, f), onChange: () => rt.invalidate(), feedback: createD1FeedbackStore({ db: env.DB }) });
      app = { matcher, token: env.ADMIN_TOKEN, hono };
    }
    return app.hono.fetch(request);
  },
};
