import { Hono } from 'hono';
import { z } from 'zod';
import { atomFeed } from '../../core/catalogue/atom.js';
import type { Matcher } from '../../core/matcher.js';
import { todayIso } from '../../core/rank/deadline.js';
import { parseOrThrow } from '../../core/validate.js';

const CallsFeedQuery = z
  .object({ publisher: z.string().min(1).max(200).optional(), limit: z.coerce.number().int().min(1).max(500).default(100) })
  .strict();

const MatchFeedQuery = z
  .object({
    q: z.string().trim().min(3, 'q must be a few words (keywords or a title)').max(1_000),
    min_fit: z.coerce.number().min(0).max(100).default(50),
    open_only: z.enum(['0', '1', 'true', 'false']).default('1'),
    limit: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();

const ATOM = { 'content-type': 'application/atom+xml; charset=utf-8', 'cache-control': 'public, max-age=300' };

/**
 * Atom feeds. `GET /feeds/calls.xml[?publisher=]`: calls newest-changed first (new, updated,
 * extended, withdrawn). `GET /v1/feeds/match.xml?q=<keywords>`: a saved query, kept in the feed
 * URL a reader polls; calls whose fit is at least `min_fit` (default 50), open ones only unless
 * `open_only=0`. It embeds the query on every poll, so it lives under /v1 with its rate limit.
 */
export function feedRoutes(matcher: Matcher): { public: Hono; api: Hono } {
  const pub = new Hono();
  pub.get('/feeds/calls.xml', (c) => {
    const q = parseOrThrow(CallsFeedQuery, c.req.query(), 'feed query');
    const want = q.publisher?.toLowerCase();
    const calls = matcher.listCalls().filter((call) => !want || (call.publisher ?? '').toLowerCase().includes(want) || (call.venue ?? '').toLowerCase().includes(want));
    const url = new URL(c.req.url);
    const xml = atomFeed(calls, { selfUrl: url.href, baseUrl: url.origin, title: `cfpmatch: calls for papers${q.publisher ? ` (${q.publisher})` : ''}`, today: todayIso(), limit: q.limit });
    return c.body(xml, 200, ATOM);
  });
  const api = new Hono();
  api.get('/feeds/match.xml', async (c) => {
    const q = parseOrThrow(MatchFeedQuery, c.req.query(), 'feed query');
    const open = q.open_only === '1' || q.open_only === 'true';
    const ranking = await matcher.rank({ title: '', abstract: q.q, top_k: q.limit, open_only: open });
    const fits = new Map(ranking.results.filter((r) => r.fit >= q.min_fit).map((r) => [r.call_id, r.fit]));
    const calls = [...fits.keys()].map((id) => matcher.getCall(id));
    const url = new URL(c.req.url);
    const xml = atomFeed(calls, { selfUrl: url.href, baseUrl: url.origin, title: `cfpmatch: calls matching "${q.q.slice(0, 80)}"`, today: ranking.as_of, note: (call) => `Fit ${fits.get(call.id) ?? 0}/100` });
    return c.body(xml, 200, ATOM);
  });
  return { public: pub, api };
}
