/**
 * Composition root for Node: `npm start` serves the API on 127.0.0.1:8787 with the bundled calls.
 * Environment (README, docs/reliability.md): HOST, PORT, DATA_DIR, EMBEDDER, ADMIN_TOKEN, RATE_LIMIT,
 * CORS_ORIGINS, REQUEST_TIMEOUT_MS, SHUTDOWN_TIMEOUT_MS, EMBED_CONCURRENCY, EMBED_QUEUE_TOKENS,
 * EMBED_WINDOW_TOKENS, EMBED_TEXT_WINDOWS, EMBED_CALL_TOKENS. The LLM explainer is on only when
 * LLM_BASE_URL and LLM_MODEL are set (LLM_API_KEY, LLM_TIMEOUT_MS optional).
 */
import { createServer } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { join } from 'node:path';
import { createFeedbackFileStore } from '../adapters/node/feedback-file-store.js';
import { createNodeCatalogue } from '../adapters/node/node-catalogue.js';
import { nodeDraftReaders } from '../adapters/node/draft-readers.js';
import { drainAfterEarlyResponse, jsonClientError } from './http-socket.js';
import { failureCode } from './index-saver.js';
import { jsonLogger } from './json-logger.js';
import { serverLimitsFromEnv } from './limits-env.js';
import { createNodeRuntime, envOptions } from './node-runtime.js';
import { createService } from './service.js';

const log = jsonLogger();

/** A start-up failure (a bad setting, a port in use): one line naming the cause, not a stack trace. */
function startFailed(err: unknown): never {
  const code = typeof err === 'object' && err !== null && typeof (err as { code?: unknown }).code === 'string' ? (err as { code: string }).code : undefined;
  log('server.start_failed', { code });
  console.error(`cfpmatch: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
  process.exit(1);
}
function orFail<T>(make: () => T): T {
  try {
    return make();
  } catch (err) {
    return startFailed(err);
  }
}

const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 8787);
if (!Number.isInteger(port) || port < 0 || port > 65535) startFailed(new Error(`PORT must be a whole number from 0 to 65535 (got "${process.env.PORT ?? ''}")`));
const limits = orFail(() => serverLimitsFromEnv(process.env));

// A promise nobody handled is logged, not fatal: request work is scoped to its request, and the
// index saver handles its own failures; crashing would drop every other request in flight.
process.on('unhandledRejection', (reason) => log('process.unhandled_rejection', { code: failureCode(reason) }));

const options = orFail(() => envOptions());
// retrySaves: a save that fails (full or read-only disk) is logged and retried; the server serves from memory.
// background: answer at once on a first start and embed the calls meanwhile (index: warming in /healthz and rankings).
const runtime = await createNodeRuntime({ ...options, log, retrySaves: true, embedQueue: limits.queue, background: true }).catch(startFailed);
// POST /v1/calls/import and the REFRESH_EVERY schedule (docs/catalogue.md).
const catalogue = orFail(() => createNodeCatalogue({ dataDir: options.dataDir ?? 'data', matcher: runtime.matcher, log, env: process.env, onChange: () => void runtime.persist().catch((err: unknown) => log('index.save_failed', { errno: failureCode(err) })) }));
let acceptingAdmin = true;
const queueStats = (runtime.embedder as { queueStats?: () => unknown }).queueStats;
// The same service as the Worker's (entry/service.ts); rate limits are keyed by the socket address.
const app = orFail(() => createService(runtime.matcher, process.env, {
  log,
  onChange: () => void runtime.persist().catch((err: unknown) => log('index.save_failed', { errno: failureCode(err) })),
  clientKey: (c) => getConnInfo(c).remote.address ?? 'unknown',
  catalogue: catalogue.service,
  // Editors' triage decisions, only those they chose to record (docs/triage.md).
  feedback: createFeedbackFileStore({ dir: join(options.dataDir ?? 'data', 'feedback') }),
  // PDF and Word drafts are read by Node-only libraries; the Worker reads text kinds (.tex, .md, .txt) only.
  draftReaders: nodeDraftReaders(),
  acceptingAdmin: () => acceptingAdmin,
  health: () => ({ index: runtime.persistence(), ...(queueStats ? { embedding: queueStats() } : {}) }),
}));

// autoCleanupIncoming off: drainAfterEarlyResponse reads an unread body longer than the adapter's 500 ms.
const listener = getRequestListener(app.fetch, { autoCleanupIncoming: false });
const server = createServer((req, res) => {
  drainAfterEarlyResponse(req, res);
  void listener(req, res);
});
server.on('clientError', jsonClientError);
server.on('error', (err: NodeJS.ErrnoException) =>
  startFailed(err.code === 'EADDRINUSE' ? Object.assign(new Error(`${host}:${port} is already in use (another cfpmatch?): stop it, or set PORT to a free port`), { code: err.code }) : err),
);
server.listen(port, host, () => {
  const addr = server.address();
  const url = typeof addr === 'object' && addr ? `http://${addr.address}:${addr.port}` : `http://${host}:${port}`;
  log('server.listening', { url, embedder: runtime.embedder.id });
});

// Graceful shutdown: admin writes are refused first (503 SHUTTING_DOWN), the listener closes, requests
// in flight finish (admin writes already running included), what they changed is saved, then the model
// and index are released. Only then does the process exit 0.
let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    acceptingAdmin = false;
    log('server.stopping', { signal });
    // Work still running after SHUTDOWN_TIMEOUT_MS is cut off; exit 1 says so.
    setTimeout(() => {
      log('server.forced_exit', { after_ms: limits.shutdownTimeoutMs });
      process.exit(1);
    }, limits.shutdownTimeoutMs).unref();
    server.close(() => {
      void (async () => {
        const saved = await runtime.persist().catch(() => false);
        // Not data loss: the calls are on disk; the next start embeds what the saved index lacks.
        if (!saved) log('server.stopped_unsaved', { ...runtime.persistence() });
        await catalogue.dispose();
        await runtime.dispose();
        process.exit(0);
      })();
    });
    server.closeIdleConnections();
  });
}
