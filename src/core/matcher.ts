/**
 * The matcher: the indexed call set and the operations the HTTP app, the CLI and the
 * evaluation use. Inputs are typed values, validated once at the edge (routes, CLI);
 * nothing here parses untrusted input again. Each operation is a named function, so
 * go-to-definition on `matcher.rank` lands on its implementation.
 */
import { createCorpus, type Corpus } from './corpus/corpus.js';
import type { PassageOptions } from './corpus/passages.js';
import type { ReferencePopulation } from './corpus/reference.js';
import { createEmbeddingCache, type EmbeddingCacheOptions } from './embed/embedding-cache.js';
import { createError } from './errors.js';
import { mergeCatalogueExemplars } from './papers/exemplars.js';
import { silentLogger, type Logger } from './log.js';
import type { CallStore, Embedder, VectorIndex } from './ports.js';
import { DEFAULT_CALIBRATION, type Calibration } from './rank/calibration.js';
import { DEFAULT_CANDIDATES, type CandidateOptions } from './rank/candidates.js';
import { todayIso } from './rank/deadline.js';
import { DEFAULT_RANK_PARAMS, type RankParams } from './rank/fusion.js';
import { rankingOf, type RankQuery } from './rank/ranking.js';
import { scoreDraft, type ScoreDraftOptions, type ScoredDraft, type ScoringContext } from './rank/scored-draft.js';
import { Keywords, type Call, type Draft, type DraftInput, type IndexStatus, type RankResponse } from './schema.js';

export type { ProbableCall, ScoredDraft } from './rank/scored-draft.js';

export interface MatcherDeps {
  embedder: Embedder;
  index: VectorIndex;
  store: CallStore;
  /** The calibration of `embedder` (see calibrationFor); default: the hand-set USE-lite prior. */
  calibration?: Calibration;
  params?: Partial<RankParams>;
  candidates?: Partial<CandidateOptions>;
  passages?: PassageOptions;
  /** The reference population call scores are read against (corpus/reference.ts). */
  reference?: ReferencePopulation;
  log?: Logger;
  /** Today's date; injectable for tests. */
  today?: () => string;
  /** The LRU of recent draft embeddings (texts and sentences, keyed by a hash); `{ maxEntries: 0 }` turns it off. */
  draftCache?: EmbeddingCacheOptions;
}

/** A draft plus optional paging and filters; missing ones take their defaults. */
export type RankInput = DraftInput & Partial<RankQuery>;

/** The call filters of a query (publisher, venue, deadline window), nothing else. */
function filtersOf(q: Partial<RankQuery>): Partial<RankQuery> {
  return {
    ...(q.publisher ? { publisher: q.publisher } : {}),
    ...(q.venue ? { venue: q.venue } : {}),
    ...(q.deadline_after ? { deadline_after: q.deadline_after } : {}),
    ...(q.deadline_before ? { deadline_before: q.deadline_before } : {}),
  };
}

/** Draft defaults (no title, no keywords) for a typed input. */
export function draftOf(input: DraftInput): Draft {
  const k = input.keywords ?? [];
  return { title: input.title ?? '', abstract: input.abstract, keywords: typeof k === 'string' ? Keywords.parse(k) : k };
}

/**
 * @example
 * const matcher = createMatcher({ embedder, index, store, calibration });
 * await matcher.sync();
 * const { results } = await matcher.rank({ title, abstract, keywords: [] });
 */
export function createMatcher(deps: MatcherDeps) {
  const { embedder, store } = deps;
  const params: RankParams = { ...DEFAULT_RANK_PARAMS, ...deps.params };
  const candidates: CandidateOptions = { ...DEFAULT_CANDIDATES, ...deps.candidates };
  const calibration = deps.calibration ?? DEFAULT_CALIBRATION;
  const log = deps.log ?? silentLogger;
  const today = deps.today ?? (() => todayIso());
  const corpus: Corpus = createCorpus({ embedder, index: deps.index, ...(deps.passages ? { passages: deps.passages } : {}), ...(deps.reference ? { reference: deps.reference } : {}) });
  // Drafts go through the LRU (an author re-ranks an edited draft); calls are embedded once into the index anyway.
  const scoring: ScoringContext = { corpus, embedder: createEmbeddingCache(embedder, deps.draftCache), params, candidates, calibration };
  // While a first start embeds the calls in the background (warm), rankings are lexical only: the
  // calls embedded so far and the rest would not be comparable on the dense score.
  let warming: { embedded: number; total: number } | undefined;
  const lexicalOnly: ScoringContext = { ...scoring, params: { ...params, denseWeight: 0, lexicalWeight: 1 }, lexicalOnly: true };
  // Mutations run one at a time so concurrent ingests never interleave inside the index.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = queue.then(fn, fn);
    queue = run.catch(() => undefined);
    return run;
  };

  /** Index every call in the store (embedding only what is missing) and drop calls no longer there. */
  function sync(): Promise<{ calls: number; embedded: number; removed: number }> {
    return serial(async () => {
      const t0 = Date.now();
      const calls = await store.list();
      const keep = new Set(calls.map((c) => c.id));
      const gone = [...corpus.calls.keys()].filter((id) => !keep.has(id));
      await corpus.remove(gone);
      const { embedded } = await corpus.upsert(calls, (n) => {
        if (warming) warming.embedded = Math.min(warming.total, warming.embedded + n);
      });
      warming = undefined;
      const pruned = await corpus.prune();
      log('index.sync', { calls: calls.length, embedded, removed: gone.length, pruned, ms: Date.now() - t0 });
      return { calls: calls.length, embedded, removed: gone.length };
    });
  }

  /**
   * Register every stored call for lexical ranking at once, without embedding; `sync()` then embeds
   * what is missing (a server runs it in the background) and rankings say `index: warming` until it ends.
   */
  function warm(): Promise<IndexStatus> {
    return serial(async () => {
      const { passages, missing } = corpus.register(await store.list());
      if (missing > 0) warming = { embedded: passages - missing, total: passages };
      log('index.warm', { calls: corpus.calls.size, passages, missing });
      return indexStatus();
    });
  }

  /** Whether every passage is embedded (`ready`) or a background sync is still embedding (`warming`). */
  function indexStatus(): IndexStatus {
    if (warming) return { state: 'warming', embedded: warming.embedded, total: warming.total };
    const total = corpus.index.size();
    return { state: 'ready', embedded: total, total };
  }

  function listCalls(): Call[] {
    return [...corpus.calls.values()];
  }

  /** The call, or an UNKNOWN_CALL error. */
  function getCall(id: string): Call {
    const call = corpus.calls.get(id);
    if (!call) throw createError('UNKNOWN_CALL', `no call with id "${id}"`);
    return call;
  }

  async function put(call: Call): Promise<Call> {
    const before = corpus.calls.get(call.id);
    await store.put(call);
    try {
      const { embedded } = await corpus.upsert([call]);
      log('call.ingest', { call_id: call.id, embedded });
      return call;
    } catch (err) {
      // An ingest answered with an error must not leave the call stored or served (issue #21): put back what was there.
      await (before ? store.put(before) : store.delete(call.id)).catch(() => log('call.restore_failed', { call_id: call.id, what: 'store' }));
      await corpus.remove([call.id]);
      if (before) await corpus.upsert([before]).catch(() => log('call.restore_failed', { call_id: call.id, what: 'index' }));
      throw err;
    }
  }

  /**
   * Store and index a validated call, without a restart. A call given without `papers` keeps the
   * papers the stored one has: they are managed on their own (papers/ops.ts), and re-posting a
   * call's CFP text must not drop them. Papers read off a special-issue page (all `catalogue`)
   * replace the page's earlier list and keep the papers an editor added by hand.
   */
  function ingest(call: Call): Promise<Call> {
    return serial(async () => {
      const stored = corpus.calls.get(call.id)?.papers;
      if (call.papers === undefined) return put(stored ? { ...call, papers: stored } : call);
      if (stored?.length && call.papers.length > 0 && call.papers.every((p) => p.source === 'catalogue')) {
        return put({ ...call, papers: mergeCatalogueExemplars(stored, call.papers).papers });
      }
      return put(call);
    });
  }

  /** Read, change and store one call in the mutation queue, so concurrent changes never lose one another (UNKNOWN_CALL for an unknown call). */
  function update(id: string, change: (call: Call) => Call): Promise<Call> {
    return serial(async () => put(change(getCall(id))));
  }

  function remove(id: string): Promise<void> {
    return serial(async () => {
      if (!corpus.calls.has(id)) throw createError('UNKNOWN_CALL', `no call with id "${id}"`);
      await store.delete(id);
      await corpus.remove([id]);
      log('call.remove', { call_id: id });
    });
  }

  /** Embed and score a draft once; rank, triage and explain all read the result. */
  function score(draft: DraftInput, opts?: ScoreDraftOptions): Promise<ScoredDraft> {
    return scoreDraft(warming ? lexicalOnly : scoring, draftOf(draft), opts);
  }

  /** The author's ranking from an already scored draft; `evidence: false` leaves matched_topics empty (nothing more is embedded). */
  function rankScored(sd: ScoredDraft, query: Partial<RankQuery> = {}, startedAt?: number, opts: { evidence?: boolean } = {}): Promise<RankResponse> {
    const q: RankQuery = { ...filtersOf(query), top_k: query.top_k ?? 10, as_of: query.as_of ?? today(), open_only: query.open_only ?? false };
    return rankingOf(sd, corpus.calls, q, params, embedder.id, startedAt, opts);
  }

  /** Score a draft and rank the calls for it. */
  async function rank(input: RankInput): Promise<RankResponse> {
    const t0 = performance.now();
    const wasWarming = warming !== undefined;
    const response = await rankScored(await score(input), input, t0);
    return wasWarming ? { ...response, index: indexStatus() } : response;
  }

  return { embedder, corpus, params, calibration, today, sync, warm, indexStatus, listCalls, getCall, ingest, update, remove, scoreDraft: score, rankScored, rank };
}

export type Matcher = ReturnType<typeof createMatcher>;
