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

export function errorResponse(c: Context, err: unknown, log: Logger): Response {
  const e = toCfpError(err);
  if (e.code === 'INTERNAL') {
    const cause = e.cause instanceof Error ? e.cause : undefined;
    // The cause's message may quote request data, so only its type and first stack frame are logged.
    log('http.error', { code: e.code, path: c.req.path, cause: cause?.name, at: cause?.stack?.split('\n')[1]?.trim() });
  }
  return c.json(e.toJSON(), e.status as ContentfulStatusCode);
}
