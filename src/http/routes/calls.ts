import { Hono, type MiddlewareHandler } from 'hono';
import { callFromInput, RawCfpInput } from '../../core/call-input.js';
import { createError } from '../../core/errors.js';
import { NOT_CONFIGURED } from '../../core/explain/explain-ranking.js';
import type { Explainer } from '../../core/explain/explainer.js';
import { extractCallWithLlm } from '../../core/explain/extract-call.js';
import type { Matcher } from '../../core/matcher.js';
import { deadlineStatus } from '../../core/rank/deadline.js';
import { assertFilterWindow, filterPredicate, summarizeFilters } from '../../core/rank/filters.js';
import { CallListQuery, type Call, type IsoDate } from '../../core/schema.js';
import { parseOrThrow } from '../../core/validate.js';
import { readJson } from '../body.js';
import { optionsFromFields } from '../form.js';

function pick(params: URLSearchParams, keys: readonly string[]): Record<string, string> {
  return Object.fromEntries(keys.flatMap((k) => (params.get(k) ? [[k, params.get(k) as string]] : [])));
}

/** A call as listed: no raw source text; with its deadline state on `asOf` when given, so closed calls show as closed. */
export function callSummary(call: Call, asOf?: IsoDate) {
  return {
    id: call.id,
    title: call.title,
    venue: call.venue,
    publisher: call.publisher,
    topics: call.topics.length,
    submission_deadline: call.dates.submission_deadline,
    warnings: call.warnings.length,
    ...(asOf ? { deadline: deadlineStatus(call, asOf) } : {}),
  };
}

/**
 * One page of the calls that pass the filters, in the asked order, with the filter counts and,
 * when the page is empty, why.
 *
 * @example
 * listCalls(matcher.listCalls(), { open_only: true, limit: 20, offset: 0, sort: 'deadline' }, '2025-01-10')
 */
export function listCalls(calls: readonly Call[], q: CallListQuery, asOf: IsoDate) {
  const passes = filterPredicate(q, asOf);
  const rows = calls.filter((call) => passes(call) !== undefined).sort((a, b) => compareCalls(a, b, q.sort));
  const page = rows.slice(q.offset, q.offset + q.limit);
  return {
    calls: page.map((call) => callSummary(call, asOf)),
    total: rows.length,
    offset: q.offset,
    limit: q.limit,
    ...(q.offset + q.limit < rows.length ? { next_offset: q.offset + q.limit } : {}),
    as_of: asOf,
    filters: summarizeFilters(calls, q, asOf, page.length),
  };
}

function compareCalls(a: Call, b: Call, sort: CallListQuery['sort']): number {
  if (sort === 'title') return a.title.localeCompare(b.title) || (a.id < b.id ? -1 : 1);
  if (sort === 'deadline') {
    // Soonest deadline first; calls without one last.
    const x = a.dates.submission_deadline ?? '9999';
    const y = b.dates.submission_deadline ?? '9999';
    if (x !== y) return x < y ? -1 : 1;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * `GET /v1/calls`, `GET /v1/calls/:id`, and the admin-only `POST /v1/calls` (CFP text, `{ html, url? }` for a
 * saved web page, the evaluation format or a full Call), `DELETE /v1/calls/:id`.
 * `POST /v1/calls` with `{ text, llm: true }` extracts the call with the LLM (rule-based parser as
 * fallback and cross-check) and answers the call plus `extraction: { source, disagreements, llm_error? }`;
 * without a configured LLM it answers 503 LLM_UNAVAILABLE.
 */
export function callRoutes(matcher: Matcher, admin: MiddlewareHandler, onChange: () => void, explainer?: Explainer): Hono {
  const r = new Hono();
  r.get('/calls', (c) => {
    const url = new URL(c.req.url);
    const get = (k: string) => url.searchParams.getAll(k);
    const q = parseOrThrow(CallListQuery.strict(), { ...optionsFromFields(get), ...pick(url.searchParams, ['limit', 'offset', 'sort']) }, 'query');
    assertFilterWindow(q);
    return c.json(listCalls(matcher.listCalls(), q, q.as_of ?? matcher.today()));
  });
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
    // `llm: false` is the route's own flag, not part of the call: callFromInput rejects keys it does not know.
    const input = typeof body === 'object' && body !== null && !Array.isArray(body) && 'llm' in body && body.llm === false ? Object.fromEntries(Object.entries(body).filter(([k]) => k !== 'llm')) : body;
    const call = await matcher.ingest(callFromInput(input));
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
