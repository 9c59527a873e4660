/**
 * `npm start` runs this first: build dist/ only when it is missing or older than what it is built
 * from (src/, the tsconfig files, package.json). Building every time made a restart take ~23 s of
 * tsc before the server's own 0.1 s index load.
 *
 * The build here is transpile-only (esbuild, one output file per source file, the same layout as
 * `npm run build`): a fresh clone's first `npm start` spent 45 s (quiet machine) to over 2 min
 * (loaded) in `tsc`, most of it type-checking, which `npm test` does anyway. Types are not checked
 * here; `npm run build` (tsc) still writes the same dist/ and is what the tests use.
 *
 * Options (for the test that checks this build against tsc's): `--outdir <dir>` (default dist; one
 * level below the repository root, as data/ is imported relative to it) and `--force`.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { build } from 'esbuild';

const root = join(import.meta.dirname, '..');
const args = process.argv.slice(2);
const at = args.indexOf('--outdir');
const outdir = join(root, at >= 0 && args[at + 1] ? args[at + 1] : 'dist');
const force = args.includes('--force');

function newest(path) {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

/** The files tsconfig.build.json compiles: src/**\/*.ts but tests, declarations and the Workers-only code. */
function sources(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    const rel = relative(join(root, 'src'), path).split(sep).join('/');
    if (e.isDirectory()) return rel === 'adapters/workers' ? [] : sources(path);
    const skip = !e.name.endsWith('.ts') || e.name.endsWith('.test.ts') || e.name.endsWith('.d.ts') || rel === 'entry/worker.ts';
    return skip ? [] : [path];
  });
}

let built = 0;
try {
  // Both builds emit every file, so one always-emitted file dates the whole build.
  built = statSync(join(outdir, 'entry/node.js')).mtimeMs;
} catch {
  /* not built yet */
}
const inputs = Math.max(...['src', 'scripts/build-client.mjs', 'scripts/build-if-stale.mjs', 'tsconfig.json', 'tsconfig.build.json', 'package.json'].map((p) => newest(join(root, p))));
if (force || built < inputs) {
  const t0 = performance.now();
  console.error(built === 0 ? 'building dist/ (first start)' : 'sources changed since the last build: building dist/');
  execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build:client', '--silent'], { cwd: root, stdio: 'inherit' });
  await build({
    entryPoints: sources(join(root, 'src')),
    outdir,
    outbase: join(root, 'src'),
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // node 20.10+ reads `with { type: 'json' }`; esbuild's node20 table predates it and would drop it.
    supported: { 'import-attributes': true },
    sourcemap: true,
    logLevel: 'warning',
  });
  console.error(`built ${relative(root, outdir)}/ in ${((performance.now() - t0) / 1000).toFixed(1)} s (transpile only; npm test type-checks)`);
}
