/**
 * The layering's "nevers" (docs/architecture.md) are lint rules; these cases check each rule
 * fires on a forbidden import and stays quiet on an allowed one, so a rule that silently stops
 * matching (a renamed folder, a glob typo) fails here instead of letting the layers mix.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: new URL('../..', import.meta.url).pathname });

async function restricted(filePath: string, code: string): Promise<boolean> {
  const [result] = await eslint.lintText(`${code}\nexport const x = y;\n`, { filePath });
  return (result?.messages ?? []).some((m) => m.ruleId === 'no-restricted-imports');
}

const FORBIDDEN: Array<[string, string, string]> = [
  ['core imports a Node module', 'src/core/rank/x.ts', "import { y } from 'node:fs';"],
  ['core imports an adapter', 'src/core/x.ts', "import { y } from '../adapters/node/hnsw-index.js';"],
  ['core imports http', 'src/core/rank/x.ts', "import { y } from '../../http/app.js';"],
  ['core imports an entry', 'src/core/x.ts', "import { y } from '../entry/node-runtime.js';"],
  ['core imports a native package', 'src/core/x.ts', "import { y } from 'hnswlib-node';"],
  ['http imports a Node adapter', 'src/http/routes/x.ts', "import { y } from '../../adapters/node/file-store.js';"],
  ['http imports a Node module', 'src/http/x.ts', "import { y } from 'node:path';"],
  ['web imports an entry', 'src/web/x.ts', "import { y } from '../entry/node-runtime.js';"],
  ['a Workers adapter imports a Node adapter', 'src/adapters/workers/x.ts', "import { y } from '../node/hnsw-index.js';"],
  ['a Workers adapter imports a Node module', 'src/adapters/workers/x.ts', "import { y } from 'node:crypto';"],
  ['a Workers adapter imports http', 'src/adapters/workers/x.ts', "import { y } from '../../http/app.js';"],
  ['the Worker entry imports a Node adapter', 'src/entry/worker.ts', "import { y } from '../adapters/node/file-store.js';"],
  ['the shared service imports the Node server', 'src/entry/service.ts', "import { y } from '@hono/node-server';"],
  ['a Node adapter imports the Worker adapters', 'src/adapters/node/x.ts', "import { y } from '../workers/d1-store.js';"],
  ['a Node adapter imports http', 'src/adapters/node/x.ts', "import { y } from '../../http/app.js';"],
  ['the CLI imports a Workers adapter', 'src/cli/x.ts', "import { y } from '../adapters/workers/d1-store.js';"],
];

const ALLOWED: Array<[string, string, string]> = [
  ['core imports core', 'src/core/rank/x.ts', "import { y } from '../corpus/corpus.js';"],
  ['http imports core', 'src/http/x.ts', "import { y } from '../core/matcher.js';"],
  ['a Node adapter imports a Node module', 'src/adapters/node/x.ts', "import { y } from 'node:fs';"],
  ['the Node entry imports a Node adapter', 'src/entry/node-runtime.ts', "import { y } from '../adapters/node/file-store.js';"],
  ['the Worker entry imports a Workers adapter', 'src/entry/worker.ts', "import { y } from '../adapters/workers/worker-runtime.js';"],
];

describe('layering lint rules', () => {
  it.each(FORBIDDEN)('forbid: %s', async (_what, file, code) => {
    expect(await restricted(file, code)).toBe(true);
  });
  it.each(ALLOWED)('allow: %s', async (_what, file, code) => {
    expect(await restricted(file, code)).toBe(false);
  });
});
