/**
 * `cfpmatch calls import|refresh` with the real binary against the local fixture site: import a
 * listing, refresh twice (the second fetches and embeds nothing), an extended deadline, a vanished
 * page, a kill mid-import, bad input.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Call } from '../../src/core/schema.js';
import { ensureBuilt, ROOT, runCli } from '../fixtures/ensure-built.js';
import { realPage, REAL_PAGES, startFixtureSite, type FixtureSite } from '../fixtures/catalogue/site.js';

let site: FixtureSite;
const dirs: string[] = [];
function dataDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'cfpmatch-catalogue-'));
  dirs.push(d);
  return d;
}
const env = (dir: string) => ({ ...process.env, DATA_DIR: dir, EMBEDDER: 'use-lite', IMPORT_ALLOW_PRIVATE: '1', IMPORT_DELAY_MS: '0', IMPORT_TIMEOUT_MS: '2000', IMPORT_RETRIES: '0' });
const calls = (dir: string): Call[] =>
  readdirSync(join(dir, 'calls'))
    .filter((n) => n.endsWith('.json'))
    .map((n) => Call.parse(JSON.parse(readFileSync(join(dir, 'calls', n), 'utf8'))));

interface Report {
  written: number;
  embedded: number;
  reports: Array<{ kind: string; added: string[]; updated: string[]; withdrawn: string[]; unchanged: number; fetched: number; not_modified: number; failures: Array<{ message: string }> }>;
}
const json = (stdout: string) => JSON.parse(stdout) as Report;

beforeAll(async () => {
  ensureBuilt();
  site = await startFixtureSite();
});
afterAll(async () => {
  await site.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('calls import and refresh (real binary, local site)', () => {
  const dir = dataDir();

  it('imports a listing: every linked page becomes a call with its provenance', { timeout: 120_000 }, async () => {
    const r = await runCli(['calls', 'import', `${site.url}/calls`, '--source-name', 'fixture', '--json'], { env: env(dir) });
    expect(r.code, r.stderr).toBe(0);
    const out = json(r.stdout);
    expect(out.reports[0]).toMatchObject({ kind: 'listing', fetched: REAL_PAGES.length + 1 });
    expect(out.reports[0]?.added).toHaveLength(REAL_PAGES.length);
    expect(out.embedded).toBeGreaterThan(0);
    const water = calls(dir).find((c) => c.sources?.[0]?.url === `${site.url}/si/${REAL_PAGES[0]}`);
    expect(water?.sources?.[0]).toMatchObject({ kind: 'listing', via: `${site.url}/calls`, name: 'fixture', etag: expect.any(String) });
    expect(water?.dates.submission_deadline).toBe('2026-03-30');
  });

  it('refreshes a sources file twice: the second run fetches nothing that did not change and embeds nothing', { timeout: 120_000 }, async () => {
    writeFileSync(join(dir, 'sources.json'), JSON.stringify([{ url: `${site.url}/calls`, kind: 'listing', name: 'fixture' }, { url: `${site.url}/feed.xml`, name: 'feed' }]));
    const first = json((await runCli(['calls', 'refresh', '--json'], { env: env(dir) })).stdout);
    expect(first.reports[1]).toMatchObject({ kind: 'feed', added: [] });
    expect(first.reports[1]?.failures.map((f) => f.message)).toEqual([expect.stringContaining('item 4 has no link')]);
    // Full (200) answers for documents; robots.txt is read once per run.
    const served = () => [...site.full].filter(([path]) => path !== '/robots.txt').reduce((a, [, n]) => a + n, 0);
    const before = served();
    const second = await runCli(['calls', 'refresh', '--json'], { env: env(dir) });
    expect(second.code, second.stderr).toBe(0);
    const out = json(second.stdout);
    expect(out.reports.map((x) => x.fetched)).toEqual([0, 0]);
    expect(out.reports[0]?.not_modified).toBe(REAL_PAGES.length + 1);
    expect(out).toMatchObject({ written: 0, embedded: 0 });
    expect(served()).toBe(before);
  });

  it('keeps an extended deadline as history and embeds nothing when only the deadline moved', { timeout: 120_000 }, async () => {
    const path = `/si/${REAL_PAGES[1]}`;
    site.set(path, realPage(REAL_PAGES[1]).replace('30 March 2026', '30 March 2027'));
    const out = json((await runCli(['calls', 'refresh', '--json'], { env: env(dir) })).stdout);
    expect(out.reports[0]?.updated).toHaveLength(1);
    expect(out).toMatchObject({ written: 1, embedded: 0 });
    const cells = calls(dir).find((c) => c.sources?.[0]?.url === `${site.url}${path}`);
    expect(cells?.dates.submission_deadline).toBe('2027-03-30');
    expect(cells?.deadline_history).toEqual([expect.objectContaining({ deadline: '2026-03-30', source: `${site.url}${path}` })]);
    const shown = await runCli(['calls', 'show', cells?.id ?? '', '--json'], { env: env(dir) });
    expect(JSON.parse(shown.stdout)).toMatchObject({ deadline_history: [{ deadline: '2026-03-30' }] });
  });

  it('marks a call whose page vanished before its deadline as withdrawn, not deleted', { timeout: 120_000 }, async () => {
    const path = `/si/${REAL_PAGES[1]}`;
    site.remove(path);
    const out = json((await runCli(['calls', 'refresh', '--json'], { env: env(dir) })).stdout);
    expect(out.reports[0]?.withdrawn).toHaveLength(1);
    const gone = calls(dir).find((c) => c.sources?.[0]?.url === `${site.url}${path}`);
    expect(gone).toMatchObject({ status: 'withdrawn' });
    expect(gone?.sources?.[0]?.removed_at).toEqual(expect.any(String));
    site.set(path, realPage(REAL_PAGES[1]));
  });

  it('leaves nothing half-written when killed mid-import, and the next run completes it', { timeout: 120_000 }, async () => {
    const fresh = dataDir();
    site.pageDelayMs = 400;
    const child = spawn(process.execPath, [join(ROOT, 'dist/cli/main.js'), 'calls', 'import', `${site.url}/calls`], { env: env(fresh), stdio: 'ignore' });
    const callsDir = join(fresh, 'calls');
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline && !(existsSync(callsDir) && readdirSync(callsDir).some((n) => n.endsWith('.json')))) await new Promise((r) => setTimeout(r, 50));
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    site.pageDelayMs = 0;
    const partial = calls(fresh);
    expect(partial.length).toBeGreaterThan(0);
    expect(partial.length).toBeLessThan(REAL_PAGES.length);
    const again = await runCli(['calls', 'import', `${site.url}/calls`, '--json'], { env: env(fresh) });
    expect(again.code, again.stderr).toBe(0);
    expect(json(again.stdout).reports[0]?.added).toHaveLength(REAL_PAGES.length - partial.length);
    expect(calls(fresh)).toHaveLength(REAL_PAGES.length);
  });

  it('plans without writing on --dry-run and refuses bad input with a one-line error', { timeout: 180_000 }, async () => {
    const fresh = dataDir();
    const dry = await runCli(['calls', 'import', `${site.url}/si/${REAL_PAGES[2]}`, '--dry-run'], { env: env(fresh) });
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/1 added[\s\S]*dry run: nothing written/);
    expect(existsSync(join(fresh, 'calls'))).toBe(false);
    expect((await runCli(['calls', 'import'], { env: env(fresh) })).stderr).toMatch(/^cfpmatch: BAD_INPUT: calls import needs a URL or a file/);
    const kind = await runCli(['calls', 'import', `${site.url}/calls`, '--kind', 'magazine'], { env: env(fresh) });
    expect(kind.code).toBe(2);
    const loop = await runCli(['calls', 'import', `${site.url}/loop/a`], { env: env(fresh) });
    expect(loop.code).toBe(11);
    expect(loop.stderr).toMatch(/FETCH_FAILED: .*redirect loop/);
    const privateRefused = await runCli(['calls', 'import', `${site.url}/calls`], { env: { ...env(fresh), IMPORT_ALLOW_PRIVATE: '' } });
    expect(privateRefused.code).toBe(11);
    expect(privateRefused.stderr).toMatch(/FETCH_REFUSED/);
    const noSources = await runCli(['calls', 'refresh'], { env: env(fresh) });
    expect(noSources.stderr).toMatch(/no sources file/);
  });
});
