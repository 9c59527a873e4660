/**
 * Worker thread of the USE-lite pool (use-lite-pool.ts). Loads its own copy of
 * the model as soon as it starts, then embeds one batch per message and sends
 * the vectors back with their buffers transferred.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { isCfpError } from '../../core/errors.js';
import { embedBatch, loadUseLite, type LoadedUseModel, type UseLiteEngine } from './use-lite-model.js';
import type { UseLiteOnnxOptions } from './use-lite-onnx.js';

/** Data the pool hands every worker. */
export interface UseLiteWorkerData extends UseLiteOnnxOptions {
  /** The engine to load (onnx falls back to tfjs when its model cannot be built). */
  engine: UseLiteEngine;
  /**
   * Test hook: a shared Int32Array [loads to fail, jobs to crash on]. Each
   * worker takes one from a count before it loads (then fails the load) or
   * embeds (then exits the thread mid-job), so tests exercise real failures.
   */
  faults?: Int32Array;
}

/** Pool -> worker: embed one batch, or stop. */
export type UseLiteJobMessage = { texts: string[] } | { stop: true };

/** Worker -> pool. */
export type UseLiteWorkerMessage =
  | { type: 'ready'; engine: UseLiteEngine; note?: string }
  | { type: 'load-error'; message: string }
  | { type: 'done'; vectors: Float32Array[] }
  | { type: 'error'; code?: string; message: string };

/** Take one from faults[i] if it is positive. */
function takeFault(faults: Int32Array | undefined, i: number): boolean {
  if (!faults) return false;
  for (;;) {
    const left = Atomics.load(faults, i);
    if (left <= 0) return false;
    if (Atomics.compareExchange(faults, i, left, left - 1) === left) return true;
  }
}

const port = parentPort;
if (!port) throw new Error('use-lite-worker must run in a worker thread');
const { faults, ...load } = workerData as UseLiteWorkerData;
const send = (msg: UseLiteWorkerMessage, transfer: ArrayBuffer[] = []) => port.postMessage(msg, transfer);

let use: LoadedUseModel | undefined;
// Listening before the model loads, so a stop during the load is seen as soon as it returns.
port.on('message', (job: UseLiteJobMessage) => {
  if ('stop' in job) {
    // The pool stops a worker with a message, not worker.terminate(): onnxruntime's session.run is
    // synchronous native code, and a thread terminated inside it aborts the whole process
    // ("terminate called after throwing an instance of 'Napi::Error'"). Here no run is in progress.
    use?.model.dispose();
    process.exit(0);
  }
  if (!use) return; // the pool sends jobs only after 'ready'
  if (takeFault(faults, 1)) process.exit(70); // ends this thread only: a crash mid-job
  embedBatch(use, job.texts).then(
    (vectors) => send({ type: 'done', vectors }, vectors.map((v) => v.buffer as ArrayBuffer)),
    (err: unknown) => send({ type: 'error', ...(isCfpError(err) ? { code: err.code } : {}), message: (err as Error).message }),
  );
});
try {
  if (takeFault(faults, 0)) throw new Error('injected load failure (test)');
  use = await loadUseLite(load);
  send({ type: 'ready', engine: use.engine, ...(use.note ? { note: use.note } : {}) });
} catch (err) {
  send({ type: 'load-error', message: (err as Error).message });
}
