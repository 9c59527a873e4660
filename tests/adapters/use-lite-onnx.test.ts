/**
 * USE-lite on onnxruntime (the package's graph translated to ONNX) gives the tfjs path's unit
 * vectors to 1e-5 on real CFP texts, real abstracts, edge cases and mixed-length batches; the
 * engine switch picks what runs; a model that cannot be built falls back to tfjs with a log line
 * and still embeds; the built model is cached and reused.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createUseLiteEmbedder } from '../../src/adapters/node/use-lite-embedder.js';
import { parseUseLiteEngine } from '../../src/adapters/node/use-lite-model.js';
import { ensureUseLiteOnnx, useLitePackageDir } from '../../src/adapters/node/use-lite-onnx.js';
import { tfGraphToOnnx, type TfGraphModel } from '../../src/adapters/node/use-lite-onnx-graph.js';

const root = join(import.meta.dirname, '../..');
mkdirSync(join(root, 'tests/.tmp'), { recursive: true });
const tmp = mkdtempSync(join(root, 'tests/.tmp/use-onnx-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const paragraphs = (dir: string) =>
  readdirSync(join(root, dir))
    .filter((n) => n.endsWith('.txt'))
    .slice(0, 6)
    .map((n) => readFileSync(join(root, dir, n), 'utf8'));
const abstracts = (file: string, n: number) =>
  readFileSync(join(root, file), 'utf8')
    .trim()
    .split('\n')
    .slice(0, n)
    .map((l) => {
      const p = JSON.parse(l) as { title: string; abstract: string };
      return `${p.title}. ${p.abstract}`;
    });
const EDGE = ['', ' ', 'a', 'Graph neural networks.', '😀 émoji ﬁne Ⅻ ＡＢＣ 日本語のテキスト', '\u0000\u2581', 'power '.repeat(400), 'é vs e\u0301'];
/** Real calls (whole files: past the model's 128-token clip), real abstracts, edge cases. */
const TEXTS = [...paragraphs('data/calls'), ...paragraphs('eval/cfp/cases'), ...abstracts('data/reference/abstracts.jsonl', 10), ...abstracts('eval/special-issues/papers.jsonl', 10), ...EDGE];

function worstDiff(a: Float32Array[], b: Float32Array[]): number {
  expect(a).toHaveLength(b.length);
  let worst = 0;
  a.forEach((v, i) => v.forEach((x, k) => (worst = Math.max(worst, Math.abs(x - ((b[i] as Float32Array)[k] as number))))));
  return worst;
}

describe('USE-lite on onnxruntime', () => {
  const onnx = createUseLiteEmbedder({ engine: 'onnx', modelsDir: tmp, batchSize: 16 });
  const tfjs = createUseLiteEmbedder({ engine: 'tfjs', batchSize: 16 });
  afterAll(() => Promise.all([onnx.dispose(), tfjs.dispose()]));

  it('gives the tfjs vectors to 1e-5, batched with padding and one at a time', async () => {
    expect(TEXTS.length).toBeGreaterThan(30);
    const [a, b] = await Promise.all([onnx.embed(TEXTS), tfjs.embed(TEXTS)]);
    expect(onnx.enginesLoaded()).toEqual(['onnx']);
    expect(tfjs.enginesLoaded()).toEqual(['tfjs']);
    expect(worstDiff(a, b)).toBeLessThan(1e-5);
    const single = [];
    for (const t of TEXTS.slice(0, 12)) single.push((await onnx.embed([t]))[0] as Float32Array);
    expect(worstDiff(single, b.slice(0, 12))).toBeLessThan(1e-5);
    // Different texts give different vectors (a model that ignored its input would pass the above on constants).
    expect(new Set(a.map((v) => v[0])).size).toBeGreaterThan(TEXTS.length - 3);
  });

  it('caches the built model and reuses it', async () => {
    const first = await ensureUseLiteOnnx({ modelsDir: tmp });
    expect(first.built).toBe(false); // built by the embedder above
    expect(first.path && existsSync(first.path)).toBe(true);
    const logs: string[] = [];
    const again = createUseLiteEmbedder({ engine: 'onnx', modelsDir: tmp, log: (event) => logs.push(event) });
    await again.ready();
    expect(again.enginesLoaded()).toEqual(['onnx']);
    expect(logs).toEqual([]); // nothing built, nothing fell back
    await again.dispose();
  });
});

describe('the engine switch', () => {
  it('reads USE_LITE_ENGINE, onnx by default, and rejects other values', () => {
    expect(parseUseLiteEngine(undefined)).toBe('onnx');
    expect(parseUseLiteEngine('')).toBe('onnx');
    expect(parseUseLiteEngine('tfjs')).toBe('tfjs');
    expect(() => parseUseLiteEngine('wasm')).toThrow(/USE_LITE_ENGINE must be one of onnx, tfjs/);
    const before = process.env.USE_LITE_ENGINE;
    try {
      process.env.USE_LITE_ENGINE = 'tfjs';
      expect(createUseLiteEmbedder().engine).toBe('tfjs');
      delete process.env.USE_LITE_ENGINE;
      expect(createUseLiteEmbedder().engine).toBe('onnx');
      expect(createUseLiteEmbedder({ engine: 'tfjs' }).engine).toBe('tfjs');
    } finally {
      if (before === undefined) delete process.env.USE_LITE_ENGINE;
      else process.env.USE_LITE_ENGINE = before;
    }
  });

  it('runs the worker pool on the engine asked for, one session per worker', async () => {
    const pool = createUseLiteEmbedder({ engine: 'onnx', modelsDir: tmp, threads: 2 });
    const ref = createUseLiteEmbedder({ engine: 'tfjs' });
    try {
      await pool.ready();
      expect(pool.workerCount()).toBe(2);
      expect(pool.enginesLoaded()).toEqual(['onnx']);
      const texts = TEXTS.slice(0, 12);
      expect(worstDiff(await pool.embed(texts), await ref.embed(texts))).toBeLessThan(1e-5);
    } finally {
      await Promise.all([pool.dispose(), ref.dispose()]);
    }
  });
});

describe('stopping onnx workers', () => {
  it('dispose in the middle of batches fails the call and does not abort the process', async () => {
    // A thread terminated inside onnxruntime's synchronous run aborts the whole process; the pool stops workers between jobs.
    const long = TEXTS.filter((t) => t.length > 1500);
    for (const delay of [0, 5, 20, 60]) {
      const e = createUseLiteEmbedder({ engine: 'onnx', modelsDir: tmp, threads: 2, batchSize: 4 });
      await e.ready();
      const call = e.embed(Array.from({ length: 40 }, (_, i) => long[i % long.length] as string)).then(() => 'finished', (err: unknown) => err);
      await new Promise((r) => setTimeout(r, delay));
      await e.dispose();
      expect(await call).toMatchObject({ code: 'EMBEDDER_UNAVAILABLE' });
      expect(e.workerCount()).toBe(0);
    }
  });
});

describe('when the ONNX model cannot be built', () => {
  // The package's files with one op the translation does not know: the build fails as it would on a changed package.
  const broken = join(tmp, 'broken-package');
  mkdirSync(broken, { recursive: true });
  const pkg = useLitePackageDir();
  const model = JSON.parse(readFileSync(join(pkg, 'model.json'), 'utf8')) as TfGraphModel;
  const tanh = model.modelTopology.node.find((n) => n.op === 'Tanh');
  if (tanh) tanh.op = 'Erf';
  writeFileSync(join(broken, 'model.json'), JSON.stringify(model));
  for (const f of readdirSync(pkg).filter((n) => n.startsWith('group1-') || n === 'vocab.json')) symlinkSync(join(pkg, f), join(broken, f));

  it('the translation names the op it cannot translate', () => {
    expect(tanh).toBeDefined();
    const shards = Buffer.concat((model.weightsManifest[0]?.paths ?? []).map((p) => readFileSync(join(pkg, p))));
    expect(() => tfGraphToOnnx(model, shards)).toThrow(/op Erf is not supported/);
  });

  for (const threads of [1, 2]) {
    it(`falls back to tfjs with one log line and still embeds (threads ${threads})`, async () => {
      const logs: Array<{ event: string; fields: Record<string, unknown> }> = [];
      const e = createUseLiteEmbedder({ engine: 'onnx', modelsDir: join(tmp, `fallback-${threads}`), sourceDir: broken, threads, log: (event, fields = {}) => logs.push({ event, fields }) });
      const ref = createUseLiteEmbedder({ engine: 'tfjs' });
      try {
        const texts = TEXTS.slice(0, 6);
        expect(worstDiff(await e.embed(texts), await ref.embed(texts))).toBeLessThan(1e-5);
        await e.ready();
        expect(e.enginesLoaded()).toEqual(['tfjs']);
        expect(logs).toHaveLength(1);
        expect(logs[0]?.event).toBe('use_lite.engine_fallback');
        expect(logs[0]?.fields).toMatchObject({ asked: 'onnx', engine: 'tfjs' });
        expect(String(logs[0]?.fields.reason)).toMatch(/op Erf is not supported.*running on tfjs/);
        expect(existsSync(join(tmp, `fallback-${threads}`, 'use-lite-onnx'))).toBe(false);
      } finally {
        await Promise.all([e.dispose(), ref.dispose()]);
      }
    });
  }
});
