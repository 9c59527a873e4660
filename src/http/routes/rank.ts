import { Hono } from 'hono';
import type { Matcher } from '../../core/matcher.js';
import { RankRequest } from '../../core/schema.js';
import { parseOrThrow } from '../../core/validate.js';
import { readJson } from '../body.js';

/** `POST /v1/rank`: rank the calls for one draft. */
export function rankRoutes(matcher: Matcher): Hono {
  const r = new Hono();
  r.post('/rank', async (c) => {
    const req = parseOrThrow(RankRequest.strict(), await readJson(c), 'request');
    return c.json(await matcher.rank(req));
  });
  return r;
}
