/**
 * The ranked list first, the evidence after: `POST /v1/rank` with `Accept: application/x-ndjson`
 * answers with newline-delimited JSON as soon as the draft's whole text is embedded and scored,
 * before its sentences are embedded for the matched topics (about half of a request's embedding).
 *
 * 1. `{"part":"ranking","ranking":RankResponse}` with every `matched_topics` empty;
 * 2. `{"part":"evidence","results":[{"call_id","matched_topics"}],"timing_ms":{...}}` in the order of the ranking;
 *    or, if the evidence fails, `{"part":"error","error":{"code","message"}}`.
 *
 * A failure before the first line is an ordinary error response (status and JSON body).
 */
import type { Context } from 'hono';
import { stream } from 'hono/streaming';
import type { Matcher, ScoredDraft } from '../core/matcher.js';
import { round } from '../core/rank/evidence.js';
import { shownTopics } from '../core/rank/ranking.js';
import type { RankResponse } from '../core/schema.js';
import { toCfpError } from './errors.js';

export const NDJSON = 'application/x-ndjson';

/** Whether the client asked for the streamed form. */
export const wantsStream = (c: Context): boolean => (c.req.header('accept') ?? '').toLowerCase().includes(NDJSON);

/** The evidence line for a ranking already sent. */
export async function evidencePart(matcher: Matcher, sd: ScoredDraft, ranking: RankResponse, startedAt: number): Promise<object> {
  const ids = ranking.results.map((r) => r.call_id);
  const evidence = await sd.evidence(ids);
  // The same probabilities the ranking line showed (scored once, kept in the ScoredDraft).
  const probability = new Map((await sd.scoreAll(ids)).map((s) => [s.callId, s.probability]));
  return {
    part: 'evidence',
    results: ids.map((call_id, i) => ({ call_id, ...shownTopics(evidence[i] ?? [], probability.get(call_id) ?? 0, matcher.params) })),
    timing_ms: { embed: round(sd.timing.embed, 1), search: round(sd.timing.search, 1), total: round(performance.now() - startedAt, 1) },
  };
}

/**
 * @example
 * if (wantsStream(c)) return streamRanking(c, matcher, sd, ranking, t0);
 */
export function streamRanking(c: Context, matcher: Matcher, sd: ScoredDraft, ranking: RankResponse, startedAt: number): Response {
  c.header('content-type', `${NDJSON}; charset=utf-8`);
  // Proxies must pass each line on as it comes.
  c.header('cache-control', 'no-store');
  c.header('x-accel-buffering', 'no');
  return stream(c, async (s) => {
    await s.write(`${JSON.stringify({ part: 'ranking', ranking })}\n`);
    let tail: object;
    try {
      tail = await evidencePart(matcher, sd, ranking, startedAt);
    } catch (err) {
      tail = { part: 'error', ...toCfpError(err).toJSON() };
    }
    await s.write(`${JSON.stringify(tail)}\n`);
  });
}
