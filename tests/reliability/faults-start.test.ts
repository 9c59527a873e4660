/**
 * The real built server (tiny ONNX model) against torn files at start-up, SIGTERM with admin work in
 * flight, and requests refused below the app (issue #21).
 */
import { spawnSync } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndexManifest } from '../../src/adapters/node/index-files.js';
import { loadIndexFiles } from '../../src/adapters/node/index-files.js';
import { ensureBuilt } from '../fixtures/ensure-built.js';
import { LAM_DRAFT } from '../http/helpers.js';
import { deleteCall, lostCalls, makeCall, postCall, removeTinyModel, tempDirs, tinyServerEnv, type Acknowledged } from './fault-kit.js';
import { startServer, type RunningServer } from './server.js';
import { copySeedCalls } from '../fixtures/cfp/load.js';

const tempDir = tempDirs();
beforeAll(() => ensureBuilt(), 240_000);
afterAll(() => removeTinyModel());

async function freshDataDir(): Promise<string> {
  const dir = await tempDir('start');
  copySeedCalls(join(dir, 'calls'));
  return dir;
}

async function waitFor(ok: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`not seen within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const events = (srv: RunningServer) => srv.output().split('\n').flatMap((l) => (l.startsWith('{') ? [(JSON.parse(l) as { event: string }).event] : []));
const stop = async (srv: RunningServer) => {
  srv.child.kill('SIGTERM');
  return srv.exited;
};

describe('torn and odd files at start-up', () => {
  it('a truncated manifest, a torn call file, a directory named like a call and a dead writer’s temp file: the server starts, warns and rebuilds', async () => {
    const dataDir = await freshDataDir();
    const env = await tinyServerEnv();
    expect(await stop(await startServer(env, { dataDir }))).toBe(0);
    const manifest = join(dataDir, 'index/manifest.json');
    await writeFile(manifest, (await readFile(manifest, 'utf8')).slice(0, 40));
    const [firstCall] = (await readdir(join(dataDir, 'calls'))).filter((n) => n.endsWith('.json'));
    await writeFile(join(dataDir, 'calls', firstCall as string), '{"id": "torn", "ti');
    await mkdir(join(dataDir, 'calls/adir.json'));
    await writeFile(join(dataDir, 'index/vectors.999999.1.tmp'), 'half');
    const srv = await startServer(env, { dataDir });
    // The rebuilt index is embedded in the background after the server listens (first-start warming), then saved.
    await waitFor(() => events(srv).includes('index.saved'), 90_000);
    expect(events(srv)).toEqual(expect.arrayContaining(['store.invalid_call', 'store.unreadable_call', 'index.corrupt', 'index.saved']));
    const calls = (await (await fetch(`${srv.url}/v1/calls`)).json()) as { calls: unknown[] };
    expect(calls.calls).toHaveLength(2);
    expect((await fetch(`${srv.url}/v1/rank`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(LAM_DRAFT) })).status).toBe(200);
    expect(await stop(srv)).toBe(0);
    expect((await readdir(join(dataDir, 'index'))).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect((await loadIndexFiles(join(dataDir, 'index')))?.manifest.passages).toBeGreaterThan(0);
  }, 240_000);

  it('two swapped ids in the ids file are caught by the checksum and the index is rebuilt', async () => {
    const dataDir = await freshDataDir();
    const env = await tinyServerEnv();
    expect(await stop(await startServer(env, { dataDir }))).toBe(0);
    const m = JSON.parse(await readFile(join(dataDir, 'index/manifest.json'), 'utf8')) as IndexManifest;
    const idsPath = join(dataDir, 'index', m.ids_file);
    const ids = JSON.parse(await readFile(idsPath, 'utf8')) as string[];
    [ids[0], ids[1]] = [ids[1] as string, ids[0] as string];
    await writeFile(idsPath, JSON.stringify(ids));
    const srv = await startServer(env, { dataDir });
    expect(events(srv)).toContain('index.corrupt');
    expect(await stop(srv)).toBe(0);
    expect((await loadIndexFiles(join(dataDir, 'index')))?.raw.ids).not.toEqual(ids);
  }, 120_000);
});

describe('SIGTERM with admin work in flight', () => {
  it('writes in flight finish, writes after the signal are refused, the process exits 0, and nothing refused is stored', async () => {
    const dataDir = await freshDataDir();
    const env = await tinyServerEnv();
    let srv = await startServer(env, { dataDir });
    const existing = ((await (await fetch(`${srv.url}/v1/calls`)).json()) as { calls: Array<{ id: string }> }).calls.map((c) => c.id);
    type Result = { id: string; title: string | null; status: number; at: number };
    const post = async (id: string): Promise<Result> => {
      const call = makeCall(id, 'a', 15_000);
      const { status } = await postCall(srv.url, call);
      return { id, title: call.title as string, status, at: Date.now() };
    };
    const del = async (id: string): Promise<Result> => ({ id, title: null, status: await deleteCall(srv.url, id), at: Date.now() });
    // Queued one after another behind the matcher's write lock; the signal comes once the first is answered.
    const before = [...Array.from({ length: 6 }, (_, i) => post(`term-${i}`)), ...existing.slice(0, 2).map(del)];
    await Promise.race(before);
    const signalAt = Date.now();
    srv.child.kill('SIGTERM');
    // The signal is handled on the server's event loop: a request on a kept-alive socket can be read
    // before it. "After the signal" means after the server says it is stopping.
    const stopping = srv;
    await waitFor(() => stopping.output().includes('"server.stopping"'), 20_000);
    const after = await Promise.all(Array.from({ length: 4 }, (_, i) => post(`late-${i}`)));
    const inFlight = await Promise.all(before);
    expect(await srv.exited).toBe(0);
    const acked: Acknowledged = new Map();
    for (const r of inFlight) {
      expect([0, 201, 204]).toContain(r.status);
      // 0: the request had not reached the server when it stopped listening; a POST then must not be stored.
      if (r.status !== 0 || r.title !== null) acked.set(r.id, r.status === 0 ? null : r.title);
    }
    // Work already accepted went on after the signal.
    expect(inFlight.filter((r) => r.status !== 0 && r.at > signalAt).length).toBeGreaterThan(0);
    for (const r of after) {
      expect([0, 503]).toContain(r.status);
      acked.set(r.id, null);
    }
    expect(srv.output()).not.toMatch(/not constructed|process\.unhandled_rejection|forced_exit/);
    srv = await startServer(env, { dataDir });
    expect(await lostCalls(srv.url, acked)).toEqual([]);
    expect(await stop(srv)).toBe(0);
    console.info(`SIGTERM with admin work: in flight ${inFlight.map((r) => r.status).join(' ')}; after the signal ${after.map((r) => r.status).join(' ')}`);
  }, 180_000);
});

describe('requests refused below the app', () => {
  it('a 100,000-character URL gets a JSON 431, not an empty answer', async () => {
    const srv = await startServer(await tinyServerEnv(), { dataDir: await freshDataDir() });
    const res = await fetch(`${srv.url}/v1/calls/${'a'.repeat(100_000)}`);
    expect(res.status).toBe(431);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('HEADERS_TOO_LARGE');
    expect(await stop(srv)).toBe(0);
  }, 120_000);

  it.runIf(spawnSync('python3', ['--version']).status === 0)('a client that uploads 5 MB before reading (Python urllib) reads the 413', async () => {
    const srv = await startServer(await tinyServerEnv(), { dataDir: await freshDataDir() });
    const script = [
      'import sys, json, urllib.request, urllib.error',
      'body = json.dumps({"abstract": "a" * (5 * 1024 * 1024)}).encode()',
      'req = urllib.request.Request(sys.argv[1] + "/v1/rank", data=body, headers={"content-type": "application/json"})',
      'try:',
      '    urllib.request.urlopen(req, timeout=60); print("200")',
      'except urllib.error.HTTPError as e:',
      '    print(e.code, json.loads(e.read())["error"]["code"])',
      'except Exception as e:',
      '    print("error", type(e).__name__, e)',
    ].join('\n');
    const { spawn } = await import('node:child_process');
    const out = await new Promise<string>((resolve) => {
      const p = spawn('python3', ['-c', script, srv.url]);
      let text = '';
      p.stdout.on('data', (d: Buffer) => (text += d.toString()));
      p.stderr.on('data', (d: Buffer) => (text += d.toString()));
      p.on('close', () => resolve(text.trim()));
    });
    expect(out).toBe('413 TOO_LARGE');
    expect(await stop(srv)).toBe(0);
  }, 120_000);
});
