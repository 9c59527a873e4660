import type { Context } from 'hono';
import { createError } from '../core/errors.js';

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Bytes of each request's body as read by {@link readJson}: the rate limiter charges by them. */
const bodyBytes = new WeakMap<Request, number>();

/**
 * Whether a Content-Type header is exactly `application/json` (any case), with no parameter but an
 * optional UTF-8 charset. A substring match let `text/plain; charset=application/json` through: a
 * "simple" cross-site request that browsers send without a CORS preflight.
 *
 * @example
 * isJsonMediaType('application/json; charset=utf-8') // true
 * isJsonMediaType('text/plain; charset=application/json') // false
 */
export function isJsonMediaType(header: string | undefined): boolean {
  if (!header) return false;
  const [type, ...params] = header.split(';');
  if (type?.trim().toLowerCase() !== 'application/json') return false;
  return params.every((p) => {
    if (!p.trim()) return true;
    const eq = p.indexOf('=');
    const name = p.slice(0, eq < 0 ? p.length : eq).trim().toLowerCase();
    const value = eq < 0 ? '' : p.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1').toLowerCase();
    return name === 'charset' && (value === 'utf-8' || value === 'utf8');
  });
}

/**
 * Read a JSON body or throw BAD_JSON (wrong media type, not JSON, not UTF-8) with a message that does not echo the body.
 *
 * @example
 * const body = await readJson(c); // unknown; validate it with a schema next
 */
export async function readJson(c: Context): Promise<unknown> {
  if (!isJsonMediaType(c.req.header('content-type'))) {
    throw createError('BAD_JSON', 'expected a JSON body (Content-Type: application/json, UTF-8)');
  }
  const bytes = await c.req.arrayBuffer();
  bodyBytes.set(c.req.raw, bytes.byteLength);
  let text: string;
  try {
    // Invalid UTF-8 is refused rather than silently replaced with U+FFFD, which would change the draft.
    text = UTF8.decode(bytes);
  } catch {
    throw createError('BAD_JSON', 'the request body is not valid UTF-8');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw createError('BAD_JSON', 'the request body is not valid JSON');
  }
}

/**
 * Charge `bytes` of model input to this request (form posts, whose bytes are not all text: see readForm).
 *
 * @example
 * chargeBodyBytes(c, 31_000); // the rate limiter then charges 8 units
 */
export function chargeBodyBytes(c: Context, bytes: number): void {
  bodyBytes.set(c.req.raw, (bodyBytes.get(c.req.raw) ?? 0) + bytes);
}

/**
 * Bytes of the body {@link readJson} or {@link chargeBodyBytes} counted for this request (0 when none).
 *
 * @example
 * const cost = 1 + Math.floor(readBodyBytes(c) / 4096);
 */
export function readBodyBytes(c: Context): number {
  return bodyBytes.get(c.req.raw) ?? 0;
}
