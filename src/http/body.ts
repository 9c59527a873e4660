import type { Context } from 'hono';
import { createError } from '../core/errors.js';

/** Read a JSON body or throw BAD_JSON with a message that does not echo the body. */
export async function readJson(c: Context): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (!type.toLowerCase().includes('application/json')) {
    throw createError('BAD_JSON', 'expected a JSON body (Content-Type: application/json)');
  }
  const text = await c.req.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw createError('BAD_JSON', 'the request body is not valid JSON');
  }
}
