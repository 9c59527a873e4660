/**
 * The HTTP service both composition roots serve: the Hono app over a composed matcher, with the
 * admin token, security (CORS, rate limit) and the optional LLM explainer read from the same
 * environment variables on Node (`process.env`) and on Workers (`env`). node.ts and worker.ts
 * differ only in how they build the matcher's parts and where the client address comes from.
 */
import type { Hono } from 'hono';
import type { DraftFileReaders } from '../core/draft-file/index.js';
import { explainerFromEnv, type LlmEnv } from '../core/explain/from-env.js';
import type { CatalogueService } from '../core/catalogue/service.js';
import type { Logger } from '../core/log.js';
import type { Matcher } from '../core/matcher.js';
import type { FeedbackStore } from '../core/ports.js';
import { createApp } from '../http/app.js';
import type { ClientKey } from '../http/rate-limit.js';
import { securityFromEnv } from '../http/security.js';
import { requestTimeoutFromEnv } from './limits-env.js';

/** The settings the service reads, on both runtimes. */
export interface ServiceEnv extends LlmEnv {
  /** Enables the mutating routes (admin); without it they answer 403. */
  ADMIN_TOKEN?: string;
  /** `off`, `<n>/min` or `<n>/min:<burst>` per client; default 60/min, burst 30. */
  RATE_LIMIT?: string;
  /** Comma-separated origins allowed by CORS; closed when unset. */
  CORS_ORIGINS?: string;
  /** Milliseconds before rank, triage and explain answer 503 DEADLINE_EXCEEDED (default 120000). */
  REQUEST_TIMEOUT_MS?: string;
}

export interface ServiceOptions {
  log: Logger;
  /** Called after the call set changed (Node saves the index; a Worker re-checks D1). */
  onChange: () => void;
  /** The client key for rate limiting (default: the `cf-connecting-ip` header). */
  clientKey?: ClientKey;
  /** The catalogue importer (Node only) behind POST /v1/calls/import. */
  catalogue?: CatalogueService;
  /** Where editors' triage decisions are kept (Node: DATA_DIR/feedback; Workers: D1). */
  feedback?: FeedbackStore;
  /** Readers of binary draft files (PDF, .docx) the runtime has; text kinds need none. */
  draftReaders?: DraftFileReaders;
  /** False once the server is shutting down: admin writes then answer 503 SHUTTING_DOWN. */
  acceptingAdmin?: () => boolean;
  /** Extra /healthz fields (Node: index persistence, the embedding queue). */
  health?: () => Record<string, unknown>;
}

/**
 * @example
 * const app = createService(runtime.matcher, process.env, { log, onChange: () => void runtime.persist() });
 */
export function createService(matcher: Matcher, env: ServiceEnv, opts: ServiceOptions): Hono {
  const explainer = explainerFromEnv(env, opts.log);
  // Whether the LLM is on and which model; never the key.
  opts.log('llm.config', { enabled: explainer !== undefined, model: explainer?.modelName });
  return createApp({
    matcher,
    log: opts.log,
    ...(env.ADMIN_TOKEN ? { adminToken: env.ADMIN_TOKEN } : {}),
    onChange: opts.onChange,
    ...(opts.feedback ? { feedback: opts.feedback } : {}),
    ...(explainer ? { explainer } : {}),
    security: securityFromEnv({ RATE_LIMIT: env.RATE_LIMIT, CORS_ORIGINS: env.CORS_ORIGINS }, opts.clientKey),
    ...(opts.catalogue ? { catalogue: opts.catalogue } : {}),
    ...(opts.draftReaders ? { draftReaders: opts.draftReaders } : {}),
    requestTimeoutMs: requestTimeoutFromEnv({ REQUEST_TIMEOUT_MS: env.REQUEST_TIMEOUT_MS }),
    ...(opts.acceptingAdmin ? { acceptingAdmin: opts.acceptingAdmin } : {}),
    ...(opts.health ? { health: opts.health } : {}),
  });
}
