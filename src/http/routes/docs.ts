import { Hono } from 'hono';
import { renderDocsHtml } from '../docs-html.js';
import { buildOpenApi, type RouteDoc } from '../openapi.js';

/**
 * `GET /openapi.json` and `GET /docs`. The spec is built once per app.
 *
 * @example
 * app.route('/', docsRoutes());
 */
export function docsRoutes(extra: readonly RouteDoc[] = []): Hono {
  const r = new Hono();
  const spec = buildOpenApi(extra);
  const html = renderDocsHtml(spec);
  r.get('/openapi.json', (c) => c.json(spec));
  r.get('/docs', (c) => {
    c.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'");
    return c.html(html);
  });
  return r;
}
