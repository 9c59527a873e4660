/** Sending a server-rendered page: one strict CSP for every page, and downloads for exports. */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { layout, type PageName } from './views/layout.js';
import type { Html } from './views/html.js';

/** Scripts and styles from this origin only; no inline script or style; forms post here only. */
export const PAGE_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/**
 * @example
 * return sendPage(c, 'Calls · cfpmatch', 'calls', body);
 */
export function sendPage(c: Context, title: string, page: PageName, body: Html, status: ContentfulStatusCode = 200): Response {
  c.header('Content-Security-Policy', PAGE_CSP);
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('Referrer-Policy', 'no-referrer');
  // Pages can hold a draft the user posted: never cache them.
  c.header('Cache-Control', 'no-store');
  return c.html(String(layout({ title, page, body })), status);
}

/**
 * An export as a file download.
 *
 * @example
 * return sendDownload(c, csv, 'cfpmatch-calls.csv', 'text/csv; charset=utf-8');
 */
export function sendDownload(c: Context, body: string, name: string, type: string): Response {
  c.header('Content-Disposition', `attachment; filename="${name}"`);
  c.header('Cache-Control', 'no-store');
  c.header('X-Content-Type-Options', 'nosniff');
  return c.body(body, 200, { 'content-type': type });
}
