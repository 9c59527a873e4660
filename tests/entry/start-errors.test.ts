/**
 * The built server (`node dist/entry/node.js`) refusing to start: a bad setting or a port already
 * in use ends the process with one line that names the cause, not a stack trace.
 */
import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../fixtures/ensure-built.js';
import { freePort, startServer } from '../reliability/server.js';

let busy: Server | undefined;
let busyPort = 0;

beforeAll(async () => {
  ensureBuilt();
  busyPort = await freePort();
  busy = createServer();
  await new Promise<void>((resolve) => busy?.listen(busyPort, '127.0.0.1', resolve));
});

afterAll(async () => {
  await new Promise<void>((resolve) => (busy ? busy.close(() => resolve()) : resolve()));
});

describe('server start-up failures', () => {
  it.each([
    ['PORT not a number', () => ({ PORT: 'abc' }), /^cfpmatch: PORT must be a whole number from 0 to 65535 \(got "abc"\)$/],
    ['RATE_LIMIT unreadable', () => ({ RATE_LIMIT: 'lots' }), /^cfpmatch: RATE_LIMIT must be "off", "<n>\/min" or "<n>\/min:<burst>" \(got "lots"\)$/],
    ['EMBEDDER unknown', () => ({ EMBEDDER: 'bert' }), /^cfpmatch: EMBEDDER must be auto, onnx or use-lite \(got "bert"\)$/],
    ['the port in use', () => ({ PORT: String(busyPort) }), /^cfpmatch: 127\.0\.0\.1:\d+ is already in use \(another cfpmatch\?\): stop it, or set PORT to a free port$/],
  ])('%s: exits 1 with one line naming it', { timeout: 120_000 }, async (_what, env, line) => {
    const srv = await startServer({ LOG_LEVEL: 'silent', ...env() }, { noWait: true });
    expect(await srv.exited).toBe(1);
    const out = srv.output().trim();
    expect(out.split('\n').at(-1)).toMatch(line);
    expect(out).not.toMatch(/^\s+at /m);
  });
});
