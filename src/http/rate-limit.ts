/**
 * Per-client token-bucket rate limiting for the public API, weighted by cost. Runtime-neutral:
 * the client key comes from an injected function (Node passes the socket
 * address from `getConnInfo`; the Worker reads `cf-connecting-ip`).
 *
 * A request is let in while the client's bucket holds at least one unit and is then charged its
 * cost: one unit plus one per {@link COST_UNIT_BYTES} of body (about 1,000 estimated tokens of
 * text). A normal draft costs 1, the largest valid draft 8, a 1 MiB triage 257; a bucket may go
 * into debt, so one large request is served and the client then waits in proportion to it.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { createError } from '../core/errors.js';
import { readBodyBytes } from './body.js';

/** Body bytes per extra cost unit: about 1,000 estimated tokens of text (4 bytes a token). */
export const COST_UNIT_BYTES = 4096;

/**
 * A request's cost in units: 1, plus 1 per started {@link COST_UNIT_BYTES} of body beyond the first.
 *
 * @example
 * requestCost(2_000) // 1 (a normal draft)
 * requestCost(31_000) // 8 (the largest valid draft)
 */
export function requestCost(bodyBytes: number): number {
  return Math.max(1, Math.ceil(bodyBytes / COST_UNIT_BYTES));
}

/** Who a request counts against. Return a stable string per client. */
export type ClientKey = (c: Context) => string;

export interface RateLimitOptions {
  /** Cost units added per minute (sustained normal requests per minute). */
  perMinute: number;
  /** Bucket size: cost units a client may spend at once after being idle. */
  burst: number;
  /** A request's cost once handled; default {@link requestCost} of the body bytes read. */
  cost?: (c: Context) => number;
  /** Client key; default: the `cf-connecting-ip` header, else one shared bucket. */
  key?: ClientKey;
  /** Most clients tracked at once; the least recently seen is forgotten first. */
  maxClients?: number;
  /** Clock in ms; injectable for tests. */
  now?: () => number;
}

export const DEFAULT_RATE_LIMIT = { perMinute: 60, burst: 30 } as const;

/**
 * Key by a header that a trusted proxy sets (Cloudflare sets `cf-connecting-ip`).
 * Only use this behind that proxy: clients can send the header themselves.
 *
 * @example
 * rateLimit({ perMinute: 60, burst: 30, key: headerKey('cf-connecting-ip') });
 */
export function headerKey(name: string): ClientKey {
  return (c) => c.req.header(name) ?? 'unknown';
}

/**
 * Parse `RATE_LIMIT` (`off`, `<n>/min`, `<n>/min:<burst>`) into options, or `false` when off.
 * Unset means the default (60/min, burst 30). Anything else throws BAD_INPUT.
 *
 * @example
 * parseRateLimit('120/min') // { perMinute: 120, burst: 30 }
 * parseRateLimit('off') // false
 */
export function parseRateLimit(value: string | undefined): Pick<RateLimitOptions, 'perMinute' | 'burst'> | false {
  if (value === undefined || value.trim() === '') return { ...DEFAULT_RATE_LIMIT };
  const v = value.trim().toLowerCase();
  if (v === 'off' || v === '0') return false;
  const m = /^(\d+)\s*\/\s*min(?::(\d+))?$/.exec(v);
  const perMinute = Number(m?.[1]);
  if (!m || !Number.isSafeInteger(perMinute) || perMinute < 1) {
    throw createError('BAD_INPUT', `RATE_LIMIT must be "off", "<n>/min" or "<n>/min:<burst>" (got "${value}")`);
  }
  const burst = m[2] === undefined ? Math.min(DEFAULT_RATE_LIMIT.burst, perMinute) : Number(m[2]);
  if (!Number.isSafeInteger(burst) || burst < 1) throw createError('BAD_INPUT', `RATE_LIMIT burst must be at least 1 (got "${value}")`);
  return { perMinute, burst };
}

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * Token bucket per client key, charged by cost after the request. Over the limit (less than one
 * unit left): 429 `RATE_LIMITED` JSON with `Retry-After` (seconds), before the body is read.
 * Memory is bounded by `maxClients` (least recently seen clients are dropped first).
 *
 * @example
 * app.use('/v1/*', rateLimit({ perMinute: 60, burst: 30, key: (c) => clientAddress(c) }));
 */
export function rateLimit(opts: RateLimitOptions): MiddlewareHandler {
  const key = opts.key ?? headerKey('cf-connecting-ip');
  const cost = opts.cost ?? ((c: Context) => requestCost(readBodyBytes(c)));
  const now = opts.now ?? (() => Date.now());
  const maxClients = opts.maxClients ?? 10_000;
  const perMs = opts.perMinute / 60_000;
  const buckets = new Map<string, Bucket>();

  return async (c, next) => {
    const k = key(c);
    const t = now();
    const b = buckets.get(k) ?? { tokens: opts.burst, at: t };
    b.tokens = Math.min(opts.burst, b.tokens + (t - b.at) * perMs);
    b.at = t;
    // Re-insert so the Map's order is least recently seen first.
    buckets.delete(k);
    buckets.set(k, b);
    if (buckets.size > maxClients) {
      const oldest = buckets.keys().next();
      if (!oldest.done) buckets.delete(oldest.value);
    }
    if (b.tokens < 1) {
      const retryAfter = Math.max(1, Math.ceil((1 - b.tokens) / perMs / 1000));
      const err = createError('RATE_LIMITED', `too many requests; retry after ${retryAfter} s`);
      return c.json(err.toJSON(), 429, { 'Retry-After': String(retryAfter) });
    }
    b.tokens -= 1;
    try {
      await next();
    } finally {
      // The first unit was taken at the door; the rest once the body's size is known (the bucket may go into debt).
      b.tokens -= Math.max(0, cost(c) - 1);
    }
  };
}
