/**
 * A full disk and a read-only DATA_DIR under the real built server (issue #21). Where the runner may
 * `mount`, on a small tmpfs that really fills up (and is remounted read-only); everywhere, with the
 * same checks through a preload that injects ENOSPC / EROFS into the server's file writes.
 * The server must never exit, answer a clear STORAGE 500 without server paths when a write cannot be
 * stored, keep serving from memory, keep the last good index, leave no temporary files, and keep every
 * acknowledged call.
 */
import { mkdtemp, open, readdir, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadIndexFiles } from '../../src/adapters/node/index-files.js';
import { ensureBuilt } from '../fixtures/ensure-built.js';
import { LAM_DRAFT } from '../http/helpers.js';
import { canMount, deleteCall, FS_FAULTS, lostCalls, makeCall, mountTmpfs, postCall, remount, removeTinyModel, tinyServerEnv, unmount, type Acknowledged } from './fault-kit.js';
import { startServer, type RunningServer } from './server.js';
import { copySeedCalls } from '../fixtures/cfp/load.js';

let mountable = false;
const cleanups: Array<() => Promise<void>> = [];
beforeAll(async () => {
  ensureBuilt();
  mountable = await canMount();
  if (!mountable) console.info('faults-disk: this runner may not mount a tmpfs; the disk faults are injected by a preload only');
}, 240_000);
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
  await removeTinyModel();
});

const health = async (srv: RunningServer) => (await (await fetch(`${srv.url}/healthz`)).json()) as { status: string; index: { current: boolean; error?: string } };
const rankOk = async (srv: RunningServer) => (await fetch(`${srv.url}/v1/rank`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(LAM_DRAFT) })).status;
const tmpFiles = async (dir: string) => (await readdir(dir, { recursive: true })).filter((n) => String(n).endsWith('.tmp') || String(n).endsWith('.txt.next'));

async function stop(srv: RunningServer): Promise<number | string> {
  srv.child.kill('SIGTERM');
  return srv.exited;
}

/** Fill a file system to the last byte. */
async function fill(dir: string, name = 'filler'): Promise<void> {
  const fh = await open(join(dir, name), 'a');
  const block = Buffer.alloc(4096, 1);
  try {
    for (;;) await fh.write(block);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
  } finally {
    await fh.close();
  }
}

function expectStorage500(res: { status: number; body: unknown }, dataDir: string, errno: string): void {
  expect(res.status).toBe(500);
  const error = (res.body as { error: { code: string; message: string } }).error;
  expect(error.code).toBe('STORAGE');
  expect(error.message).toContain(errno);
  expect(error.message).not.toContain(dataDir);
}

describe.runIf(process.platform === 'linux')('disk full on a real tmpfs', () => {
  it('STORAGE 500 for a call that cannot be written, an index save that fails is retried, start-up on the full disk serves, nothing acknowledged is lost', async (ctx) => {
    if (!mountable) ctx.skip();
    const dataDir = await mountTmpfs(2_048);
    cleanups.push(() => unmount(dataDir));
    copySeedCalls(join(dataDir, 'calls'));
    const env = await tinyServerEnv();
    let srv = await startServer(env, { dataDir });
    const acked: Acknowledged = new Map();

    // The first start embeds in the background and saves after: wait for that save, or its temp
    // files, removed when it fails on the full disk, would free the space the test just filled.
    await expect.poll(async () => (await health(srv)).index, { timeout: 60_000 }).toMatchObject({ current: true });
    // Leave one page free: a small call's JSON fits, the index (tens of KB) does not.
    await writeFile(join(dataDir, 'spacer'), Buffer.alloc(4096));
    await fill(dataDir);
    await unlink(join(dataDir, 'spacer'));
    const small = makeCall('fits', 'a', 100);
    const stored = await postCall(srv.url, small);
    expect(stored.status).toBe(201);
    acked.set('fits', small.title as string);
    await expect.poll(async () => (await health(srv)).index, { timeout: 20_000 }).toMatchObject({ current: false, error: 'ENOSPC' });

    // Nothing more fits: a call is refused with a clear error and is neither stored nor served.
    const big = await postCall(srv.url, makeCall('too-big', 'a', 15_000));
    expectStorage500(big, dataDir, 'ENOSPC');
    expect((await fetch(`${srv.url}/v1/calls/too-big`)).status).toBe(404);
    expect(await rankOk(srv)).toBe(200);
    expect(srv.child.exitCode).toBeNull();
    expect(await tmpFiles(dataDir)).toEqual([]);
    // The last good index is still the one on disk, and loads.
    expect((await loadIndexFiles(join(dataDir, 'index')))?.manifest.calls_hash).toBeDefined();
    expect(await stop(srv)).toBe(0);

    // A restart on the still-full disk serves from memory, with every acknowledged call.
    srv = await startServer(env, { dataDir });
    expect(await lostCalls(srv.url, acked)).toEqual([]);
    // A first start saves once its background embedding ends (index: warming until then), so poll.
    await expect.poll(async () => (await health(srv)).index, { timeout: 20_000 }).toMatchObject({ current: false, error: 'ENOSPC' });
    expect(await rankOk(srv)).toBe(200);

    // Space comes back: the next change saves the index again.
    await unlink(join(dataDir, 'filler'));
    expect(await deleteCall(srv.url, 'fits')).toBe(204);
    acked.set('fits', null);
    await expect.poll(async () => (await health(srv)).index, { timeout: 20_000 }).toMatchObject({ current: true });
    expect(await stop(srv)).toBe(0);
    srv = await startServer(env, { dataDir });
    expect(await lostCalls(srv.url, acked)).toEqual([]);
    expect(await stop(srv)).toBe(0);
    expect(srv.output()).not.toContain('"event":"process.unhandled_rejection"');
  }, 240_000);
});

describe.runIf(process.platform === 'linux')('read-only DATA_DIR on a real tmpfs', () => {
  it('starts without a saved index, serves from memory, and answers writes with STORAGE 500', async (ctx) => {
    if (!mountable) ctx.skip();
    const dataDir = await mountTmpfs(4_096);
    cleanups.push(() => unmount(dataDir));
    copySeedCalls(join(dataDir, 'calls'));
    remount(dataDir, 'ro');
    const srv = await startServer(await tinyServerEnv(), { dataDir });
    // A first start saves once its background embedding ends (index: warming until then), so poll.
    await expect.poll(async () => (await health(srv)).index, { timeout: 20_000 }).toMatchObject({ current: false, error: 'EROFS' });
    expect(await rankOk(srv)).toBe(200);
    expectStorage500(await postCall(srv.url, makeCall('ro-call', 'a')), dataDir, 'EROFS');
    const del = await fetch(`${srv.url}/v1/calls/${(await (await fetch(`${srv.url}/v1/calls`)).json() as { calls: Array<{ id: string }> }).calls[0]?.id}`, { method: 'DELETE', headers: { authorization: 'Bearer fault-token' } });
    expect(del.status).toBe(500);
    expect(await stop(srv)).toBe(0);
    remount(dataDir, 'rw');
  }, 240_000);
});

describe('injected ENOSPC and EROFS (any runner)', () => {
  it('the same guarantees when the server’s writes fail by injection', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'cfpmatch-injected-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    copySeedCalls(join(dataDir, 'calls'));
    const switchFile = join(dataDir, '..', `${dataDir.split('/').pop()}.switch`);
    cleanups.push(() => rm(switchFile, { force: true }));
    const fault = (code: string) => ({ nodeArgs: ['--import', FS_FAULTS], env: { FS_FAULT: code, FS_FAULT_SWITCH: switchFile } });
    const env = await tinyServerEnv();
    const acked: Acknowledged = new Map();

    // Disk full for the index only: the call is stored and acknowledged, the index save fails and is retried.
    const full = fault('ENOSPC');
    let srv = await startServer({ ...env, ...full.env }, { dataDir, nodeArgs: full.nodeArgs });
    await writeFile(switchFile, join(dataDir, 'index'));
    const call = makeCall('inj-1', 'a');
    expect((await postCall(srv.url, call)).status).toBe(201);
    acked.set('inj-1', call.title as string);
    await expect.poll(async () => (await health(srv)).index, { timeout: 20_000 }).toMatchObject({ current: false, error: 'ENOSPC' });
    // Disk full everywhere: the call is refused, not stored.
    await writeFile(switchFile, dataDir);
    expectStorage500(await postCall(srv.url, makeCall('inj-2', 'a')), dataDir, 'ENOSPC');
    expect((await fetch(`${srv.url}/v1/calls/inj-2`)).status).toBe(404);
    expect(await rankOk(srv)).toBe(200);
    expect(await stop(srv)).toBe(0);
    // A restart with the disk still full serves every acknowledged call.
    srv = await startServer({ ...env, ...full.env }, { dataDir, nodeArgs: full.nodeArgs });
    expect(await lostCalls(srv.url, acked)).toEqual([]);
    expect(await stop(srv)).toBe(0);
    await rm(switchFile);
    expect(await tmpFiles(dataDir)).toEqual([]);

    // Read-only, without a saved index.
    await rm(join(dataDir, 'index'), { recursive: true, force: true });
    await writeFile(switchFile, dataDir);
    const ro = fault('EROFS');
    srv = await startServer({ ...env, ...ro.env }, { dataDir, nodeArgs: ro.nodeArgs });
    // A first start saves once its background embedding ends (index: warming until then), so poll.
    await expect.poll(async () => (await health(srv)).index, { timeout: 20_000 }).toMatchObject({ current: false, error: 'EROFS' });
    expect(await lostCalls(srv.url, acked)).toEqual([]);
    expectStorage500(await postCall(srv.url, makeCall('inj-3', 'a')), dataDir, 'EROFS');
    expect(await stop(srv)).toBe(0);
    expect(srv.output()).not.toContain('"event":"process.unhandled_rejection"');
  }, 240_000);
});
