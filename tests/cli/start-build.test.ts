/**
 * `npm start` builds dist/ with esbuild, transpile only (scripts/build-if-stale.mjs), because tsc's
 * type-check made a fresh clone's first start take 45 s to minutes. That build must give the same
 * program as `npm run build`: the same files, and the same answers from the real binary.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT } from '../fixtures/ensure-built.js';

const OUT = 'dist-start';
let dataDir = '';

function jsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.js'))
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

function srcFiles(): string[] {
  // Files tsc emits for the current sources (dist/ may also hold leftovers of deleted sources).
  return readdirSync(join(ROOT, 'src'), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && !e.name.endsWith('.d.ts'))
    .map((e) => relative(join(ROOT, 'src'), join(e.parentPath, e.name)).replace(/\.ts$/, '.js'))
    .filter((f) => !f.startsWith('adapters/workers/') && f !== 'entry/worker.js')
    .sort();
}

function addDryRun(distDir: string): { status: number | null; out: unknown } {
  const cfp = join(ROOT, 'data/calls/ieee-network-lam-ioe.txt');
  const r = spawnSync(process.execPath, [join(ROOT, distDir, 'cli/main.js'), 'calls', 'add', cfp, '--dry-run', '--json'], {
    env: { ...process.env, DATA_DIR: dataDir, EMBEDDER: 'use-lite' },
    encoding: 'utf8',
  });
  return { status: r.status, out: r.status === 0 ? JSON.parse(r.stdout) : r.stderr };
}

beforeAll(() => {
  ensureBuilt();
  dataDir = mkdtempSync(join(tmpdir(), 'cfpmatch-start-build-'));
  execFileSync(process.execPath, ['scripts/build-if-stale.mjs', '--outdir', OUT, '--force'], { cwd: ROOT, stdio: 'pipe' });
}, 120_000);

afterAll(() => {
  rmSync(join(ROOT, OUT), { recursive: true, force: true });
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('the start build (esbuild, transpile only)', () => {
  it('emits exactly the files tsc compiles', () => {
    const emitted = jsFiles(join(ROOT, OUT));
    expect(emitted).toEqual(srcFiles());
    expect(emitted).toContain('entry/node.js');
    for (const f of srcFiles()) expect(jsFiles(join(ROOT, 'dist')), f).toContain(f);
  });

  it('runs the real binary with the same answer as the tsc build, through the JSON the parser imports', () => {
    const viaStart = addDryRun(OUT);
    const viaTsc = addDryRun('dist');
    expect(viaStart.status, JSON.stringify(viaStart.out)).toBe(0);
    expect(viaStart.out).toEqual(viaTsc.out);
    expect(JSON.stringify(viaStart.out)).toContain('Large AI Models');
  });

  it('skips the build when the output is newer than the sources', () => {
    const r = spawnSync(process.execPath, ['scripts/build-if-stale.mjs', '--outdir', OUT], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stderr).not.toContain('building');
  });
});
