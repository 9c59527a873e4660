/**
 * createApp(deps): the Hono app shared by the Node server and the Worker.
 * Routes validate with the zod schemas from core; one onError maps coded
 * errors to HTTP statuses and a JSON body `{ error: { code, message, fields? } }`.
 */
import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createError } from '../core/errors.js';
import { silentLogger, type Logger } from '../core/log.js';
import type { Explainer } from '../core/explain/explainer.js';
import type { Matcher } from '../core/matcher.js';
import type { FeedbackStore } from '../core/ports.js';
import { requireAdmin } from './auth.js';
import { deadline } from './deadline.js';
import { errorResponse } from './errors.js';
import { callRoutes } from './routes/calls.js';
import { feedRoutes } from './routes/feeds.js';
import { importRoutes } from './routes/import.js';
import type { CatalogueService } from '../core/catalogue/service.js';
import { explainRoutes } from './routes/explain.js';
import { feedbackDeps, feedbackRoutes } from './routes/feedback.js';
import { paperRoutes } from './routes/papers.js';
import { docsRoutes } from './routes/docs.js';
import { extractRoutes } from './routes/extract.js';
import type { DraftFileReaders } from '../core/draft-file/index.js';
import { MAX_UPLOAD_BYTES, uploadTooLarge } from './upload-limit.js';
import { rankRoutes } from './routes/rank.js';
import { triageRoutes } from './routes/triage.js';
import { applySecurity, type SecurityOptions } from './security.js';
import { webRoutes } from '../web/routes.js';

export interface AppDeps {
  matcher: Matcher;
  /** Token for mutating routes; without it they answer 403 DISABLED. */
  adminToken?: string;
  log?: Logger;
  /** Largest accepted request body in bytes (default 1 MiB). */
  maxBodyBytes?: number;
  /** Called after the call set changed (the Node entry saves the index). */
  onChange?: () => void;
  /** LLM explainer; without it /v1/explain answers 503 LLM_UNAVAILABLE and `explain: true` adds explanation_error. */
  explainer?: Explainer;
  /** Secure headers (always), CORS and rate limiting (off unless given; see securityFromEnv). */
  security?: SecurityOptions;
  /** The catalogue importer behind `POST /v1/calls/import` (Node); without it the route answers 403 DISABLED. */
  catalogue?: CatalogueService;
  /** Deadline for /v1/rank, /v1/triage and /v1/explain (REQUEST_TIMEOUT_MS): 503 DEADLINE_EXCEEDED after it. None when absent. */
  requestTimeoutMs?: number;
  /** False once the server is shutting down: admin writes then answer 503 SHUTTING_DOWN before their body is read. */
  acceptingAdmin?: () => boolean;
  /** Extra fields for /healthz (index persistence, embedding queue). */
  health?: () => Record<string, unknown>;
  /** Where editors' triage decisions are kept; with ADMIN_TOKEN it enables /v1/triage/feedback. */
  feedback?: FeedbackStore;
  /** Readers of binary draft files (PDF, .docx) chosen by the entry; without them only text kinds (.tex, .md, .txt) are read. */
  draftReaders?: DraftFileReaders;
}

/**
 * A path with broken percent-encoding (`/calls/%E0%A4%A`) is a 400, not a page whose script then
 * fails to decode its own URL and stays on "Loading…".
 */
const rejectMalformedPath: MiddlewareHandler = async (c, next) => {
  try {
    decodeURIComponent(new URL(c.req.url).pathname);
  } catch {
    throw createError('BAD_INPUT', 'the URL path is not valid percent-encoded UTF-8');
  }
  await next();
};

/**
 * @example
 * const app = createApp({ matcher, adminToken: process.env.ADMIN_TOKEN });
 * const res = await app.request('/healthz');
 */
export function createApp(deps: AppDeps): Hono {
  const log = deps.log ?? silentLogger;
  const app = new Hono();
  const maxSize = deps.maxBodyBytes ?? 1024 * 1024;

  app.use('*', async (c, next) => {
    const t0 = performance.now();
    await next();
    // Ids, statuses and timings only: drafts are confidential.
    log('http.request', { method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(performance.now() - t0) });
  });
  app.use('*', rejectMalformedPath);
  // Before the body limit, so a rate-limited client's body is never read.
  applySecurity(app, deps.security);
  const jsonLimit = bodyLimit({
    maxSize,
    onError: () => {
      throw createError('TOO_LARGE', `request body over the limit of ${maxSize} bytes`);
    },
  });
  // Draft files come as multipart and may be larger than a JSON body; the file reader has its own limit.
  const uploadLimit = bodyLimit({ maxSize: MAX_UPLOAD_BYTES, onError: () => { throw uploadTooLarge(); } });
  app.use('/v1/*', (c, next) => ((c.req.header('content-type') ?? '').toLowerCase().startsWith('multipart/form-data') ? uploadLimit(c, next) : jsonLimit(c, next)));

  if (deps.requestTimeoutMs !== undefined) {
    // Not the admin writes: a write answered 503 by a timer could still complete and be stored.
    for (const path of ['/v1/rank', '/v1/triage', '/v1/explain']) app.use(path, deadline(deps.requestTimeoutMs));
  }
  // One guard for every admin route: the token, and SHUTTING_DOWN for writes once shutdown began.
  const admin = requireAdmin(deps.adminToken, deps.acceptingAdmin);

  app.get('/healthz', (c) => {
    const extra = deps.health?.() ?? {};
    // The entry's `index` (how saves are going: current, failures, error) and the matcher's (`warming`
    // while a first start embeds the calls, rankings lexical until `ready`) describe one index.
    const saves = typeof extra.index === 'object' && extra.index !== null ? extra.index : {};
    return c.json({
      ...extra,
      status: 'ok',
      calls: deps.matcher.corpus.calls.size,
      embedder: deps.matcher.embedder.id,
      index: { ...saves, ...deps.matcher.indexStatus() },
      // Which calibration turns scores into fits: the embedder's own, or the embedder-independent one ("*").
      calibration: deps.matcher.calibration.embedder,
      // The reference population scores are read against: abstracts, and whether dense statistics exist for this embedder.
      reference: deps.matcher.corpus.reference?.size ?? null,
      // The page shows its Explain action only when this is true.
      llm: { configured: deps.explainer !== undefined, ...(deps.explainer ? { model: deps.explainer.modelName } : {}) },
    });
  });
  app.route('/v1', rankRoutes(deps.matcher, deps.explainer, deps.draftReaders));
  app.route('/v1', extractRoutes(deps.draftReaders ?? {}));
  // Before callRoutes, whose /calls/:id would otherwise see "import" as an id.
  app.route('/v1', importRoutes(deps.catalogue, admin));
  app.route('/v1', callRoutes(deps.matcher, admin, deps.onChange ?? (() => {}), deps.explainer));
  const feeds = feedRoutes(deps.matcher);
  app.route('/v1', feeds.api);
  app.route('/', feeds.public);
  app.route('/v1', paperRoutes(deps.matcher, admin, deps.onChange ?? (() => {})));
  app.route('/v1', explainRoutes(deps.matcher, deps.explainer));
  const feedback = feedbackDeps(deps.feedback, deps.adminToken);
  app.route('/v1', triageRoutes(deps.matcher, {}, { adminToken: deps.adminToken, feedback }));
  app.route('/v1', feedbackRoutes(deps.matcher, admin, feedback));
  app.route('/', docsRoutes());
  app.route('/', webRoutes({ matcher: deps.matcher, draftReaders: deps.draftReaders ?? {}, explainer: deps.explainer, log }));

  app.notFound((c) => errorResponse(c, createError('NOT_FOUND', `no route ${c.req.method} ${c.req.path}`), log));
  app.onError((err, c) => errorResponse(c, err, log));
  return app;
}
