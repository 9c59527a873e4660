/**
 * The matcher: the one object the HTTP app, the CLI and the evaluation use.
 * Outer step of ranking: validation, embedding, candidate selection, paging,
 * deadlines, requirement checks and timing around the pure scoring in rank/.
 */
import { createCorpus, type Corpus } from './corpus.js';
import { createError } from './errors.js';
import { silentLogger, type Logger } from './log.js';
import type { CallStore, Embedder, VectorIndex } from './ports.js';
import { checkRequirements } from './rank/requirements.js';
import { deadlineStatus, isOpenState, todayIso } from './rank/deadline.js';
import { prepareDraft } from './rank/draft.js';
import { round } from './rank/evidence.js';
import { DEFAULT_CALIBRATION, DEFAULT_RANK_PARAMS, inScopeProbability, type Calibration, type RankParams } from './rank/fusion.js';
import {
  candidateCalls,
  DEFAULT_CANDIDATES,
  byScore,
  scoreCalls,
  withEvidence,
  type CandidateOptions,
  type EmbeddedDraft,
  type ScoredCall,
  type WithEvidence,
} from './rank/score-calls.js';
import type { PassageOptions } from './rank/passages.js';
import { populationSample } from './rank/population.js';
import { Call, Draft, RankOptions, type DraftInput, type RankedCall, type RankResponse } from './schema.js';
import { parseOrThrow } from './validate.js';

export interface MatcherDeps {
  embedder: Embedder;
  index: VectorIndex;
  store: CallStore;
  params?: Partial<RankParams>;
  candidates?: Partial<CandidateOptions>;
  passages?: PassageOptions;
  calibration?: Calibration;
  log?: Logger;
  /** Today's date; injectable for tests. */
  today?: () => string;
}

export interface ScoredDraft {
  draft: Draft;
  embedded: EmbeddedDraft;
  /** Candidates, best first, each with its in-scope probability (evidence only via {@link Matcher.withEvidence}). */
  scored: ProbableCall[];
  timing: { embed: number; search: number };
}

export type ProbableCall = ScoredCall & { probability: number };

export interface Matcher {
  readonly embedder: Embedder;
  readonly corpus: Corpus;
  readonly params: RankParams;
  calibration: Calibration;
  /** Index every call in the store (embedding only what is missing) and drop calls no longer there. */
  sync(): Promise<{ calls: number; embedded: number; removed: number }>;
  listCalls(): Call[];
  /** The call, or an UNKNOWN_CALL error. */
  getCall(id: string): Call;
  /** Validate, store and index a call, without a restart. */
  ingest(call: unknown): Promise<Call>;
  remove(id: string): Promise<void>;
  /** Score a draft against all calls (or only `callIds`), best first. */
  scoreDraft(draft: DraftInput | unknown, callIds?: readonly string[]): Promise<ScoredDraft>;
  /** Attach topic evidence to a few scored calls of this draft (the ones shown): it is not computed for every candidate. */
  withEvidence<T extends ScoredCall>(embedded: EmbeddedDraft, scored: readonly T[]): Promise<Array<WithEvidence<T>>>;
  /** Rank calls for a request (validated here: draft fields plus top_k, as_of, open_only). */
  rank(request: (DraftInput & Partial<RankOptions>) | unknown): Promise<RankResponse>;
}

/**
 * @example
 * const matcher = createMatcher({ embedder, index, store });
 * await matcher.sync();
 * const { results } = await matcher.rank({ title, abstract, keywords: [] });
 */
export function createMatcher(deps: MatcherDeps): Matcher {
  const params: RankParams = { ...DEFAULT_RANK_PARAMS, ...deps.params };
  const candidates: CandidateOptions = { ...DEFAULT_CANDIDATES, ...deps.candidates };
  const log = deps.log ?? silentLogger;
  const today = deps.today ?? (() => todayIso());
  const corpus = createCorpus({ embedder: deps.embedder, index: deps.index, ...(deps.passages ? { passages: deps.passages } : {}) });
  // Mutations run one at a time so concurrent ingests never interleave inside the index.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = queue.then(fn, fn);
    queue = run.catch(() => undefined);
    return run;
  };

  const matcher: Matcher = {
    embedder: deps.embedder,
    corpus,
    params,
    calibration: deps.calibration ?? DEFAULT_CALIBRATION,
    sync: () =>
      serial(async () => {
        const t0 = Date.now();
        const calls = await deps.store.list();
        const keep = new Set(calls.map((c) => c.id));
        const gone = [...corpus.calls.keys()].filter((id) => !keep.has(id));
        await corpus.remove(gone);
        const { embedded } = await corpus.upsert(calls);
        const pruned = await corpus.prune();
        log('index.sync', { calls: calls.length, embedded, removed: gone.length, pruned, ms: Date.now() - t0 });
        return { calls: calls.length, embedded, removed: gone.length };
      }),
    listCalls: () => [...corpus.calls.values()],
    getCall(id) {
      const call = corpus.calls.get(id);
      if (!call) throw createError('UNKNOWN_CALL', `no call with id "${id}"`);
      return call;
    },
    ingest: (input) =>
      serial(async () => {
        const call = parseOrThrow(Call, input, 'call');
        await deps.store.put(call);
        const { embedded } = await corpus.upsert([call]);
        log('call.ingest', { call_id: call.id, embedded });
        return call;
      }),
    remove: (id) =>
      serial(async () => {
        if (!corpus.calls.has(id)) throw createError('UNKNOWN_CALL', `no call with id "${id}"`);
        await deps.store.delete(id);
        await corpus.remove([id]);
        log('call.remove', { call_id: id });
      }),
    async scoreDraft(input, callIds) {
      const draft = parseOrThrow(Draft, input, 'draft');
      const t0 = performance.now();
      const prepared = prepareDraft(draft);
      const [vector, ...sentenceVectors] = await deps.embedder.embed([prepared.text, ...prepared.sentences]);
      if (!vector) throw createError('EMBEDDER_UNAVAILABLE', 'the embedder returned no vector');
      const embedded: EmbeddedDraft = { ...prepared, vector, sentenceVectors };
      const t1 = performance.now();
      const ids = await candidateCalls(corpus, embedded, candidates, params, callIds ? new Set(callIds) : undefined);
      // Candidates out of a larger corpus: z-scores against (estimated) moments over every call, so the
      // order matches scoring them all. Corpora up to exactLimit are scored whole: unchanged.
      const estimate = !callIds && corpus.calls.size > ids.length && candidates.populationSample > 0 && !corpus.index.prefetch;
      const population = estimate ? { total: corpus.calls.size, sample: populationSample(corpus, candidates.populationSample) } : undefined;
      const scored = scoreCalls(corpus, embedded, ids, params, population ? { population } : {})
        .map((s) => ({ ...s, probability: inScopeProbability(s, matcher.calibration) }))
        .sort(byScore);
      return { draft, embedded, scored, timing: { embed: t1 - t0, search: performance.now() - t1 } };
    },
    withEvidence: (embedded, scored) => withEvidence(corpus, embedded, scored),
    async rank(request) {
      const t0 = performance.now();
      const r = (typeof request === 'object' && request !== null ? request : {}) as Record<string, unknown>;
      const opts = parseOrThrow(RankOptions, { top_k: r.top_k, as_of: r.as_of, open_only: r.open_only }, 'options');
      const asOf = opts.as_of ?? today();
      const { draft, embedded, scored, timing } = await matcher.scoreDraft({ title: r.title, abstract: r.abstract, keywords: r.keywords });
      const shown: Array<{ call: Call; s: ProbableCall; deadline: RankedCall['deadline'] }> = [];
      for (const s of scored) {
        const call = corpus.calls.get(s.callId);
        if (!call) continue;
        const deadline = deadlineStatus(call, asOf);
        // Closed and withdrawn calls take no submissions; a call with no known deadline stays in.
        if (opts.open_only && deadline.state !== 'unknown' && !isOpenState(deadline.state)) continue;
        shown.push({ call, s, deadline });
        if (shown.length >= opts.top_k) break;
      }
      // Evidence only for the calls returned: computing it for every candidate was most of a query's time.
      const withEv = await matcher.withEvidence(embedded, shown.map((x) => x.s));
      const results = shown.map((x, i) => toRankedCall(x.call, withEv[i] ?? { ...x.s, evidenceList: [] }, x.deadline, draft, params));
      return {
        results,
        total_calls: corpus.calls.size,
        as_of: asOf,
        embedder: deps.embedder.id,
        timing_ms: { embed: round(timing.embed, 1), search: round(timing.search, 1), total: round(performance.now() - t0, 1) },
      };
    },
  };
  return matcher;
}

function toRankedCall(
  call: Call,
  s: WithEvidence<ProbableCall>,
  deadline: RankedCall['deadline'],
  draft: Draft,
  params: RankParams,
): RankedCall {
  return {
    call_id: call.id,
    title: call.title,
    ...(call.venue ? { venue: call.venue } : {}),
    fit: round(100 * s.probability, 1),
    score: round(s.score),
    components: { dense: round(s.denseMix), lexical: round(s.coverage) },
    matched_topics: s.evidenceList.filter((e) => e.similarity >= params.topicThreshold).slice(0, params.maxMatchedTopics),
    deadline,
    requirements: checkRequirements(call, draft),
    ...(call.submission_url ? { submission_url: call.submission_url } : {}),
  };
}
