/**
 * A small server-side renderer of the OpenAPI document as one HTML page: no
 * scripts and no external assets, so it works offline and in the Worker.
 */
import { DOCS_CSS } from '../web/styles.js';

type Spec = { info: Record<string, string>; paths: Record<string, Record<string, Record<string, unknown>>> };

const esc = (s: string): string =>
  s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch);

/** Escaped text with Markdown `code` spans as <code> (summaries are written in Markdown). */
const inline = (s: string): string => esc(s).replace(/`([^`]+)`/g, '<code>$1</code>');

function schemaBlock(label: string, schema: unknown): string {
  if (schema === undefined) return '';
  return `<details><summary>${esc(label)}</summary><pre>${esc(JSON.stringify(schema, null, 2))}</pre></details>`;
}

function content(obj: unknown): unknown {
  const c = (obj as { content?: Record<string, { schema?: unknown }> } | undefined)?.content;
  return c?.['application/json']?.schema ?? c?.['multipart/form-data']?.schema;
}

/**
 * @example
 * renderDocsHtml(buildOpenApi()) // '<!doctype html>...'
 */
export function renderDocsHtml(spec: Spec): string {
  const ops: string[] = [];
  for (const [path, methods] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const id = `${method}-${path}`.replace(/[^A-Za-z0-9]+/g, '-');
      const responses = Object.entries((op.responses ?? {}) as Record<string, unknown>)
        .map(([status, r]) => `<li><code>${esc(status)}</code>${schemaBlock('response schema', content(r))}</li>`)
        .join('');
      ops.push(`<section class="op" id="${esc(id)}" aria-labelledby="${esc(id)}-h">
<h2 id="${esc(id)}-h"><span class="method method-${esc(method)}">${esc(method.toUpperCase())}</span> <code>${esc(path)}</code></h2>
<p>${inline(String(op.summary ?? ''))}${op.security ? ' <strong>(admin: Authorization: Bearer ADMIN_TOKEN)</strong>' : ''}</p>
${schemaBlock('request body schema', content(op.requestBody))}
<h3>Responses</h3><ul>${responses}</ul></section>`);
    }
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(spec.info.title ?? 'API')} API reference</title><style>${DOCS_CSS}</style></head>
<body><header><p><a href="/">&larr; cfpmatch</a> · <a href="/openapi.json">openapi.json</a></p>
<h1>${esc(spec.info.title ?? '')} API <small>${esc(spec.info.version ?? '')}</small></h1><p>${inline(spec.info.description ?? '')}</p></header>
<main>${ops.join('\n')}</main></body></html>`;
}
