import { Hono } from 'hono';
import { callFromInput, RawCfpInput } from '../../core/call-input.js';
import { createError } from '../../core/errors.js';
import { NOT_CONFIGURED } from '../../core/explain/explain-ranking.js';
import type { Explainer } from '../../core/explain/explainer.js';
import { extractCallWithLlm } from '../../core/explain/extract-call.js';
import type { Matcher } from '../../core/matcher.js';
import type { Call } from '../../core/schema.js';
import { parseOrThrow } from '../../core/validate.js';
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

/**
 * `GET /v1/calls`, `GET /v1/calls/:id`, and the admin-only `POST /v1/calls` (CFP text, `{ html, url? }` for a
 * saved web page, the evaluation format or a full Call), `DELETE /v1/calls/:id`.
 * `POST /v1/calls` with `{ text, llm: true }` extracts the call with the LLM (rule-based parser as
 * fallback and cross-check) and answers the call plus `extraction: { source, disagreements, llm_error? }`;
 * without a configured LLM it answers 503 LLM_UNAVAILABLE.
 */
export function callRoutes(matcher: Matcher, adminToken: string | undefined, onChange: () => void, explainer?: Explainer): Hono {
  const r = new Hono();
  const admin = requireAdmin(adminToken);
  r.get('/calls', (c) => c.json({ calls: matcher.listCalls().map(callSummary) }));
  r.get('/calls/:id', (c) => c.json(matcher.getCall(c.req.param('id'))));
  r.post('/calls', admin, async (c) => {
    const body = await readJson(c);
    if (typeof body === 'object' && body !== null && 'llm' in body && body.llm === true) {
      if (!explainer) throw createError('LLM_UNAVAILABLE', NOT_CONFIGURED);
      const raw = parseOrThrow(RawCfpInput, body, 'CFP');
      const { call: extracted, ...extraction } = await extractCallWithLlm(raw.text, explainer.model, { ...(raw.id ? { id: raw.id } : {}) });
      const call = await matcher.ingest(extracted);
      onChange();
      return c.json({ ...call, extraction }, 201);
    }
    const call = await matcher.ingest(callFromInput(body));
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
