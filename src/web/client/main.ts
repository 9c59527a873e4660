/**
 * The page bundle's entry (esbuild: src/web/client/main.ts -> generated/client-js.ts). Every page
 * works without it; this adds what needs a script, per page.
 */
import { enhanceAuthor } from './author.js';
import { enhanceEditor } from './editor.js';

const page = document.body.dataset.page;
if (page === 'author') enhanceAuthor();
else if (page === 'editor') enhanceEditor();
