/**
 * Node composition shared by the server and the CLI: picks the embedder,
 * opens the call store, restores (or rebuilds) the saved HNSW index and
 * returns a synced matcher.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createFileStore } from '../adapters/node/file-store.js';
import { loadCalibrations } from '../adapters/node/calibration-file.js';
import { loadReferencePopulation } from '../adapters/node/reference-file.js';
import { createHnswIndex } from '../adapters/node/hnsw-index.js';
import { isWholeCallPassage } from '../core/corpus/passage-id.js';
import { cacheVectors, restoreCachedHnsw } from '../adapters/node/vector-cache.js';
import { cleanIndexDir, loadIndexFiles, openIndexFiles, saveIndex, type IndexManifest } from '../adapters/node/index-files.js';
import { boundEmbedder, selectEmbedder, type EmbedderKind } from '../adapters/node/select-embedder.js';
import { readTextFile } from '../adapters/node/text-file.js';
import { callSetHash } from '../core/call-set-hash.js';
import { parseCfp } from '../core/cfp/parse.js';
import { isCfpError } from '../core/errors.js';
import { createFlatIndex } from '../core/flat-index.js';
import { silentLogger, type Logger } from '../core/log.js';
import { composeMatcher } from '../core/compose.js';
import type { Matcher } from '../core/matcher.js';
import { createMemoryStore } from '../core/memory-store.js';
import type { CallStore, Embedder, VectorIndex } from '../core/ports.js';
import type { Call } from '../core/schema.js';
import type { EmbedQueueOptions } from '../core/embed/embed-queue.js';
import type { WindowOptions } from '../core/embed/windowed-embedder.js';
import { createIndexSaver, type PersistStatus } from './index-saver.js';
import { windowsFromEnv } from './limits-env.js';

export interface NodeRuntimeOptions {
  /** Folder with `calls/` and `index/` (default `data`). */
  dataDir?: string;
  embedder?: EmbedderKind;
  modelsDir?: string;
  modelId?: string;
  log?: Logger;
  /** Rank against these calls instead of the data folder (nothing is written). */
  calls?: Call[];
  /** Use the exact flat index instead of HNSW. */
  exact?: boolean;
  /** Reuse an embedder that is already loaded. */
  embedderInstance?: Embedder;
  /** USE-lite worker threads (EMBED_THREADS); default min(2, cores), 1 = on the main thread. */
  embedThreads?: number;
  /**
   * Return before every call is embedded (the server): calls are ranked lexically at once and the
   * missing passages are embedded in the background (`index: warming` until done). The CLI waits.
   */
  background?: boolean;
  /** Token windows (EMBED_WINDOW_TOKENS...); always on for a selected embedder, on for `embedderInstance` only when given. */
  windows?: WindowOptions;
  /** The server's embedding queue (concurrency, waiting work, deadline); none when absent. */
  embedQueue?: EmbedQueueOptions;
  /** The server: a failed index save is logged and retried, never thrown (start-up on a full or read-only disk serves from memory). */
  retrySaves?: boolean;
}

export interface NodeRuntime {
  matcher: Matcher;
  embedder: Embedder;
  /**
   * Save the index if it changed since the last save; resolves whether the index on disk is current.
   * With `retrySaves` it never rejects (failures are logged and retried); without, it rejects with STORAGE.
   */
  persist(): Promise<boolean>;
  /** Whether the last save succeeded, and the errno of the last failure. */
  persistence(): PersistStatus;
  dispose(): Promise<void>;
}

export function envOptions(env: NodeJS.ProcessEnv = process.env): NodeRuntimeOptions {
  const kind = env.EMBEDDER ?? 'auto';
  if (kind !== 'auto' && kind !== 'onnx' && kind !== 'use-lite') {
    throw new Error(`EMBEDDER must be auto, onnx or use-lite (got "${kind}")`);
  }
  const threads = env.EMBED_THREADS;
  if (threads !== undefined && threads !== '' && !/^[1-9]\d{0,2}$/.test(threads)) {
    throw new Error(`EMBED_THREADS must be a whole number from 1 to 999 (got "${threads}")`);
  }
  return {
    dataDir: env.DATA_DIR ?? 'data',
    embedder: kind,
    ...(threads ? { embedThreads: Number(threads) } : {}),
    modelsDir: env.MODELS_DIR ?? 'models',
    ...(env.EMBEDDING_MODEL ? { modelId: env.EMBEDDING_MODEL } : {}),
    windows: windowsFromEnv(env),
  };
}

/**
 * @example
 * const rt = await createNodeRuntime({ dataDir: 'data' });
 * await rt.matcher.rank({ title, abstract });
 */
export async function createNodeRuntime(opts: NodeRuntimeOptions = {}): Promise<NodeRuntime> {
  const log = opts.log ?? silentLogger;
  const dataDir = opts.dataDir ?? 'data';
  const limits = { ...(opts.windows ? { windows: opts.windows } : {}), ...(opts.embedQueue ? { queue: opts.embedQueue } : {}) };
  const instance = opts.embedderInstance && (opts.windows || opts.embedQueue) ? boundEmbedder(opts.embedderInstance, limits) : opts.embedderInstance;
  const embedder =
    instance ??
    (await (async () => {
      const { embedder: e, reason } = await selectEmbedder({
        kind: opts.embedder ?? 'auto',
        modelsDir: opts.modelsDir ?? 'models',
        ...(opts.embedThreads ? { threads: opts.embedThreads } : {}),
        ...(opts.modelId ? { modelId: opts.modelId } : {}),
        ...limits,
      });
      log('embedder.selected', { embedder: e.id, dimensions: e.dimensions, reason });
      return e;
    })());

  // The in-scope probability uses the calibration of this embedder (composeMatcher picks it from data/calibration).
  const calibrations = await loadCalibrations();
  // The reference population call scores are read against (data/reference; dense statistics only for embedders they were computed for).
  const reference = await loadReferencePopulation(embedder.id);
  log('reference.loaded', { abstracts: reference?.abstracts.length ?? 0, dense: Boolean(reference?.dense) });
  if (opts.calls) {
    const matcher = composeMatcher({ embedder, index: createFlatIndex({ dimensions: embedder.dimensions }), store: createMemoryStore(opts.calls), log, calibrations, ...(reference ? { reference } : {}) });
    await matcher.sync();
    return { matcher, embedder, persist: async () => true, persistence: () => ({ current: true, failures: 0 }), dispose: async () => embedder.dispose?.() };
  }

  const callsDir = join(dataDir, 'calls');
  const indexDir = join(dataDir, 'index');
  const store = createFileStore({ dir: callsDir, log });
  await importRawCfps(callsDir, store, log);
  // Temporary files of a writer killed mid-save, and data files no manifest names.
  const cleaned = await cleanIndexDir(indexDir);
  if (cleaned > 0) log('index.cleaned', { files: cleaned });
  const index = await openIndex(indexDir, embedder, Boolean(opts.exact), log);
  const matcher = composeMatcher({ embedder, index, store, log, calibrations, ...(reference ? { reference } : {}) });
  const t0 = Date.now();
  // A first start with hundreds of calls to embed would take minutes: rank lexically meanwhile.
  const warming = opts.background ? (await matcher.warm()).state === 'warming' : false;
  const ready = matcher.sync().then((report) => {
    log('index.ready', { calls: report.calls, embedded: report.embedded, ms: Date.now() - t0 });
    return report;
  });
  const report = warming ? undefined : await ready;
  let savedHash = report && report.embedded === 0 && report.removed === 0 ? callSetHash(matcher.listCalls()) : '';
  // Saves run one after another so two ingests never write the index files at once. The server's
  // saver logs and retries a failed save instead of throwing: it serves from memory meanwhile.
  const saver = createIndexSaver({
    strict: !opts.retrySaves,
    log,
    save: async () => {
      const hash = callSetHash(matcher.listCalls());
      if (hash === savedHash) return;
      await saveIndex(indexDir, { embedder: embedder.id, calls_hash: hash }, index);
      savedHash = hash;
      log('index.saved', { calls: matcher.corpus.calls.size });
    },
  });
  if (warming) ready.then(() => saver.persist()).catch((err: unknown) => log('index.warm_failed', { code: isCfpError(err) ? err.code : 'INTERNAL', message: (err as Error).message }));
  else await saver.persist();
  return {
    matcher,
    embedder,
    persist: saver.persist,
    persistence: saver.status,
    dispose: async () => {
      saver.stop();
      await index.dispose();
      await embedder.dispose?.();
    },
  };
}

async function openIndex(dir: string, embedder: Embedder, exact: boolean, log: Logger): Promise<VectorIndex> {
  // Parameters and the vector cache chosen by `npm run bench` (docs/performance.md): at 50k calls
  // (542k passages) efConstruction 48 builds in 177 s with recall@10 0.980 at efSearch 128 and the
  // ranked top 10 identical to scoring every call (64: 200 s, 0.988, the same top 10). The
  // whole-call vectors (read for every candidate) are cached in JS; topic vectors are read from disk.
  const hnsw = { dimensions: embedder.dimensions, efConstruction: 48, efSearch: 128 };
  const cache = { keep: isWholeCallPassage };
  const fresh = async () => (exact ? createFlatIndex({ dimensions: embedder.dimensions }) : cacheVectors(await createHnswIndex(hnsw), undefined, cache));
  const sameEmbedder = (manifest: IndexManifest) => {
    if (manifest.embedder === embedder.id && manifest.dimensions === embedder.dimensions) return true;
    log('index.stale', { reason: 'embedder changed', was: manifest.embedder, now: embedder.id });
    return false;
  };
  try {
    if (exact) {
      const saved = await loadIndexFiles(dir);
      if (!saved || !sameEmbedder(saved.manifest) || saved.raw.kind !== 'flat') return fresh();
      return createFlatIndex({ dimensions: embedder.dimensions }, saved.raw);
    }
    // HNSW reads its file natively from the saved path: no in-memory copy, no temp file.
    const saved = await openIndexFiles(dir);
    if (!saved || !sameEmbedder(saved.manifest) || saved.file.kind === 'flat') return fresh();
    return await restoreCachedHnsw({ ...hnsw, file: saved.file }, cache);
  } catch (err) {
    // The saved index is a cache: anything wrong with it means a rebuild, never a server that cannot start.
    if (!isCfpError(err) || (err.code !== 'INDEX_CORRUPT' && err.code !== 'INDEX_MISMATCH')) throw err;
    log('index.corrupt', { action: 'rebuild', code: err.code });
    return fresh();
  }
}

/** A CFP dropped into the calls folder as `.txt` without a curated `.json` is parsed and stored. */
async function importRawCfps(dir: string, store: CallStore, log: Logger): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  const json = new Set(names.filter((n) => n.endsWith('.json')).map((n) => n.slice(0, -5)));
  for (const name of names.filter((n) => n.endsWith('.txt'))) {
    const id = name.slice(0, -4);
    if (json.has(id)) continue;
    try {
      await store.put(parseCfp(await readTextFile(join(dir, name)), { id }));
      log('call.imported', { call_id: id });
    } catch (err) {
      log('call.import_failed', { file: name, code: isCfpError(err) ? err.code : 'INTERNAL' });
    }
  }
}
