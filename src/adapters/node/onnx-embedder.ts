/**
 * Embedder on an ONNX sentence-embedding model run by transformers.js from a
 * local folder (`models/<org>/<name>/`). Never downloads: `npm run model:pull`
 * fetches models ahead of time, where the network allows it.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { FeatureExtractionPipeline } from '@huggingface/transformers';
import { createError } from '../../core/errors.js';
import type { Embedder } from '../../core/ports.js';
import { l2Normalize } from '../../core/rank/vector-math.js';

export const DEFAULT_ONNX_MODEL = 'Xenova/bge-small-en-v1.5';

export type OnnxDtype = 'fp32' | 'fp16' | 'q8' | 'int8' | 'uint8' | 'q4';

export interface OnnxEmbedderOptions {
  /** Hugging Face id, also the folder under `modelsDir`. Default `Xenova/bge-small-en-v1.5`. */
  modelId?: string;
  /** Folder holding downloaded models. Default `models`. */
  modelsDir?: string;
  /** `cls` for BGE models (how they were trained), `mean` otherwise. */
  pooling?: 'cls' | 'mean';
  /** Texts per model call. Default 16. */
  batchSize?: number;
  /** Weights file variant: fp32 is `onnx/model.onnx`, q8 is `onnx/model_quantized.onnx`. Default: fp32 if present, else q8. */
  dtype?: OnnxDtype;
  /** Shorthand for `dtype: 'q8'`. */
  quantized?: boolean;
}

export interface OnnxEmbedder extends Embedder {
  readonly name: string;
  readonly modelPath: string;
  dispose(): Promise<void>;
}

const DTYPE_SUFFIX: Record<OnnxDtype, string> = { fp32: '', fp16: '_fp16', q8: '_quantized', int8: '_int8', uint8: '_uint8', q4: '_q4' };

/**
 * Absolute folder of `modelId` under `modelsDir`.
 *
 * @example
 * modelPath('models', 'Xenova/bge-small-en-v1.5'); // '/srv/app/models/Xenova/bge-small-en-v1.5'
 */
export function modelPath(modelsDir: string, modelId: string): string {
  return resolve(modelsDir, ...modelId.split('/'));
}

function weightsFile(dir: string, dtype: OnnxDtype): string {
  return join(dir, 'onnx', `model${DTYPE_SUFFIX[dtype]}.onnx`);
}

function pickDtype(dir: string, opts: OnnxEmbedderOptions): OnnxDtype {
  if (opts.dtype) return opts.dtype;
  if (opts.quantized) return 'q8';
  return existsSync(weightsFile(dir, 'fp32')) || !existsSync(weightsFile(dir, 'q8')) ? 'fp32' : 'q8';
}

/**
 * Whether `modelId` is present in `modelsDir` with a config, a tokenizer and ONNX weights.
 *
 * @example
 * modelAvailable('models', 'Xenova/bge-small-en-v1.5'); // false until `npm run model:pull`
 */
export function modelAvailable(modelsDir: string, modelId: string = DEFAULT_ONNX_MODEL): boolean {
  const dir = modelPath(modelsDir, modelId);
  return (
    existsSync(join(dir, 'config.json')) &&
    existsSync(join(dir, 'tokenizer.json')) &&
    Object.values(DTYPE_SUFFIX).some((s) => existsSync(join(dir, 'onnx', `model${s}.onnx`)))
  );
}

function modelNotFound(path: string, modelId: string, cause?: unknown): Error {
  return createError(
    'MODEL_NOT_FOUND',
    `embedding model "${modelId}" not found at ${path}; run \`npm run model:pull -- ${modelId}\` where the Hugging Face hub is reachable, or use EMBEDDER=use-lite`,
    cause === undefined ? {} : { cause },
  );
}

/**
 * Load an ONNX embedding model from `modelsDir` and return an Embedder. Async
 * so that `dimensions` is known (probed from the model) before any indexing.
 *
 * @example
 * const embedder = await createOnnxEmbedder({ modelsDir: 'models' }); // id 'onnx:Xenova/bge-small-en-v1.5', 384 dims
 * const [v] = await embedder.embed(['Graph neural networks for power grids']);
 */
export async function createOnnxEmbedder(opts: OnnxEmbedderOptions = {}): Promise<OnnxEmbedder> {
  const modelId = opts.modelId ?? DEFAULT_ONNX_MODEL;
  const modelsDir = resolve(opts.modelsDir ?? 'models');
  const dir = modelPath(modelsDir, modelId);
  const pooling = opts.pooling ?? (/bge/i.test(modelId) ? 'cls' : 'mean');
  const batchSize = Math.max(1, Math.floor(opts.batchSize ?? 16));
  if (!modelAvailable(modelsDir, modelId)) throw modelNotFound(dir, modelId);
  const dtype = pickDtype(dir, opts);
  if (!existsSync(weightsFile(dir, dtype))) throw modelNotFound(weightsFile(dir, dtype), modelId);

  let extractor: FeatureExtractionPipeline | undefined;
  try {
    const { env, pipeline } = await import('@huggingface/transformers');
    // Set before loading: the hub is never contacted at run time.
    env.allowRemoteModels = false;
    env.allowLocalModels = true;
    env.localModelPath = modelsDir;
    extractor = await pipeline('feature-extraction', modelId, { dtype, local_files_only: true });
  } catch (err) {
    throw createError('EMBEDDER_UNAVAILABLE', `cannot load ONNX model ${modelId} from ${dir}: ${(err as Error).message}`, {
      cause: err,
    });
  }
  const run = extractor;

  async function embedBatch(texts: string[]): Promise<Float32Array[]> {
    const output = await run(texts, { pooling, normalize: true });
    const [rows, dims] = output.dims as [number, number];
    const data = output.data as Float32Array;
    // Normalised again in float32 so the port's unit-length promise holds exactly.
    return Array.from({ length: rows }, (_, r) => l2Normalize(data.subarray(r * dims, (r + 1) * dims)));
  }

  const [probe] = await embedBatch(['dimension probe']);
  const dimensions = probe?.length ?? 0;
  let disposed = false;

  return {
    id: `onnx:${modelId}`,
    name: 'onnx',
    dimensions,
    modelPath: dir,
    async embed(texts) {
      if (disposed) throw createError('EMBEDDER_UNAVAILABLE', `ONNX embedder ${modelId} was disposed`);
      const out: Float32Array[] = [];
      for (let i = 0; i < texts.length; i += batchSize) out.push(...(await embedBatch(texts.slice(i, i + batchSize))));
      return out;
    },
    async dispose() {
      if (disposed) return;
      disposed = true;
      await run.dispose();
    },
  };
}
