/**
 * Security middleware for createApp: secure headers with a same-origin CSP,
 * CORS (closed unless origins are listed) and per-client rate limiting on
 * the API. Runtime-neutral; the entry files build the options from env.
 */
import type { Hono } from 'hono';
import { cors } from 'hono/cors';
import { secureHeaders } from 'hono/secure-headers';
import { parseRateLimit, rateLimit, type ClientKey, type RateLimitOptions } from './rate-limit.js';

export interface SecurityOptions {
  /** Rate limit for `/v1/*`; absent or `false`: none (securityFromEnv gives 60/min, burst 30 unless RATE_LIMIT=off). */
  rateLimit?: RateLimitOptions | false;
  /** Origins allowed to call the API from a browser; empty or absent: no CORS headers at all. */
  corsOrigins?: readonly string[];
}

/**
 * The app's own page and assets only: script and style from this origin, no inline
 * script, no frames. Pages that need more (the /docs page's inline style) set their own.
 */
export const DEFAULT_CSP = {
  defaultSrc: ["'none'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  connectSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  formAction: ["'self'"],
  baseUri: ["'none'"],
  frameAncestors: ["'none'"],
};

/**
 * Read `RATE_LIMIT` (`off` | `<n>/min` | `<n>/min:<burst>`) and `CORS_ORIGINS` (comma-separated).
 *
 * @example
 * const security = securityFromEnv(process.env, nodeClientKey);
 * createApp({ matcher, security });
 */
export function securityFromEnv(env: Record<string, string | undefined>, key?: ClientKey): SecurityOptions {
  const limit = parseRateLimit(env.RATE_LIMIT);
  const origins = (env.CORS_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter((o) => o.length > 0);
  return { rateLimit: limit === false ? false : { ...limit, ...(key ? { key } : {}) }, corsOrigins: origins };
}

/**
 * Mount the security middleware; call before any route is added.
 *
 * @example
 * applySecurity(app, { rateLimit: { perMinute: 60, burst: 30 }, corsOrigins: ['https://example.org'] });
 */
export function applySecurity(app: Hono, opts: SecurityOptions = {}): void {
  // overwrite: false keeps a stricter or looser CSP that a route set for itself (web page, /docs).
  app.use('*', secureHeaders({ contentSecurityPolicy: DEFAULT_CSP, overwrite: false }));
  const origins = opts.corsOrigins ?? [];
  if (origins.length > 0) {
    app.use(
      '/v1/*',
      cors({
        origin: origins.includes('*') ? '*' : [...origins],
        allowMethods: ['GET', 'POST', 'DELETE', 'OPTIONS'],
        allowHeaders: ['content-type', 'authorization'],
        exposeHeaders: ['retry-after'],
        maxAge: 600,
      }),
    );
  }
  if (opts.rateLimit) {
    const limiter = rateLimit(opts.rateLimit);
    app.use('/v1/*', limiter);
    // The pages' form posts rank and triage on the server too: same buckets, so they are no way around the limit.
    app.use('*', (c, next) => (c.req.method === 'POST' && !c.req.path.startsWith('/v1/') ? limiter(c, next) : next()));
  }
}
