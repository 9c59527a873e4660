/**
 * Embedder on Workers AI. The default model, `@cf/baai/bge-small-en-v1.5`, is
 * the same 384-d BGE model the Node ONNX embedder loads, so scores and
 * calibration carry over.
 */
import { createError } from '../../core/errors.js';
import type { Embedder } from '../../core/ports.js';
import { l2Normalize } from '../../core/rank/vector-math.js';
import type { AiBinding } from './bindings.js';

export const WORKERS_AI_DEFAULT_MODEL = '@cf/baai/bge-small-en-v1.5';

export interface WorkersAiEmbedderOptions {
  ai: AiBinding;
  /** Workers AI text-embedding model (default `@cf/baai/bge-small-en-v1.5`). */
  model?: string;
  /** Output size of the model (default 384). */
  dimensions?: number;
  /** Texts per `ai.run` call (Workers AI accepts up to 100 for BGE). */
  batchSize?: number;
}

/**
 * @example
 * const embedder = createWorkersAiEmbedder({ ai: env.AI });
 * const [v] = await embedder.embed(['federated learning at the edge']); // 384-d, unit length
 */
export function createWorkersAiEmbedder(opts: WorkersAiEmbedderOptions): Embedder {
  const model = opts.model ?? WORKERS_AI_DEFAULT_MODEL;
  const dimensions = opts.dimensions ?? 384;
  const batchSize = opts.batchSize ?? 50;
  return {
    id: `workers-ai:${model}`,
    dimensions,
    async embed(texts) {
      const out: Float32Array[] = [];
      for (let i = 0; i < texts.length; i += batchSize) {
        // Empty strings are sent as a space: a model may drop a token-less row and misalign the batch.
        const batch = texts.slice(i, i + batchSize).map((t) => (t.trim() ? t : ' '));
        let result: unknown;
        try {
          result = await opts.ai.run(model, { text: batch });
        } catch (err) {
          throw createError('EMBEDDER_UNAVAILABLE', `Workers AI ${model} failed`, { cause: err });
        }
        const rows = readRows(result, batch.length, dimensions, model);
        for (const row of rows) out.push(l2Normalize(row));
      }
      return out;
    },
  };
}

/** `{ shape: [n, d], data: number[][] }` -> n rows of d numbers, or an EMBEDDER_UNAVAILABLE error. */
function readRows(result: unknown, n: number, d: number, model: string): number[][] {
  const data = typeof result === 'object' && result !== null ? (result as { data?: unknown }).data : undefined;
  const ok =
    Array.isArray(data) &&
    data.length === n &&
    data.every((row) => Array.isArray(row) && row.length === d && row.every((x) => typeof x === 'number' && Number.isFinite(x)));
  if (!ok) throw createError('EMBEDDER_UNAVAILABLE', `Workers AI ${model} returned no ${n}x${d} embedding`);
  return data as number[][];
}

