import { Hono } from 'hono';
import { feedbackModelFor } from '../../core/feedback/ops.js';
import type { Matcher } from '../../core/matcher.js';
import { TriageRequest } from '../../core/schema.js';
import { triageSubmissions, type TriageOptions } from '../../core/triage/triage.js';
import { parseOrThrow } from '../../core/validate.js';
import { readJson } from '../body.js';
import { requestSignal } from '../deadline.js';
import { isEditor, type FeedbackDeps } from './feedback.js';

/**
 * `POST /v1/triage`: in-scope verdicts for 1..500 submissions to one call (validated here, once).
 * With the admin token (an editor) and feedback configured, the call's recorded decisions adjust
 * the verdicts and each result carries the `feedback_key` a decision on it needs; without it, the
 * plain verdicts: editors' decisions never reach anyone else.
 *
 * @example
 * app.route('/v1', triageRoutes(matcher));
 * // POST /v1/triage {"call_id":"x","submissions":[{"title":"T","abstract":"A"}]} -> {"results":[{"verdict":"in_scope",...}]}
 */
export function triageRoutes(matcher: Matcher, opts: TriageOptions = {}, editor?: { adminToken: string | undefined; feedback: FeedbackDeps | undefined }): Hono {
  const r = new Hono();
  r.post('/triage', async (c) => {
    const fb = editor && isEditor(c, editor.adminToken) ? editor.feedback : undefined;
    const req = parseOrThrow(TriageRequest, await readJson(c), 'triage request');
    // The signal stops the loop between submissions once the deadline has answered or the client has gone.
    const signal = requestSignal(c);
    if (!fb) return c.json(await triageSubmissions(matcher, req, { ...opts, signal }));
    matcher.getCall(req.call_id);
    const model = await feedbackModelFor(fb.store, req.call_id, matcher.embedder.id);
    const res = await triageSubmissions(matcher, req, { ...opts, signal, ...(model ? { feedback: model } : {}) });
    const keys = await fb.keys();
    const results = await Promise.all(res.results.map(async (x, i) => ({ ...x, feedback_key: await keys.keyFor(req.call_id, req.submissions[i] ?? { title: '', abstract: '', keywords: [] }) })));
    return c.json({ ...res, results });
  });
  return r;
}
