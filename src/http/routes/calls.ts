import { Hono } from 'hono';
import { callFromInput } from '../../core/call-input.js';
import type { Matcher } from '../../core/matcher.js';
import type { Call } from '../../core/schema.js';
import { requireAdmin } from '../auth.js';
import { readJson } from '../body.js';

/** A call as listed: no raw source text. */
export function callSummary(call: Call) {
  return {
    id: call.id,
    title: call.title,
    venue: call.venue,
    publisher: call.publisher,
    topics: call.topics.length,
    submission_deadline: call.dates.submission_deadline,
    warnings: call.warnings.length,
  };
}

/** `GET /v1/calls`, `GET /v1/calls/:id`, and the admin-only `POST /v1/calls`, `DELETE /v1/calls/:id`. */
export function callRoutes(matcher: Matcher, adminToken: string | undefined, onChange: () => void): Hono {
  const r = new Hono();
  const admin = requireAdmin(adminToken);
  r.get('/calls', (c) => c.json({ calls: matcher.listCalls().map(callSummary) }));
  r.get('/calls/:id', (c) => c.json(matcher.getCall(c.req.param('id'))));
  r.post('/calls', admin, async (c) => {
    const call = await matcher.ingest(callFromInput(await readJson(c)));
    onChange();
    return c.json(call, 201);
  });
  r.delete('/calls/:id', admin, async (c) => {
    await matcher.remove(c.req.param('id'));
    onChange();
    return c.body(null, 204);
  });
  return r;
}
