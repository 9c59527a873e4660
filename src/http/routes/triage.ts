import { Hono } from 'hono';
import type { Matcher } from '../../core/matcher.js';
import { TriageRequest } from '../../core/schema.js';
import { triageSubmissions, type TriageOptions } from '../../core/triage/triage.js';
import { parseOrThrow } from '../../core/validate.js';
import { readJson } from '../body.js';
import { requestSignal } from '../deadline.js';

/**
 * `POST /v1/triage`: in-scope verdicts for 1..500 submissions to one call (validated here, once).
 *
 * @example
 * app.route('/v1', triageRoutes(matcher));
 * // POST /v1/triage {"call_id":"x","submissions":[{"title":"T","abstract":"A"}]} -> {"results":[{"verdict":"in_scope",...}]}
 */
export function triageRoutes(matcher: Matcher, opts: TriageOptions = {}): Hono {
  const r = new Hono();
  r.post('/triage', async (c) => {
    const req = parseOrThrow(TriageRequest, await readJson(c), 'triage request');
    // The signal stops the loop between submissions once the deadline has answered or the client has gone.
    return c.json(await triageSubmissions(matcher, req, { ...opts, signal: requestSignal(c) }));
  });
  return r;
}
