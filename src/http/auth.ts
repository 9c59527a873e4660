import type { MiddlewareHandler } from 'hono';
import { createError } from '../core/errors.js';

/** Constant-time string comparison (no early exit on the first differing byte). */
export function timingSafeEqual(a: string, b: string): boolean {
  const enc = new TextEncoder();
  const x = enc.encode(a);
  const y = enc.encode(b);
  let diff = x.length ^ y.length;
  const n = Math.max(x.length, y.length);
  for (let i = 0; i < n; i++) diff |= (x[i % Math.max(x.length, 1)] ?? 0) ^ (y[i % Math.max(y.length, 1)] ?? 0);
  return diff === 0;
}

/**
 * Guard for the admin routes: `Authorization: Bearer <ADMIN_TOKEN>`. Without a
 * configured token the routes are disabled, not open. Once `accepting()` is false (the server is
 * shutting down) every admin write answers 503 SHUTTING_DOWN before anything else, so no write
 * starts that the shutdown's final save could miss; admin reads go on.
 *
 * @example
 * const admin = requireAdmin(process.env.ADMIN_TOKEN, () => !stopping);
 * r.post('/calls', admin, handler);
 */
export function requireAdmin(token: string | undefined, accepting?: () => boolean): MiddlewareHandler {
  return async (c, next) => {
    if (accepting && c.req.method !== 'GET' && c.req.method !== 'HEAD' && !accepting()) {
      throw createError('SHUTTING_DOWN', 'the server is shutting down; retry against the restarted server', { retryAfter: 10 });
    }
    if (!token) throw createError('DISABLED', 'this route is disabled: set ADMIN_TOKEN on the server to enable it');
    const header = c.req.header('authorization') ?? '';
    const m = /^Bearer\s+(.+)$/i.exec(header);
    if (!m) throw createError('UNAUTHORIZED', 'missing bearer token (Authorization: Bearer <ADMIN_TOKEN>)');
    if (!timingSafeEqual(m[1] ?? '', token)) throw createError('FORBIDDEN', 'invalid token');
    await next();
  };
}
