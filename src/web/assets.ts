/**
 * The page's script, built from the typed client functions' own source
 * text. The functions are type-checked TypeScript; at run time their
 * compiled JavaScript is what `Function.prototype.toString` returns, in Node
 * (tsc output) and in the Worker bundle alike, so there is no separate
 * client build and no file to find on disk.
 */
import { authorView } from './client-author.js';
import { callView } from './client-calls.js';
import { editorView } from './client-editor.js';
import { clientHelpers } from './client-helpers.js';
import { parseSubmissions } from './client-parse.js';
import { clientRouter } from './client-router.js';

/**
 * The browser script. `__name` is defined because bundlers that keep
 * function names (esbuild `keepNames`, used by wrangler) insert calls to it.
 *
 * @example
 * new Response(APP_JS, { headers: { 'content-type': 'text/javascript' } });
 */
export const APP_JS = `"use strict";
var __name = function (f) { return f; };
(function () {
  var views = {
    authorView: (${authorView.toString()}),
    callView: (${callView.toString()}),
    editorView: (${editorView.toString()}),
    parseSubmissions: (${parseSubmissions.toString()})
  };
  (${clientRouter.toString()})((${clientHelpers.toString()})(), views);
})();
`;

/**
 * The HTML shell shared by every page; the script fills `#app`.
 *
 * @example
 * pageHtml('cfpmatch') // '<!doctype html>...'
 */
export function pageHtml(title: string): string {
  const esc = title.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/assets/app.css">
<script src="/assets/app.js" defer></script>
</head>
<body>
<a class="skip" href="#app">Skip to content</a>
<header>
<nav aria-label="Main"><ul>
<li><a href="/"><strong>cfpmatch</strong> · Authors</a></li>
<li><a href="/editor">Editors</a></li>
<li><a href="/calls">Calls</a></li>
<li><a href="/docs">API</a></li>
</ul></nav>
</header>
<main id="app" tabindex="-1"><p>Loading…</p><noscript><p>This page needs JavaScript. The API is documented at <a href="/docs">/docs</a>.</p></noscript></main>
</body>
</html>
`;
}
