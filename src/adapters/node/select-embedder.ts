/**
 * Chooses the Node embedder: the ONNX model when it has been pulled into
 * `models/`, otherwise USE-lite (bundled in npm). Returns a one-line reason
 * for the start-up log so operators see which model ranks their drafts.
 * USE-lite runs in a pool of worker threads here (see {@link defaultUseLiteThreads}),
 * so embedding never stalls the server's event loop.
 */
import { availableParallelism } from 'node:os';
import { createEmbedQueue, type EmbedQueueOptions } from '../../core/embed/embed-queue.js';
import { createWindowedEmbedder, type WindowOptions } from '../../core/embed/windowed-embedder.js';
import { isCfpError } from '../../core/errors.js';
import type { Embedder } from '../../core/ports.js';
import { parseChoice } from '../../core/validate.js';
import { createOnnxEmbedder, DEFAULT_ONNX_MODEL, modelAvailable, modelPath } from './onnx-embedder.js';
import { createUseLiteEmbedder } from './use-lite-embedder.js';

export type EmbedderKind = 'auto' | 'onnx' | 'use-lite';

export const EMBEDDER_KINDS: readonly EmbedderKind[] = ['auto', 'onnx', 'use-lite'];

export interface SelectEmbedderOptions {
  /** Usually from the EMBEDDER environment variable. Default `auto`. */
  kind?: EmbedderKind;
  /** Default `models`. */
  modelsDir?: string;
  /** Default `Xenova/bge-small-en-v1.5`. */
  modelId?: string;
  batchSize?: number;
  /** USE-lite worker threads; 1 runs the model on the main thread. Default {@link defaultUseLiteThreads}. */
  threads?: number;
  /** Token windows (always on; these override the defaults: 2048 estimated tokens a window, 8 a text, 8192 a call). */
  windows?: WindowOptions;
  /** Admission control and scheduling in front of the model (the server's; off when absent). */
  queue?: EmbedQueueOptions;
}

export interface SelectedEmbedder {
  embedder: Embedder;
  /** Why this embedder was chosen, for the start-up log. */
  reason: string;
}

/**
 * USE-lite worker threads for the server and CLI: `Math.min(2, os.availableParallelism())`.
 * Two workers give ~2.5x the one-at-a-time throughput of one thread on batched
 * input and keep the event loop free; each holds its own model copy, so more
 * than two buys little on the small machines this runs on. On one core it is 1:
 * the model runs in-thread, as before.
 *
 * @example
 * createUseLiteEmbedder({ threads: defaultUseLiteThreads() });
 */
export function defaultUseLiteThreads(): number {
  return Math.min(2, availableParallelism());
}

/**
 * Validate an EMBEDDER value; unset means `auto`.
 *
 * @example
 * parseEmbedderKind(process.env.EMBEDDER); // 'auto'
 */
export function parseEmbedderKind(value: string | undefined): EmbedderKind {
  return parseChoice('EMBEDDER', value, EMBEDDER_KINDS, 'auto');
}

/**
 * Put the cost bounds in front of a model: an optional queue (concurrency, bounded waiting work,
 * deadline) and always token windows, so no text reaches the model whole and, with a queue, a
 * long text's windows are scheduled like any other batches.
 *
 * @example
 * const embedder = boundEmbedder(model, { queue: { concurrency: 2 } });
 */
export function boundEmbedder(model: Embedder, opts: Pick<SelectEmbedderOptions, 'windows' | 'queue'> = {}): Embedder {
  const threads = (model as { threads?: unknown }).threads;
  const scheduled = opts.queue ? createEmbedQueue(model, { concurrency: typeof threads === 'number' ? threads : 1, ...opts.queue }) : model;
  return createWindowedEmbedder(scheduled, opts.windows);
}

/**
 * Pick and load the embedder. `onnx` fails with MODEL_NOT_FOUND when the model
 * is missing; `auto` falls back to USE-lite instead. The result is bounded by {@link boundEmbedder}.
 *
 * @example
 * const { embedder, reason } = await selectEmbedder({ kind: parseEmbedderKind(process.env.EMBEDDER) });
 * log('embedder.selected', { embedder: embedder.id, reason });
 */
export async function selectEmbedder(opts: SelectEmbedderOptions = {}): Promise<SelectedEmbedder> {
  const { embedder, reason } = await selectModel(opts);
  return { embedder: boundEmbedder(embedder, opts), reason };
}

async function selectModel(opts: SelectEmbedderOptions): Promise<SelectedEmbedder> {
  const kind = opts.kind ?? 'auto';
  const modelsDir = opts.modelsDir ?? 'models';
  const modelId = opts.modelId ?? DEFAULT_ONNX_MODEL;
  const batch = opts.batchSize === undefined ? {} : { batchSize: opts.batchSize };
  const threads = opts.threads ?? defaultUseLiteThreads();
  const useLite = (reason: string): SelectedEmbedder => ({ embedder: createUseLiteEmbedder({ ...batch, threads }), reason });

  if (kind === 'use-lite') return useLite('EMBEDDER=use-lite');
  if (kind === 'onnx') {
    const embedder = await createOnnxEmbedder({ modelId, modelsDir, ...batch });
    return { embedder, reason: `EMBEDDER=onnx: ${modelId} from ${modelPath(modelsDir, modelId)}` };
  }
  if (!modelAvailable(modelsDir, modelId)) {
    return useLite(`auto: ${modelId} not in ${modelPath(modelsDir, modelId)} (npm run model:pull), using bundled use-lite`);
  }
  try {
    const embedder = await createOnnxEmbedder({ modelId, modelsDir, ...batch });
    return { embedder, reason: `auto: found ${modelId} in ${modelPath(modelsDir, modelId)}` };
  } catch (err) {
    if (!isCfpError(err)) throw err;
    return useLite(`auto: ${modelId} in ${modelPath(modelsDir, modelId)} failed to load (${err.code}), using bundled use-lite`);
  }
}
