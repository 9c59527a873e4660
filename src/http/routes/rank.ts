import { Hono } from 'hono';
import { explainRanking } from '../../core/explain/explain-ranking.js';
import type { Explainer } from '../../core/explain/explainer.js';
import type { Matcher } from '../../core/matcher.js';
import { RankRequest } from '../../core/schema.js';
import { parseOrThrow } from '../../core/validate.js';
import { readJson } from '../body.js';

/**
 * `POST /v1/rank`: rank the calls for one draft. With `explain: true` the
 * top 3 results also get LLM explanations (`explanations`); the ranking is
 * computed first and returned unchanged, and an LLM failure becomes
 * `explanation_error` rather than a failed request.
 */
export function rankRoutes(matcher: Matcher, explainer?: Explainer): Hono {
  const r = new Hono();
  r.post('/rank', async (c) => {
    const req = parseOrThrow(RankRequest.strict(), await readJson(c), 'request');
    const ranking = await matcher.rank(req);
    if (!req.explain) return c.json(ranking);
    const draft = { title: req.title, abstract: req.abstract, keywords: req.keywords };
    return c.json(await explainRanking(explainer, matcher, draft, ranking));
  });
  return r;
}
