/**
 * Composition root for Node: `npm start` serves the API on 127.0.0.1:8787
 * (HOST, PORT, DATA_DIR, EMBEDDER, ADMIN_TOKEN, RATE_LIMIT, CORS_ORIGINS, SHUTDOWN_TIMEOUT_MS override) with the bundled calls.
 * The LLM explainer is on only when LLM_BASE_URL and LLM_MODEL are set (LLM_API_KEY, LLM_TIMEOUT_MS optional).
 */
import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { createNodeCatalogue } from '../adapters/node/node-catalogue.js';
import { nodeDraftReaders } from '../adapters/node/draft-readers.js';
import { createNodeRuntime, envOptions } from './node-runtime.js';
import { jsonLogger } from './json-logger.js';
import { createService } from './service.js';

const log = jsonLogger();
const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 8787);
const drainMs = Number(process.env.SHUTDOWN_TIMEOUT_MS ?? 30_000);

const runtimeOptions = envOptions();
// background: answer at once on a first start and embed the calls meanwhile (index: warming in /healthz and rankings).
const runtime = await createNodeRuntime({ ...runtimeOptions, log, background: true });
// POST /v1/calls/import and the REFRESH_EVERY schedule (docs/catalogue.md).
const catalogue = createNodeCatalogue({ dataDir: runtimeOptions.dataDir ?? 'data', matcher: runtime.matcher, log, env: process.env, onChange: () => void runtime.persist() });
// The same service as the Worker's (entry/service.ts); rate limits are keyed by the socket address.
const app = createService(runtime.matcher, process.env, {
  log,
  onChange: () => void runtime.persist(),
  clientKey: (c) => getConnInfo(c).remote.address ?? 'unknown',
  catalogue: catalogue.service,
  // PDF and Word drafts are read by Node-only libraries; the Worker reads text kinds (.tex, .md, .txt) only.
  draftReaders: nodeDraftReaders(),
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
