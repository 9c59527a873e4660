import { Hono } from 'hono';
import { explainRanking } from '../../core/explain/explain-ranking.js';
import type { Explainer } from '../../core/explain/explainer.js';
import type { Matcher } from '../../core/matcher.js';
import { RankRequest } from '../../core/schema.js';
import { parseOrThrow } from '../../core/validate.js';
import { readJson } from '../body.js';

/**
 * `POST /v1/rank`: rank the calls for one draft. The body is validated here, once. With
 * `explain: true` the top 3 results also get LLM explanations (`explanations`) from the same
 * scored draft; the ranking is computed first and returned unchanged, and an LLM failure becomes
 * `explanation_error` rather than a failed request.
 */
export function rankRoutes(matcher: Matcher, explainer?: Explainer): Hono {
  const r = new Hono();
  r.post('/rank', async (c) => {
    const req = parseOrThrow(RankRequest.strict(), await readJson(c), 'request');
    const t0 = performance.now();
    const sd = await matcher.scoreDraft(req);
    const ranking = await matcher.rankScored(sd, req, t0);
    if (!req.explain) return c.json(ranking);
    return c.json(await explainRanking(explainer, matcher, sd, ranking));
  });
  return r;
}
