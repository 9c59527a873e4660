/**
 * A per-request deadline for the public API. Runtime-neutral. A request still running after
 * `ms` is answered 503 DEADLINE_EXCEEDED (with Retry-After) and its signal is aborted, so a
 * handler that checks it (triage, between submissions) stops; the embedding queue drops the
 * request's batches that have not started by the same deadline.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { createError } from '../core/errors.js';

const signals = new WeakMap<Request, AbortSignal>();

/**
 * The signal that aborts when this request's deadline passes or its client goes away.
 *
 * @example
 * await triageSubmissions(matcher, body, { signal: requestSignal(c) });
 */
export function requestSignal(c: Context): AbortSignal {
  return signals.get(c.req.raw) ?? c.req.raw.signal;
}

/**
 * @example
 * app.use('/v1/rank', deadline(120_000));
 */
export function deadline(ms: number): MiddlewareHandler {
  return async (c, next) => {
    const timeout = new AbortController();
    signals.set(c.req.raw, AbortSignal.any([timeout.signal, c.req.raw.signal]));
    let timer: ReturnType<typeof setTimeout> | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        timeout.abort();
        reject(createError('DEADLINE_EXCEEDED', `the request did not finish within ${ms} ms; the server is busy or the request is too large (the CLI has no deadline)`, { retryAfter: 5 }));
      }, ms);
    });
    const work = next();
    // Once the deadline has answered, the handler's own later failure has nowhere to go.
    work.catch(() => undefined);
    try {
      await Promise.race([work, expired]);
    } finally {
      clearTimeout(timer);
    }
  };
}
