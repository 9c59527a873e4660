/**
 * Entry of the browser script: asks the server whether an LLM is
 * configured, then renders the view for the current path. Shipped to the
 * browser as source text; the views arrive as parameters.
 */
import type { Helpers } from './client-helpers.js';
import type { authorView as AuthorFn } from './client-author.js';
import type { callView as CallFn } from './client-calls.js';
import type { editorView as EditorFn } from './client-editor.js';
import type { parseSubmissions as ParseFn } from './client-parse.js';

/**
 * @example
 * clientRouter(clientHelpers(), { authorView, callView, editorView, parseSubmissions });
 */
export async function clientRouter(
  h: Helpers,
  v: { authorView: typeof AuthorFn; callView: typeof CallFn; editorView: typeof EditorFn; parseSubmissions: typeof ParseFn },
): Promise<void> {
  const root = document.getElementById('app');
  if (!root) return;
  const path = location.pathname.replace(/\/+$/, '') || '/';
  for (const a of Array.from(document.querySelectorAll('nav a'))) {
    const href = a.getAttribute('href') ?? '';
    if (href === path || (href !== '/' && path.startsWith(href))) a.setAttribute('aria-current', 'page');
  }
  if (path === '/editor') return v.editorView(h, root, v.parseSubmissions);
  const call = /^\/calls(?:\/([^/]+))?$/.exec(path);
  if (call) return v.callView(h, root, call[1] ? decodeURIComponent(call[1]) : null);
  // The Explain action appears only when the server says an LLM is configured.
  const health = await h.api('GET', '/healthz');
  const llm = (health.data as { llm?: unknown } | null)?.llm;
  const configured = llm === true || (typeof llm === 'object' && llm !== null && (llm as { configured?: unknown }).configured === true);
  v.authorView(h, root, configured);
}
