/**
 * The author/editor pages and their two assets. Everything is a string from
 * a module, so the Node server and the Worker serve the same bytes and
 * nothing loads from another origin.
 */
import { Hono, type Context } from 'hono';
import { APP_JS, pageHtml } from './assets.js';
import { APP_CSS } from './styles.js';

/** Paths that serve the HTML page rather than an API response. */
export const PAGE_PATHS = ['/', '/editor', '/calls', '/calls/:id', '/assets/app.js', '/assets/app.css'] as const;

const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/**
 * @example
 * app.route('/', webRoutes());
 */
export function webRoutes(): Hono {
  const r = new Hono();
  const html = pageHtml('cfpmatch: find a special issue for your draft');
  const page = (c: Context) => {
    c.header('Content-Security-Policy', CSP);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    return c.html(html);
  };
  for (const p of ['/', '/editor', '/calls', '/calls/:id'] as const) r.get(p, (c) => page(c));
  r.get('/assets/app.js', (c) => c.body(APP_JS, 200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache' }));
  r.get('/assets/app.css', (c) => c.body(APP_CSS, 200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'no-cache' }));
  return r;
}
