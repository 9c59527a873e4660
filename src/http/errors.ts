import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { createError, isCfpError, type CfpError } from '../core/errors.js';
import type { Logger } from '../core/log.js';

/** Map any thrown value to the JSON error body and status. Unknown errors become INTERNAL without leaking details. */
export function toCfpError(err: unknown): CfpError {
  if (isCfpError(err)) return err;
  if (err instanceof Error && 'status' in err && (err as { status: unknown }).status === 413) {
    return createError('TOO_LARGE', 'request body too large');
  }
  return createError('INTERNAL', 'internal error', { cause: err });
}

/**
 * The JSON error response for any thrown value, with `Retry-After` when the error says when to retry.
 *
 * @example
 * app.onError((err, c) => errorResponse(c, err, log));
 */
export function errorResponse(c: Context, err: unknown, log: Logger): Response {
  const e = toCfpError(err);
  if (e.code === 'INTERNAL' || e.code === 'STORAGE') {
    const cause = e.cause instanceof Error ? e.cause : undefined;
    // The cause's message may quote request data, so only its type, errno code and first stack frame are logged.
    const errno = (cause as { code?: unknown } | undefined)?.code;
    log('http.error', { code: e.code, path: c.req.path, cause: cause?.name, ...(typeof errno === 'string' ? { errno } : {}), at: cause?.stack?.split('\n')[1]?.trim() });
  }
  const headers: Record<string, string> = e.retryAfter === undefined ? {} : { 'Retry-After': String(Math.max(1, Math.ceil(e.retryAfter))) };
  return c.json(e.toJSON(), e.status as ContentfulStatusCode, headers);
}
