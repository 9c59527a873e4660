import type { Context } from 'hono';
import { createError } from '../core/errors.js';

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Read a JSON body or throw BAD_JSON (not JSON, not UTF-8) with a message that does not echo the body.
 *
 * @example
 * const body = await readJson(c); // unknown; validate it with a schema next
 */
export async function readJson(c: Context): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (!type.toLowerCase().includes('application/json')) {
    throw createError('BAD_JSON', 'expected a JSON body (Content-Type: application/json)');
  }
  const bytes = await c.req.arrayBuffer();
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
