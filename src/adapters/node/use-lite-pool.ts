/**
 * A worker_threads pool for USE-lite: each worker holds its own model copy, so
 * embedding runs off the main event loop and N batches run at once on N cores.
 * embed() cuts texts into batches, hands them to idle workers (concurrent
 * calls take turns, one batch each) and puts the vectors back in input order.
 */
import { Worker } from 'node:worker_threads';
import { createError, ERROR_CODES, type CfpError, type ErrorCode } from '../../core/errors.js';
import type { UseLiteEngine } from './use-lite-model.js';
import type { UseLiteOnnxOptions } from './use-lite-onnx.js';
import type { UseLiteJobMessage, UseLiteWorkerData, UseLiteWorkerMessage } from './use-lite-worker.js';

export interface UseLitePoolOptions extends UseLiteOnnxOptions {
  /** The engine every worker loads. */
  engine: UseLiteEngine;
  /** Told which engine each worker ended up running (and the load's note: a built model, or why onnx fell back). */
  onLoad?: (engine: UseLiteEngine, note?: string) => void;
  /** Worker threads, each with its own model copy. */
  threads: number;
  /** Texts per model call (one job for one worker). */
  batchSize: number;
  /** Test hook: how many worker loads to fail and how many jobs to crash a worker on. */
  faults?: { failLoads?: number; crashJobs?: number };
}

export interface UseLitePool {
  embed(texts: readonly string[]): Promise<Float32Array[]>;
  /** Start every worker and wait until each has loaded the model. */
  ready(): Promise<void>;
  /** Worker threads started and not stopped (loading or loaded). */
  workerCount(): number;
  /** Terminate the workers; calls still waiting fail with EMBEDDER_UNAVAILABLE. A later call starts new workers. */
  dispose(): Promise<void>;
}

interface Call {
  out: Float32Array[];
  /** Batches not yet handed to a worker: the input positions of their texts. */
  todo: Array<{ idx: number[]; texts: string[] }>;
  /** Batches not yet answered. */
  pending: number;
  done: boolean;
  resolve(v: Float32Array[]): void;
  reject(err: unknown): void;
}

interface Slot {
  worker: Worker;
  state: 'loading' | 'idle' | 'busy';
  job?: { call: Call; idx: number[] };
  /** Settles when the model has loaded (or failed to). */
  loaded: Promise<void>;
  settle(err?: CfpError): void;
  /** The uncaught error that is ending the thread, if any. */
  crash?: Error;
}

/**
 * Start a worker running use-lite-worker. Compiled code (dist/…/*.js) runs the
 * .js sibling; under vitest or tsx this module is the .ts source, and the worker
 * registers tsx before importing the .ts worker (a plain `--import tsx` in the
 * worker's execArgv does not take effect there).
 */
function startWorker(workerData: UseLiteWorkerData): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./use-lite-worker.js', import.meta.url), { workerData });
  const tsUrl = new URL('./use-lite-worker.ts', import.meta.url).href;
  const boot = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(tsUrl)}); })`;
  return new Worker(boot, { eval: true, workerData });
}

/**
 * Batches of input positions, texts of similar length together: a model batch is padded to its
 * longest row, so one long text in a batch of short sentences made every sentence pay its length.
 * A call too small to fill every thread is cut into one batch per thread, so a draft's sentences
 * run on both cores instead of one. The vectors do not depend on the batching (the padding is
 * masked; tested to 1e-5).
 *
 * @example
 * lengthBatches(['a long sentence here', 'b', 'cc'], 16, 2) // [[1, 2], [0]]
 */
export function lengthBatches(texts: readonly string[], batchSize: number, threads: number): number[][] {
  const order = texts.map((_, i) => i).sort((a, b) => (texts[a] as string).length - (texts[b] as string).length || a - b);
  const per = Math.max(1, Math.min(batchSize, Math.ceil(texts.length / Math.max(1, threads))));
  const out: number[][] = [];
  for (let i = 0; i < order.length; i += per) out.push(order.slice(i, i + per));
  return out;
}

/**
 * Ask a worker to exit between jobs and wait for it; terminate() only if it has not gone within
 * 10 s. A worker terminated inside onnxruntime's synchronous run aborts the process, so dispose
 * lets the batch in hand finish (tens of ms on onnx) instead.
 */
function stopWorker(worker: Worker): Promise<void> {
  if (worker.threadId === -1) return Promise.resolve(); // already gone
  return new Promise<void>((resolve) => {
    const timer = setTimeout(() => void worker.terminate().then(() => resolve()), 10_000);
    worker.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    worker.ref(); // an idle worker is unref'd; keep the process until it has exited
    worker.postMessage({ stop: true } satisfies UseLiteJobMessage);
  });
}

const unavailable = (message: string, cause?: unknown): CfpError =>
  createError('EMBEDDER_UNAVAILABLE', message, cause === undefined ? {} : { cause });

/**
 * @example
 * const pool = createUseLitePool({ threads: 2, batchSize: 16, engine: 'onnx' });
 * const vectors = await pool.embed(abstracts); // Float32Array(512) each, in order
 * await pool.dispose();
 */
export function createUseLitePool(opts: UseLitePoolOptions): UseLitePool {
  const threads = Math.max(1, Math.floor(opts.threads));
  const batchSize = Math.max(1, Math.floor(opts.batchSize));
  const faults = opts.faults && new Int32Array(new SharedArrayBuffer(8));
  if (faults) faults.set([opts.faults?.failLoads ?? 0, opts.faults?.crashJobs ?? 0]);
  const slots = new Set<Slot>();
  /** Calls with batches still to hand out, served round-robin. */
  let calls: Call[] = [];

  const fail = (call: Call, err: unknown) => {
    if (call.done) return;
    call.done = true;
    calls = calls.filter((c) => c !== call);
    call.reject(err);
  };

  /** A model that does not load fails every waiting call (the next call retries with fresh workers). */
  const loadFailed = (slot: Slot, err: CfpError) => {
    slots.delete(slot);
    slot.settle(err);
    for (const call of calls) fail(call, err);
  };

  /**
   * Keep the process alive while work is in flight and while a worker is loading the model; idle workers
   * never hold a CLI open. A loading worker is kept even when nothing waits for it any more (the other
   * worker finished the work): a process exiting while a worker is inside onnxruntime's native session
   * load aborted ("terminate called after throwing an instance of 'Napi::Error'"), seen on a fresh clone,
   * where the first load also builds the ONNX model. It becomes idle, and unref'd, once loaded.
   */
  const updateRefs = () => {
    for (const s of slots) {
      if (s.state === 'busy' || s.state === 'loading') s.worker.ref();
      else s.worker.unref();
    }
  };

  const spawn = () => {
    const { engine, modelsDir, sourceDir } = opts;
    const worker = startWorker({ engine, ...(modelsDir ? { modelsDir } : {}), ...(sourceDir ? { sourceDir } : {}), ...(faults ? { faults } : {}) });
    let settle!: (err?: CfpError) => void;
    const loaded = new Promise<void>((resolve, reject) => {
      settle = (err) => (err ? reject(err) : resolve());
    });
    loaded.catch(() => undefined); // observed by ready() and loadFailed; never unhandled
    const slot: Slot = { worker, state: 'loading', loaded, settle };
    slots.add(slot);

    worker.on('message', (msg: UseLiteWorkerMessage) => {
      if (!slots.has(slot)) return;
      if (msg.type === 'ready') {
        slot.state = 'idle';
        slot.settle();
        opts.onLoad?.(msg.engine, msg.note);
      } else if (msg.type === 'load-error') {
        loadFailed(slot, unavailable(`cannot load USE-lite in a worker thread: ${msg.message}`));
        void worker.terminate();
      } else {
        const job = slot.job;
        slot.job = undefined;
        slot.state = 'idle';
        if (job && !job.call.done) {
          if (msg.type === 'error') {
            const code: ErrorCode = msg.code && msg.code in ERROR_CODES ? (msg.code as ErrorCode) : 'EMBEDDER_UNAVAILABLE';
            fail(job.call, createError(code, msg.message));
          } else if (msg.vectors.length !== job.idx.length) {
            fail(job.call, createError('INTERNAL', `USE-lite worker returned ${msg.vectors.length} vectors for ${job.idx.length} texts`));
          } else {
            msg.vectors.forEach((v, i) => (job.call.out[job.idx[i] as number] = v));
            if (--job.call.pending === 0) {
              job.call.done = true;
              job.call.resolve(job.call.out);
            }
          }
        }
      }
      pump();
    });
    worker.on('error', (err) => {
      slot.crash = err;
    });
    worker.on('exit', (code) => {
      if (!slots.has(slot)) return; // terminated by us
      const why = `exit code ${code}${slot.crash ? `: ${slot.crash.message}` : ''}`;
      if (slot.state === 'loading') {
        loadFailed(slot, unavailable(`USE-lite worker thread stopped while loading the model (${why})`, slot.crash));
      } else {
        slots.delete(slot);
        if (slot.job) fail(slot.job.call, unavailable(`USE-lite worker thread stopped while embedding (${why})`, slot.crash));
      }
      pump();
    });
  };

  /**
   * Hand batches to idle workers, then start workers (up to `threads`) for the
   * batches left over: one request at a time never pays for a second model
   * copy, a bulk embed starts them all.
   */
  function pump() {
    for (const slot of slots) {
      if (slot.state !== 'idle') continue;
      const call = calls.shift();
      if (!call) break;
      const batch = call.todo.shift();
      if (!batch) continue;
      if (call.todo.length > 0) calls.push(call); // round-robin: a long call does not starve a short one
      slot.state = 'busy';
      slot.job = { call, idx: batch.idx };
      slot.worker.postMessage({ texts: batch.texts } satisfies UseLiteJobMessage);
    }
    const waiting = calls.reduce((n, c) => n + c.todo.length, 0);
    let loading = [...slots].filter((s) => s.state === 'loading').length;
    for (; slots.size < threads && loading < waiting; loading++) spawn();
    updateRefs();
  }

  return {
    embed(texts) {
      if (texts.length === 0) return Promise.resolve([]);
      return new Promise<Float32Array[]>((resolve, reject) => {
        const todo: Call['todo'] = lengthBatches(texts, batchSize, threads).map((idx) => ({ idx, texts: idx.map((i) => texts[i] as string) }));
        calls.push({ out: new Array<Float32Array>(texts.length), todo, pending: todo.length, done: false, resolve, reject });
        pump();
      });
    },
    workerCount: () => slots.size,
    async ready() {
      while (slots.size < threads) spawn();
      updateRefs();
      // Wait for every load to settle, so a retry after a failure starts from fresh workers.
      const failed = (await Promise.allSettled([...slots].map((s) => s.loaded))).find((r) => r.status === 'rejected');
      if (failed) throw failed.reason;
    },
    async dispose() {
      const err = unavailable('USE-lite embedder was disposed');
      const workers = [...slots];
      slots.clear();
      for (const s of workers) {
        s.settle(err);
        if (s.job) fail(s.job.call, err);
      }
      for (const call of calls) fail(call, err);
      await Promise.all(workers.map((s) => stopWorker(s.worker)));
    },
  };
}
