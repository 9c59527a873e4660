import { Hono, type MiddlewareHandler } from 'hono';
import { createError } from '../../core/errors.js';
import type { Matcher } from '../../core/matcher.js';
import { parsePapersJsonl } from '../../core/papers/jsonl.js';
import { addPapers, listPapers, removePapers } from '../../core/papers/ops.js';
import { AddPapersRequest, type ValidExemplarInput } from '../../core/papers/schema.js';
import { parseOrThrow } from '../../core/validate.js';
import { readJson } from '../body.js';

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A call's exemplar papers: `GET /v1/calls/:id/papers`; admin-only `POST` (JSON `{ papers: [...] }`,
 * or JSON Lines with `Content-Type: application/x-ndjson`), `DELETE /v1/calls/:id/papers/:paperId`
 * and `DELETE /v1/calls/:id/papers` (all of them). Every paper is validated before any is stored.
 *
 * @example
 * app.route('/v1', paperRoutes(matcher, requireAdmin(adminToken), onChange));
 * // POST /v1/calls/x/papers {"papers":[{"title":"T","abstract":"A","doi":"10.1000/1"}]} -> 201 {"added":1,...}
 */
export function paperRoutes(matcher: Matcher, admin: MiddlewareHandler, onChange: () => void): Hono {
  const r = new Hono();
  r.get('/calls/:id/papers', (c) => c.json(listPapers(matcher, c.req.param('id'))));
  r.post('/calls/:id/papers', admin, async (c) => {
    const id = c.req.param('id');
    // Unknown call first: a 404 should not depend on whether the body was valid.
    matcher.getCall(id);
    const papers = await readPapers(c.req.header('content-type') ?? '', () => c.req.arrayBuffer(), () => readJson(c));
    const result = await addPapers(matcher, id, papers, 'manual');
    if (result.added) onChange();
    return c.json(result, 201);
  });
  r.delete('/calls/:id/papers/:paperId', admin, async (c) => {
    await removePapers(matcher, c.req.param('id'), [c.req.param('paperId')]);
    onChange();
    return c.body(null, 204);
  });
  r.delete('/calls/:id/papers', admin, async (c) => {
    const result = await removePapers(matcher, c.req.param('id'));
    if (result.removed) onChange();
    return c.json(result);
  });
  return r;
}

async function readPapers(type: string, bytes: () => Promise<ArrayBuffer>, json: () => Promise<unknown>): Promise<ValidExemplarInput[]> {
  if (/application\/(x-)?ndjson|application\/jsonl/i.test(type)) {
    let text: string;
    try {
      text = UTF8.decode(await bytes());
    } catch {
      throw createError('BAD_JSON', 'the request body is not valid UTF-8');
    }
    return parsePapersJsonl(text, 'body');
  }
  return parseOrThrow(AddPapersRequest, await json(), 'papers').papers;
}
