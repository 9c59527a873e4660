import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { createError } from '../../core/errors.js';
import { explainOne, NOT_CONFIGURED, prepareExplain } from '../../core/explain/explain-ranking.js';
import { errorBody } from '../../core/explain/explain-ranking.js';
import type { Explainer } from '../../core/explain/explainer.js';
import { ExplainRequest } from '../../core/explain/schema.js';
import type { Matcher } from '../../core/matcher.js';
import { parseOrThrow } from '../../core/validate.js';
import { readJson } from '../body.js';

/**
 * `POST /v1/explain` `{ draft, call_id }`: an LLM explanation of one call's fit.
 * With `?stream=1` the answer is Server-Sent Events: `evidence`, `delta`
 * (raw model text, for progress), `retry`, then `explanation` or `error`, then `done`.
 * "No LLM configured" (503) is answered first, before the body is read or anything is embedded;
 * validation errors fail before the stream starts.
 */
export function explainRoutes(matcher: Matcher, explainer: Explainer | undefined): Hono {
  const r = new Hono();
  r.post('/explain', async (c) => {
    const req = parseOrThrow(ExplainRequest, await readJson(c), 'request');
    const stream = c.req.query('stream');
    if (stream !== '1' && stream !== 'true') return c.json(await explainOne(explainer, matcher, req));
    // No LLM: answer 503 before embedding anything.
    if (!explainer) throw createError('LLM_UNAVAILABLE', NOT_CONFIGURED);
    const { draft, evidence } = await prepareExplain(matcher, req);
    return streamSSE(c, async (sse) => {
      await sse.writeSSE({ event: 'evidence', data: JSON.stringify({ call_id: evidence.call.id, fit: evidence.fit, evidence }) });
      // Tokens arrive synchronously from callbacks; chain the writes so they keep their order.
      let writes = Promise.resolve();
      const write = (event: string, data: unknown) => {
        writes = writes.then(() => sse.writeSSE({ event, data: JSON.stringify(data) }));
      };
      try {
        const explanation = await explainer.explain(draft, evidence, {
          onToken: (text) => text && write('delta', { text }),
          onRetry: (info) => write('retry', info),
        });
        write('explanation', explanation);
      } catch (err) {
        write('error', { error: errorBody(err) });
      }
      write('done', {});
      await writes;
    });
  });
  return r;
}
