import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { createError } from '../../core/errors.js';
import { createFeedbackKeys, type FeedbackKeys } from '../../core/feedback/key.js';
import { deleteFeedback, listFeedback, recordFeedback } from '../../core/feedback/ops.js';
import { FeedbackRequest } from '../../core/feedback/schema.js';
import type { Matcher } from '../../core/matcher.js';
import type { FeedbackStore } from '../../core/ports.js';
import { parseOrThrow } from '../../core/validate.js';
import { timingSafeEqual } from '../auth.js';
import { readJson } from '../body.js';

/** What the triage route needs from feedback: the store and the keys, when both the store and an admin token are configured. */
export interface FeedbackDeps {
  store: FeedbackStore;
  keys: () => Promise<FeedbackKeys>;
}

/**
 * Feedback is on when the server has a decision store and an admin token (the keys derive from it).
 *
 * @example
 * const feedback = feedbackDeps(store, adminToken);
 */
export function feedbackDeps(store: FeedbackStore | undefined, adminToken: string | undefined): FeedbackDeps | undefined {
  if (!store || !adminToken) return undefined;
  let keys: Promise<FeedbackKeys> | undefined;
  return { store, keys: () => (keys ??= createFeedbackKeys(adminToken)) };
}

/**
 * Whether a request is an editor's (a valid admin bearer token). No header, or no ADMIN_TOKEN on the
 * server: false; a wrong token is a 401/403 like on any admin route, so a typo never silently drops
 * the editors' adjustment.
 */
export function isEditor(c: Context, adminToken: string | undefined): boolean {
  const header = c.req.header('authorization');
  if (header === undefined || !adminToken) return false;
  const m = /^Bearer\s+(.+)$/i.exec(header);
  if (!m) throw createError('UNAUTHORIZED', 'malformed Authorization header (Authorization: Bearer <ADMIN_TOKEN>)');
  if (!timingSafeEqual(m[1] ?? '', adminToken)) throw createError('FORBIDDEN', 'invalid token');
  return true;
}

/**
 * Editors' triage decisions, all admin-only: `POST /v1/triage/feedback` records one (for a
 * submission this server triaged, proven by the `feedback_key` of its result), `GET
 * /v1/triage/feedback/:callId` lists a call's decisions (no vectors), `DELETE
 * /v1/triage/feedback/:callId/:id` deletes one and `DELETE /v1/triage/feedback/:callId` all.
 *
 * @example
 * app.route('/v1', feedbackRoutes(matcher, requireAdmin(adminToken), feedbackDeps(store, adminToken)));
 */
export function feedbackRoutes(matcher: Matcher, admin: MiddlewareHandler, feedback: FeedbackDeps | undefined): Hono {
  const r = new Hono();
  const on = (): FeedbackDeps => {
    if (!feedback) throw createError('DISABLED', 'editor feedback is not configured on this server (it needs a feedback store and ADMIN_TOKEN)');
    return feedback;
  };
  r.post('/triage/feedback', admin, async (c) => {
    const fb = on();
    const req = parseOrThrow(FeedbackRequest, await readJson(c), 'feedback');
    return c.json(await recordFeedback(matcher, fb.store, await fb.keys(), req), 201);
  });
  r.get('/triage/feedback/:callId', admin, async (c) => c.json(await listFeedback(matcher, on().store, c.req.param('callId'))));
  r.delete('/triage/feedback/:callId/:id', admin, async (c) => {
    await deleteFeedback(matcher, on().store, c.req.param('callId'), c.req.param('id'));
    return c.body(null, 204);
  });
  r.delete('/triage/feedback/:callId', admin, async (c) => c.json(await deleteFeedback(matcher, on().store, c.req.param('callId'))));
  return r;
}
