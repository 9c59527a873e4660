/**
 * Run the built server (`node dist/entry/node.js`) as a child process on a
 * random 127.0.0.1 port over a temporary copy of data/calls, capturing its
 * output. Used by the confidentiality and shutdown tests and the soak script.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { copySeedCalls } from '../fixtures/cfp/load.js';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '../..');

export interface RunningServer {
  url: string;
  dataDir: string;
  child: ChildProcess;
  /** Everything the server wrote to stdout and stderr so far. */
  output(): string;
  /** Resolves with the exit code (or signal name) once the process has exited. */
  exited: Promise<number | string>;
}

/** A port that was free a moment ago. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => resolve(port));
    });
  });
}

export interface StartOptions {
  /** Serve this DATA_DIR as it is (a restart); default: a new temporary copy of data/calls. */
  dataDir?: string;
  /** Node flags before the entry, e.g. `--import <preload>` for injected faults. */
  nodeArgs?: string[];
  /** Resolve as soon as the process is spawned, without waiting for /healthz (to kill it mid-start-up). */
  noWait?: boolean;
  /** How long to wait for /healthz (default 60 s). */
  timeoutMs?: number;
}

/**
 * @example
 * const srv = await startServer({ RATE_LIMIT: 'off' });
 * await fetch(`${srv.url}/healthz`);
 * srv.child.kill('SIGTERM'); await srv.exited;
 */
export async function startServer(env: Record<string, string> = {}, timeoutMsOrOpts: number | StartOptions = {}): Promise<RunningServer> {
  const opts: StartOptions = typeof timeoutMsOrOpts === 'number' ? { timeoutMs: timeoutMsOrOpts } : timeoutMsOrOpts;
  const timeoutMs = opts.timeoutMs ?? 150_000;
  let dataDir = opts.dataDir;
  if (!dataDir) {
    dataDir = await mkdtemp(join(tmpdir(), 'cfpmatch-server-'));
    copySeedCalls(join(dataDir, 'calls'));
  }
  const port = await freePort();
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), join(ROOT, 'dist/entry/node.js')], {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir, EMBEDDER: 'use-lite', LOG_LEVEL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | string>((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  const url = `http://127.0.0.1:${port}`;
  const srv = { url, dataDir, child, output: () => out, exited };
  if (opts.noWait) return srv;
  const started = Date.now();
  // Up and done warming (a first start answers at once but ranks lexically until its calls are embedded).
  const up = () =>
    fetch(`${url}/healthz`).then(
      async (r) => r.ok && ((await r.json()) as { index?: { state?: string } }).index?.state !== 'warming',
      () => false,
    );
  while (!(await up())) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`server exited ${child.exitCode ?? child.signalCode}: ${out}`);
    if (Date.now() - started > timeoutMs) {
      child.kill('SIGKILL');
      throw new Error(`server did not start in ${timeoutMs} ms: ${out}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return srv;
}
