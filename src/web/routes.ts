/**
 * The pages, rendered on the server so they work without JavaScript (forms post, results come
 * back as HTML), and their two assets: the stylesheet and the typed client bundle that enhances
 * them (built by esbuild into generated/client-js.ts; `npm run build:client`). Everything is a
 * string from a module, so the Node server and the Worker serve the same bytes.
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { DraftFileReaders } from '../core/draft-file/index.js';
import type { Explainer } from '../core/explain/explainer.js';
import { silentLogger, type Logger } from '../core/log.js';
import type { Matcher } from '../core/matcher.js';
import { deadlineStatus } from '../core/rank/deadline.js';
import { filterWindowIssues } from '../core/rank/filters.js';
import { CallListQuery } from '../core/schema.js';
import { optionsFromFields } from '../http/form.js';
import { listCalls } from '../http/routes/calls.js';
import { toCfpError } from '../http/errors.js';
import { MAX_UPLOAD_BYTES, uploadTooLarge } from '../http/upload-limit.js';
import { authorRoutes } from './author-routes.js';
import { editorRoutes } from './editor-routes.js';
import { CLIENT_JS } from './generated/client-js.js';
import { sendPage } from './page.js';
import { parseEach } from './query.js';
import { APP_CSS } from './styles.js';
import { callPage, callsPage } from './views/calls-view.js';
import { html } from './views/html.js';

/** Paths that serve pages or page assets rather than the API (the OpenAPI test leaves them out). */
export const PAGE_PATHS = ['/', '/editor', '/calls', '/calls/:id', '/assets/app.js', '/assets/app.css'] as const;

export interface WebDeps {
  matcher: Matcher;
  draftReaders: DraftFileReaders;
  explainer?: Explainer | undefined;
  log?: Logger;
}

/**
 * @example
 * app.route('/', webRoutes({ matcher, draftReaders: nodeDraftReaders() }));
 */
export function webRoutes(deps: WebDeps): Hono {
  const r = new Hono();
  const log = deps.log ?? silentLogger;
  // Page posts carry a draft file or up to 500 submissions; the same limit as API uploads.
  r.use('*', async (c, next) => (c.req.method === 'POST' ? bodyLimit({ maxSize: MAX_UPLOAD_BYTES, onError: () => { throw uploadTooLarge(); } })(c, next) : next()));
  authorRoutes(r, { matcher: deps.matcher, draftReaders: deps.draftReaders, llm: deps.explainer !== undefined });
  editorRoutes(r, deps.matcher);
  r.get('/calls', (c) => {
    const url = new URL(c.req.url);
    // Each value on its own: a bad one is named on the page and the others still apply.
    const { values, issues } = parseEach(CallListQuery.shape, { ...optionsFromFields((k) => url.searchParams.getAll(k)), ...Object.fromEntries(['limit', 'offset', 'sort'].flatMap((k) => (url.searchParams.get(k) ? [[k, url.searchParams.get(k)]] : []))) });
    // An inverted deadline window matches nothing: say so beside the fields instead of listing no calls.
    issues.push(...filterWindowIssues(values));
    const q = CallListQuery.parse(values);
    const list = listCalls(deps.matcher.listCalls(), q, q.as_of ?? deps.matcher.today());
    return sendPage(c, 'Calls for papers · cfpmatch', 'calls', callsPage(list, q, issues), issues.length ? 400 : 200);
  });
  r.get('/calls/:id', (c) => {
    const id = c.req.param('id');
    const call = deps.matcher.listCalls().find((x) => x.id === id);
    if (!call) return sendPage(c, 'Call not found · cfpmatch', 'call', html`<h1>Call not found</h1><p>No call has the id <code>${id}</code>. <a href="/calls">See all calls</a>.</p>`, 404);
    const { source_text: _s, ...shown } = call;
    return sendPage(c, `${call.title} · cfpmatch`, 'call', callPage(shown, deadlineStatus(call, deps.matcher.today())));
  });
  r.get('/assets/app.js', (c) => c.body(CLIENT_JS, 200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache' }));
  r.get('/assets/app.css', (c) => c.body(APP_CSS, 200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'no-cache' }));
  // Errors on a page answer as a page (the API's routes answer JSON).
  r.onError((err, c) => {
    const e = toCfpError(err);
    if (e.code === 'INTERNAL') log('http.error', { code: e.code, path: c.req.path, cause: e.cause instanceof Error ? e.cause.name : undefined });
    const status = (e.status >= 400 && e.status <= 599 ? e.status : 500) as 400;
    return sendPage(c, 'Error · cfpmatch', 'error', html`<h1>Something went wrong</h1><div class="error" role="alert"><p><strong>${e.code}</strong>: ${e.message}</p></div><p><a href="${c.req.path}">Back</a></p>`, status);
  });
  return r;
}
