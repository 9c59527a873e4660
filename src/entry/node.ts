/**
 * Composition root for Node: `npm start` serves the API on 127.0.0.1:8787
 * (HOST, PORT, DATA_DIR, EMBEDDER, ADMIN_TOKEN, RATE_LIMIT, CORS_ORIGINS, SHUTDOWN_TIMEOUT_MS override) with the bundled calls.
 * The LLM explainer is on only when LLM_BASE_URL and LLM_MODEL are set (LLM_API_KEY, LLM_TIMEOUT_MS optional).
 */
import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { explainerFromEnv } from '../core/explain/from-env.js';
import { createApp } from '../http/app.js';
import { securityFromEnv } from '../http/security.js';
import { createNodeCatalogue } from '../adapters/node/node-catalogue.js';
import { createNodeRuntime, envOptions } from './node-runtime.js';
import { jsonLogger } from './json-logger.js';

const log = jsonLogger();
const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 8787);
const drainMs = Number(process.env.SHUTDOWN_TIMEOUT_MS ?? 30_000);

const runtimeOptions = envOptions();
const runtime = await createNodeRuntime({ ...runtimeOptions, log });
// POST /v1/calls/import and the REFRESH_EVERY schedule (docs/catalogue.md).
const catalogue = createNodeCatalogue({ dataDir: runtimeOptions.dataDir ?? 'data', matcher: runtime.matcher, log, env: process.env, onChange: () => void runtime.persist() });
const explainer = explainerFromEnv(process.env, log);
// Whether the LLM is on and which model; never the key.
log('llm.config', { enabled: explainer !== undefined, model: explainer?.modelName });
const app = createApp({
  matcher: runtime.matcher,
  log,
  ...(process.env.ADMIN_TOKEN ? { adminToken: process.env.ADMIN_TOKEN } : {}),
  onChange: () => void runtime.persist(),
  ...(explainer ? { explainer } : {}),
  // RATE_LIMIT (default 60/min, burst 30) per socket address; CORS_ORIGINS (default: none).
  security: securityFromEnv(process.env, (c) => getConnInfo(c).remote.address ?? 'unknown'),
  catalogue: catalogue.service,
});
const server = serve({ fetch: app.fetch, hostname: host, port }, (info) => {
  log('server.listening', { url: `http://${info.address}:${info.port}`, embedder: runtime.embedder.id });
});

// Graceful shutdown: stop accepting, let in-flight requests finish, then release the model.
let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log('server.stopping', { signal });
    server.close(() => {
      void Promise.all([catalogue.dispose(), runtime.dispose()]).finally(() => process.exit(0));
    });
    // Requests still running after SHUTDOWN_TIMEOUT_MS are cut off; exit 1 says so.
    setTimeout(() => {
      log('server.forced_exit', { after_ms: drainMs });
      process.exit(1);
    }, drainMs).unref();
  });
}
