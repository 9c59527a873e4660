import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOnnxEmbedder, modelAvailable } from '../../src/adapters/node/onnx-embedder.js';
import { makeTinyModel } from '../fixtures/tiny-model/make-tiny-model.js';

const run = promisify(execFile);
const TMP = join(process.cwd(), 'tests', '.tmp');
let root = '';
let server: Server;
let endpoint = '';
const requested: string[] = [];

// A local stand-in for the hub: serves `<model>/resolve/main/<file>` from a generated tiny model.
beforeAll(async () => {
  await mkdir(TMP, { recursive: true });
  root = await mkdtemp(join(TMP, 'pull-'));
  await makeTinyModel(join(root, 'hub'), 'tiny/bert-tiny');
  server = createServer((req, res) => {
    const url = decodeURIComponent(req.url ?? '/');
    requested.push(url);
    const m = /^\/(.+?)\/resolve\/main\/(.+)$/.exec(url);
    if (!m) return void res.writeHead(req.method === 'HEAD' ? 200 : 404).end();
    readFile(join(root, 'hub', m[1] as string, m[2] as string)).then(
      (body) => res.writeHead(200, { 'content-length': body.byteLength }).end(body),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((ok) => server.close(ok));
  await rm(root, { recursive: true, force: true });
});

describe('scripts/model-pull.mjs', () => {
  it('downloads a model into the layout the ONNX embedder reads', async () => {
    const dir = join(root, 'models');
    const { stdout } = await run(process.execPath, ['scripts/model-pull.mjs', 'tiny/bert-tiny', '--dir', dir], {
      env: { ...process.env, HF_ENDPOINT: endpoint },
    });
    expect(stdout).toContain('32 dimensions');
    expect(requested).toContain('/tiny/bert-tiny/resolve/main/onnx/model.onnx');
    expect(modelAvailable(dir, 'tiny/bert-tiny')).toBe(true);
    const embedder = await createOnnxEmbedder({ modelsDir: dir, modelId: 'tiny/bert-tiny' });
    expect(embedder.dimensions).toBe(32);
    await embedder.dispose();
  });

  it('explains what to do when the hub cannot be reached', async () => {
    const failed = await run(process.execPath, ['scripts/model-pull.mjs', '--dir', join(root, 'none')], {
      env: { ...process.env, HF_ENDPOINT: 'http://127.0.0.1:9' },
    }).catch((err: { code: number; stderr: string }) => err);
    expect(failed).toMatchObject({ code: 2 });
    expect((failed as { stderr: string }).stderr).toContain('EMBEDDER=use-lite');
  });
});
