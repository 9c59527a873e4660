/**
 * OpenAPI entries of the exemplar-paper and editor-feedback routes (routes/papers.ts, routes/feedback.ts),
 * from the schemas they validate with.
 */
import { z } from 'zod';
import { FeedbackList, FeedbackRequest, FeedbackResult } from '../core/feedback/schema.js';
import { AddPapersRequest, AddPapersResult, PaperList } from '../core/papers/schema.js';
import type { RouteDoc } from './openapi.js';

const Removed = z.object({ call_id: z.string(), removed: z.number().int() });

/**
 * The routes, with the error body schema openapi.ts declares.
 *
 * @example
 * const docs = paperAndFeedbackRoutes(ErrorBody);
 */
export function paperAndFeedbackRoutes(ErrorBody: z.ZodType): RouteDoc[] {
  const admin = { 401: ErrorBody, 403: ErrorBody };
  return [
    { method: 'get', path: '/v1/calls/:id/papers', summary: "A call's published papers (exemplars), without abstracts", tag: 'papers', responses: { 200: PaperList, 404: ErrorBody } },
    {
      method: 'post',
      path: '/v1/calls/:id/papers',
      summary: 'Attach published papers to a call (also JSON Lines with Content-Type application/x-ndjson); one per DOI and per title, at most 1000 a call; nothing is stored when one is invalid',
      tag: 'papers',
      admin: true,
      request: AddPapersRequest,
      responses: { 201: AddPapersResult, 400: ErrorBody, ...admin, 404: ErrorBody, 413: ErrorBody },
    },
    { method: 'delete', path: '/v1/calls/:id/papers', summary: 'Remove every paper of a call', tag: 'papers', admin: true, responses: { 200: Removed.extend({ total: z.number().int() }), ...admin, 404: ErrorBody } },
    { method: 'delete', path: '/v1/calls/:id/papers/:paperId', summary: 'Remove one paper of a call', tag: 'papers', admin: true, responses: { 204: undefined, ...admin, 404: ErrorBody } },
    {
      method: 'post',
      path: '/v1/triage/feedback',
      summary: "An editor's decision (in or out of scope) on a submission this server triaged for the call (its result's feedback_key); stores the vector and the label, the text only with keep_text",
      tag: 'feedback',
      admin: true,
      request: FeedbackRequest,
      responses: { 201: FeedbackResult, 400: ErrorBody, ...admin, 404: ErrorBody },
    },
    { method: 'get', path: '/v1/triage/feedback/:callId', summary: "A call's recorded decisions (no vectors)", tag: 'feedback', admin: true, responses: { 200: FeedbackList, ...admin, 404: ErrorBody } },
    { method: 'delete', path: '/v1/triage/feedback/:callId', summary: "Delete every decision of a call", tag: 'feedback', admin: true, responses: { 200: Removed, ...admin, 404: ErrorBody } },
    { method: 'delete', path: '/v1/triage/feedback/:callId/:id', summary: 'Delete one decision', tag: 'feedback', admin: true, responses: { 204: undefined, ...admin, 404: ErrorBody } },
  ];
}
