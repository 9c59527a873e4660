/**
 * The OpenAPI 3.1 document, generated from the same zod schemas the routes
 * validate with (`z.toJSONSchema`), so the spec cannot drift from the checks.
 * Response shapes that have no validating schema (health, call summaries,
 * the error body) are declared here once, as zod too.
 */
import { z } from 'zod';
import { RawCfpInput, RawHtmlInput } from '../core/call-input.js';
import { ERROR_CODES, type ErrorCode } from '../core/errors.js';
import { ExplainRequest, Explanation } from '../core/explain/schema.js';
import { ImportRequest } from '../core/catalogue/types.js';
import { Call, CallListQuery, DeadlineStatus, EvalCall, ExtractedDraft, FilterSummary, RankRequest, RankResponse, TriageRequest, TriageResponse } from '../core/schema.js';
import { paperAndFeedbackRoutes } from './openapi-papers.js';

const ErrorBody = z.object({
  error: z.object({
    code: z.enum(Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]]),
    message: z.string(),
    fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
const Health = z.object({ status: z.literal('ok'), calls: z.number().int(), embedder: z.string() }).loose();
const ImportResponse = z.object({ dry_run: z.boolean(), written: z.number().int(), ms: z.number(), report: z.object({}).loose() });
const CallSummary = z.object({
  id: z.string(),
  title: z.string(),
  venue: z.string().optional(),
  publisher: z.string().optional(),
  topics: z.number().int(),
  submission_deadline: z.string().optional(),
  warnings: z.number().int(),
  deadline: DeadlineStatus.optional(),
});
const CallList = z.object({
  calls: z.array(CallSummary),
  total: z.number().int(),
  offset: z.number().int(),
  limit: z.number().int(),
  next_offset: z.number().int().optional(),
  as_of: z.string(),
  filters: FilterSummary,
});
/** A draft file as a multipart field; the text fields of /v1/rank may come beside it (they override what the file gave). */
const DraftUpload = z.object({
  file: z.string().meta({ format: 'binary', description: 'PDF, .docx, .tex, .md or .txt; up to 20 MB; read in memory, never stored' }),
});
const RankUpload = DraftUpload.partial().extend({
  title: z.string().optional(),
  abstract: z.string().optional(),
  keywords: z.string().optional().meta({ description: 'comma- or semicolon-separated' }),
  top_k: z.string().optional(),
  as_of: z.string().optional(),
  open_only: z.string().optional(),
  publisher: z.string().optional(),
  venue: z.string().optional(),
  deadline_after: z.string().optional(),
  deadline_before: z.string().optional(),
});
/**
 * `POST /v1/calls` accepts raw CFP text (with `llm: true`, extracted by the LLM), a saved web page,
 * the evaluation format or a structured Call (see core/call-input.ts and routes/calls.ts).
 */
const CallInputBody = z.union([
  RawCfpInput.extend({ llm: z.boolean().optional().meta({ description: 'extract the call with the configured LLM (503 LLM_UNAVAILABLE without one)' }) }),
  RawHtmlInput,
  EvalCall,
  Call,
]);

type Method = 'get' | 'post' | 'delete';

/** One documented operation. Extra operations (triage, explain) can be passed to {@link buildOpenApi}. */
export interface RouteDoc {
  method: Method;
  /** Hono-style path (`/v1/calls/:id`). */
  path: string;
  summary: string;
  tag: string;
  request?: z.ZodType;
  /** The same operation as a multipart/form-data upload (draft files). */
  multipart?: z.ZodType;
  /** Query parameters (GET). */
  query?: z.ZodObject;
  /** Status -> schema (undefined for an empty body). */
  responses: Record<number, z.ZodType | undefined>;
  admin?: boolean;
  /** Content type of the 200 response when it is not JSON. */
  produces?: string;
}

export const CORE_ROUTES: RouteDoc[] = [
  { method: 'get', path: '/healthz', summary: 'Liveness, number of calls and the embedder in use', tag: 'service', responses: { 200: Health } },
  { method: 'get', path: '/openapi.json', summary: 'This document', tag: 'service', responses: { 200: z.object({}).loose() } },
  { method: 'get', path: '/docs', summary: 'Human-readable API reference (HTML)', tag: 'service', responses: { 200: undefined }, produces: 'text/html' },
  { method: 'post', path: '/v1/rank', summary: 'Rank the calls for one draft, as JSON or as a multipart upload of a draft file (`file`); filters: `publisher`, `venue`, `deadline_after`, `deadline_before`, `open_only`; the answer has `filters` (counts, and for an empty result why and what to drop)', tag: 'match', request: RankRequest.strict(), multipart: RankUpload, responses: { 200: RankResponse, 400: ErrorBody, 413: ErrorBody, 415: ErrorBody, 422: ErrorBody } },
  { method: 'post', path: '/v1/extract', summary: 'The title, abstract and keywords found in a draft file (multipart `file`: PDF, .docx, .tex, .md, .txt), for checking before ranking; the file is not stored', tag: 'match', multipart: DraftUpload, responses: { 200: ExtractedDraft, 400: ErrorBody, 413: ErrorBody, 415: ErrorBody, 422: ErrorBody } },
  { method: 'post', path: '/v1/explain', summary: 'LLM explanation of one call\'s fit for a draft; `?stream=1` answers with Server-Sent Events (evidence, delta, retry, explanation|error, done)', tag: 'match', request: ExplainRequest, responses: { 200: Explanation, 400: ErrorBody, 404: ErrorBody, 502: ErrorBody, 503: ErrorBody } },
  { method: 'post', path: '/v1/triage', summary: 'Editor triage: an in-scope verdict for each of 1..500 submissions to one call', tag: 'match', request: TriageRequest, responses: { 200: TriageResponse, 400: ErrorBody, 404: ErrorBody, 413: ErrorBody } },
  { method: 'get', path: '/v1/calls', summary: 'List the calls: filters (`publisher`, `venue` repeatable; `deadline_after`, `deadline_before`, `open_only`, `as_of`), paging (`limit` 1-500, default 100; `offset`), `sort` (`id`, `deadline`, `title`); with counts per filter choice and each call\'s deadline state', tag: 'calls', query: CallListQuery, responses: { 200: CallList, 400: ErrorBody } },
  { method: 'get', path: '/v1/calls/:id', summary: 'One call with its parsed fields', tag: 'calls', responses: { 200: Call, 404: ErrorBody } },
  { method: 'post', path: '/v1/calls', summary: 'Add or replace a call: CFP text, evaluation format or structured Call', tag: 'calls', admin: true, request: CallInputBody, responses: { 201: Call, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 413: ErrorBody, 422: ErrorBody } },
  { method: 'delete', path: '/v1/calls/:id', summary: 'Remove a call', tag: 'calls', admin: true, responses: { 204: undefined, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody } },
  {
    method: 'post',
    path: '/v1/calls/import',
    summary: 'Import calls from a page, feed, listing or bulk file (by URL, fetched politely, or posted content); answers the import report',
    tag: 'calls',
    admin: true,
    request: ImportRequest,
    responses: { 200: ImportResponse, 201: ImportResponse, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 413: ErrorBody, 502: ErrorBody },
  },
  { method: 'get', path: '/feeds/calls.xml', summary: 'Atom feed of new and changed calls (`?publisher=`, `?limit=`)', tag: 'calls', responses: { 200: undefined, 400: ErrorBody }, produces: 'application/atom+xml' },
  { method: 'get', path: '/v1/feeds/match.xml', summary: 'Atom feed of the calls that fit a saved query (`?q=`, `min_fit`, `open_only`, `limit`)', tag: 'match', responses: { 200: undefined, 400: ErrorBody }, produces: 'application/atom+xml' },
  ...paperAndFeedbackRoutes(ErrorBody),
];

/** `/v1/calls/:id` -> `/v1/calls/{id}`. */
export function openApiPath(path: string): string {
  return path.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, '{$1}');
}

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}

function operation(r: RouteDoc): Record<string, unknown> {
  const params: Array<Record<string, unknown>> = [...r.path.matchAll(/:([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
  for (const [name, schema] of Object.entries(r.query ? (jsonSchema(r.query, 'input').properties as Record<string, unknown>) : {})) params.push({ name, in: 'query', required: false, schema });
  const body: Record<string, unknown> = {
    ...(r.request ? { 'application/json': { schema: jsonSchema(r.request, 'input') } } : {}),
    ...(r.multipart ? { 'multipart/form-data': { schema: jsonSchema(r.multipart, 'input') } } : {}),
  };
  const responses: Record<string, unknown> = {};
  for (const [status, schema] of Object.entries(r.responses)) {
    const description = status.startsWith('2') ? 'success' : 'error: `{ error: { code, message, fields? } }`';
    if (!schema) responses[status] = { description, ...(r.produces ? { content: { [r.produces]: {} } } : {}) };
    else responses[status] = { description, content: { 'application/json': { schema: jsonSchema(schema, 'output') } } };
  }
  return {
    summary: r.summary,
    tags: [r.tag],
    operationId: `${r.method}${r.path.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ?? '').toUpperCase())}`,
    ...(params.length ? { parameters: params } : {}),
    ...(Object.keys(body).length ? { requestBody: { required: true, content: body } } : {}),
    ...(r.admin ? { security: [{ adminToken: [] }] } : {}),
    responses,
  };
}

/**
 * Build the OpenAPI document for the given operations.
 *
 * @example
 * const spec = buildOpenApi();
 * spec.paths['/v1/rank'].post.requestBody // JSON Schema of RankRequest
 */
export function buildOpenApi(extra: readonly RouteDoc[] = []): { openapi: string; info: Record<string, string>; paths: Record<string, Record<string, Record<string, unknown>>>; components: Record<string, unknown> } {
  const paths: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const r of [...CORE_ROUTES, ...extra]) {
    const p = (paths[openApiPath(r.path)] ??= {});
    p[r.method] = operation(r);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'cfpmatch',
      version: '0.1.0',
      description: 'Match a draft paper to journal special-issue calls for papers. Errors are `{ error: { code, message, fields? } }`.',
    },
    paths,
    components: { securitySchemes: { adminToken: { type: 'http', scheme: 'bearer', description: 'ADMIN_TOKEN of the server' } } },
  };
}
