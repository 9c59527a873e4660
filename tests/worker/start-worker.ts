/**
 * Builds the Worker with `wrangler deploy --dry-run` (the bundle that would be
 * uploaded) and runs that bundle in workerd through Miniflare, with a local D1
 * and the in-memory AI and Vectorize bindings from ./bindings loaded as
 * wrapped bindings, so `env.AI` and `env.VECTORIZE` are objects with the real
 * method shapes.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Miniflare } from 'miniflare';
import ts from 'typescript';
import type { D1Like } from '../../src/adapters/workers/bindings.js';
import { d1SqlWorker } from './d1-over-fetch.js';

export const ROOT = join(import.meta.dirname, '../..');
export const ADMIN_TOKEN = 'worker-test-admin';

export interface Bundle {
  path: string;
  bytes: number;
  code: string;
}

/** `wrangler deploy --dry-run --outdir <dir>`: fails the test if wrangler cannot bundle the Worker. */
export async function buildWorker(outdir = join(ROOT, 'tests/.tmp/worker-bundle')): Promise<Bundle> {
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  await promisify(execFile)(process.execPath, [join(ROOT, 'node_modules/wrangler/bin/wrangler.js'), 'deploy', '--dry-run', '--outdir', outdir], {
    cwd: ROOT,
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', NO_COLOR: '1', CI: '1' },
    timeout: 90_000,
  });
  const path = join(outdir, 'worker.js');
  return { path, bytes: statSync(path).size, code: readFileSync(path, 'utf8') };
}

/** A self-contained TypeScript module as JavaScript for workerd. */
function transpile(file: string): string {
  const source = readFileSync(join(import.meta.dirname, 'bindings', file), 'utf8');
  return ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 } }).outputText;
}

function bindingWorker(name: string, file: string) {
  return { name, modules: [{ type: 'ESModule' as const, path: `${name}.js`, contents: transpile(file) }] }; // wrapped bindings take the host worker's compatibility date
}

/** Start the bundle in workerd. `VERSION_RECHECK_MS: 0` so writes made behind the Worker's back show on the next request. */
export function startWorker(bundle: Bundle): Miniflare {
  return new Miniflare({
    workers: [
      {
        name: 'cfpmatch',
        modules: true,
        scriptPath: bundle.path,
        // wrangler.toml's [[rules]]: the reference population is a text module beside the bundle.
        modulesRules: [{ type: 'Text', include: ['**/*.jsonl'] }],
        compatibilityDate: '2026-04-20',
        d1Databases: { DB: 'cfpmatch-test' },
        wrappedBindings: { AI: 'fake-ai', VECTORIZE: 'fake-vectorize' },
        // The fake AI's hashed bag-of-words cosines run lower than a sentence encoder's.
        bindings: { ADMIN_TOKEN, LOG_LEVEL: 'silent', VERSION_RECHECK_MS: '0', TOPIC_THRESHOLD: '0.3' },
      },
      bindingWorker('fake-ai', 'fake-ai.ts'),
      bindingWorker('fake-vectorize', 'fake-vectorize.ts'),
      // The tests' own handle on the same D1 (d1OverFetch), asynchronous unlike mf.getD1Database().
      d1SqlWorker('cfpmatch-test'),
    ],
  });
}

/** Apply the D1 migrations the way `wrangler d1 migrations apply` would, statement by statement. */
export async function migrate(db: D1Like): Promise<void> {
  const dir = join(ROOT, 'src/adapters/workers/migrations');
  for (const file of readdirSync(dir).filter((n) => n.endsWith('.sql')).sort()) {
    const sql = readFileSync(join(dir, file), 'utf8')
      .split('\n')
      .filter((l) => !l.trim().startsWith('--'))
      .join('\n');
    for (const stmt of sql.split(';').map((s) => s.trim()).filter(Boolean)) await db.prepare(stmt).run();
  }
}
