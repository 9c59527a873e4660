/**
 * Per-isolate composition for the Worker: one matcher per isolate, rebuilt
 * incrementally when the D1 version key moves. The version is read at most
 * once per `recheckMs` so a busy isolate does not query D1 on every request.
 */
import { composeMatcher } from '../../core/compose.js';
import type { ReferencePopulation } from '../../core/corpus/reference.js';
import { silentLogger, type Logger } from '../../core/log.js';
import type { Matcher } from '../../core/matcher.js';
import type { RankParams } from '../../core/rank/fusion.js';
import type { CandidateOptions } from '../../core/rank/candidates.js';
import type { AiBinding, D1Like, VectorizeBinding } from './bindings.js';
import { workerCalibrations } from './calibrations.js';
import { createD1PassageRegistry, createD1Store } from './d1-store.js';
import { createVectorizeIndex } from './vectorize-index.js';
import { createWorkersAiEmbedder } from './workers-ai-embedder.js';

export interface WorkerBindings {
  ai: AiBinding;
  vectorize: VectorizeBinding;
  db: D1Like;
}

export interface WorkerRuntimeOptions {
  /** Workers AI embedding model (default bge-small-en-v1.5). */
  model?: string;
  /** Milliseconds between version checks (default 2000; 0 checks on every request). */
  recheckMs?: number;
  /**
   * Candidate selection. `exactLimit: 0` makes every request take its candidates from
   * Vectorize and BM25, so only their vectors are fetched, never the whole index.
   */
  candidates?: Partial<CandidateOptions>;
  /** Ranking parameter overrides (e.g. the topic threshold on bge-small's cosine scale). */
  params?: Partial<RankParams>;
  /** The reference population call scores are read against (core/corpus/reference.ts); the Worker entry passes workerReference(). */
  reference?: ReferencePopulation;
  log?: Logger;
}

export interface WorkerRuntime {
  /** The isolate's matcher, synced with D1 if the version moved. */
  matcher(bindings: WorkerBindings): Promise<Matcher>;
  /** Force a version check on the next request (after this isolate wrote). */
  invalidate(): void;
}

/**
 * @example
 * const runtime = createWorkerRuntime();
 * const matcher = await runtime.matcher({ ai: env.AI, vectorize: env.VECTORIZE, db: env.DB });
 */
export function createWorkerRuntime(opts: WorkerRuntimeOptions = {}): WorkerRuntime {
  const log = opts.log ?? silentLogger;
  const recheckMs = opts.recheckMs ?? 2000;
  let state: { matcher: Matcher; reset: (ids: string[]) => void; listKnown: () => Promise<string[]>; version: string } | undefined;
  let checkedAt = -Infinity;
  let pending: Promise<Matcher> | undefined;

  const refresh = async (b: WorkerBindings): Promise<Matcher> => {
    const store = createD1Store({ db: b.db });
    const version = await store.version();
    checkedAt = Date.now();
    if (state && state.version === version) return state.matcher;
    const t0 = Date.now();
    if (!state) {
      const embedder = createWorkersAiEmbedder({ ai: b.ai, ...(opts.model ? { model: opts.model } : {}) });
      const registry = createD1PassageRegistry({ db: b.db, embedder: embedder.id });
      const index = createVectorizeIndex({ vectorize: b.vectorize, dimensions: embedder.dimensions, registry, known: await registry.list() });
      const matcher = composeMatcher({
        embedder,
        index,
        store,
        calibrations: workerCalibrations(),
        log,
        ...(opts.reference ? { reference: opts.reference } : {}),
        ...(opts.params ? { params: opts.params } : {}),
        candidates: { exactLimit: 0, candidates: 40, ...opts.candidates },
      });
      state = { matcher, reset: index.reset, listKnown: registry.list, version };
    } else {
      state.reset(await state.listKnown());
    }
    // sync() embeds only passages the registry does not list (normally none: worker:sync pushed them).
    const report = await state.matcher.sync();
    state.version = version;
    log('isolate.corpus', { version, ...report, ms: Date.now() - t0 });
    return state.matcher;
  };

  return {
    matcher(b) {
      if (state && !pending && Date.now() - checkedAt < recheckMs) return Promise.resolve(state.matcher);
      // Concurrent requests in one isolate share one refresh.
      pending ??= refresh(b).finally(() => {
        pending = undefined;
      });
      return pending;
    },
    invalidate() {
      checkedAt = -Infinity;
    },
  };
}
