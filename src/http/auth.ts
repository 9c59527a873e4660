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
 * Guard for mutating routes: `Authorization: Bearer <ADMIN_TOKEN>`. Without a
 * configured token the routes are disabled, not open.
 */
export function requireAdmin(token: string | undefined): MiddlewareHandler {
  return async (c, next) => {
    if (!token) throw createError('DISABLED', 'this route is disabled: set ADMIN_TOKEN on the server to enable it');
    const header = c.req.header('authorization') ?? '';
    const m = /^Bearer\s+(.+)$/i.exec(header);
    if (!m) throw createError('UNAUTHORIZED', 'missing bearer token (Authorization: Bearer <ADMIN_TOKEN>)');
    if (!timingSafeEqual(m[1] ?? '', token)) throw createError('FORBIDDEN', 'invalid token');
    await next();
  };
}
