/**
 * runEval: rank every paper against the whole candidate set of calls with
 * each scorer and compute the metrics. Programmatic entry for tests and the
 * `eval` command; takes any Embedder (tests pass a tiny deterministic one).
 */
import { createCorpus, type Corpus } from '../core/corpus/corpus.js';
import type { ReferencePopulation } from '../core/corpus/reference.js';
import { createFlatIndex } from '../core/flat-index.js';
import type { Embedder } from '../core/ports.js';
import { DEFAULT_CALIBRATION, DEFAULT_IN_SCOPE_THRESHOLD, inScopeProbability, type Calibration } from '../core/rank/calibration.js';
import { prepareDraft } from '../core/rank/draft.js';
import type { EmbeddedText } from '../core/rank/evidence.js';
import type { EmbeddedDraft } from '../core/rank/features.js';
import { topCall } from '../core/rank/score-calls.js';
import { mergeExemplars } from '../core/papers/exemplars.js';
import { ExemplarInput, MAX_PAPER_ABSTRACT_CHARS, type ValidExemplarInput } from '../core/papers/schema.js';
import { callFromEval, Draft, isCallId, MAX_ABSTRACT_CHARS, type Call, type EvalCall } from '../core/schema.js';
import { checkEvalSet, type EvalPaper } from './load.js';
import { accAtK, auroc, bootstrapInterval, f1, mrr, ndcgAtK, rankOf, type Ci95, type Interval } from './metrics.js';
import { firstSentences, lengthGroups, reduceCalls, type LengthGroups, type ReduceSpec } from './reduce.js';
import { needsSentences, pickScorers, type Scorer } from './scorers.js';
import type { StrategyInput } from './strategies/index.js';

export interface EvalMetrics {
  n_in_scope: number;
  n_out_of_scope: number;
  acc_at_1: number;
  acc_at_3: number;
  acc_at_5: number;
  mrr: number;
  ndcg_at_5: number;
  oos_auroc: number;
  triage_f1: number;
  ms_per_paper: number;
}

/** Per-paper outcome under one scorer (kept for plots). */
export interface PaperOutcome {
  id: string;
  /** The labelled call (external id), null out of scope. */
  callId: string | null;
  inScope: boolean;
  /** Pessimistic rank of the labelled call (null when out of scope). */
  rank: number | null;
  topCall: string;
  /** In-scope probability of the top-ranked call (the fit the service shows first). */
  topProbability: number;
  /** True when the top call is the labelled call or one of its cross-lists. */
  crosslistHit: boolean | null;
}

export interface ScorerExtra {
  acc_at_1_crosslist?: number;
  ci95: Ci95;
  /**
   * Paired 95% bootstrap interval of (headline scorer - this scorer) over the same in-scope
   * papers; absent for the headline scorer itself. An interval above 0 means the headline is ahead.
   */
  ci95_headline_minus_this?: { acc_at_1: Interval; mrr: Interval };
  /** With `reduce`: in-scope papers of calls cut to their title vs the rest. */
  length_groups?: LengthGroups;
}

export interface ScorerResult {
  metrics: EvalMetrics;
  extra: ScorerExtra;
  outcomes: PaperOutcome[];
}

export interface EvalResult {
  metrics: EvalMetrics;
  extra: ScorerExtra & { embed_ms_per_paper: number; threshold: number; default_scorer: string };
  by_scorer: Record<string, EvalMetrics>;
  by_scorer_extra: Record<string, ScorerExtra>;
  /** Outcomes per scorer, for the HTML report; not written to JSON. */
  outcomes: Record<string, PaperOutcome[]>;
}

export interface RunEvalOptions {
  calls: readonly EvalCall[];
  papers: readonly EvalPaper[];
  embedder: Embedder;
  /** Scorer names (default: all); the first is the headline `metrics`. */
  scorers?: readonly string[];
  calibration?: Calibration;
  threshold?: number;
  /** The reference population the calls are normalised against (the service's: loadReference); none when absent. */
  reference?: ReferencePopulation;
  /** Cut a seeded share of the calls to their title (mixed-length evaluation, reduce.ts). */
  reduce?: ReduceSpec;
  /** Papers attached to calls (by external call id) as their exemplars (exemplars.ts); none may be among `papers`. */
  exemplars?: ReadonlyMap<string, readonly EvalPaper[]>;
  onProgress?: (done: number, total: number) => void;
}

/** Does the top call count as right under cross-listing? Call ids match a category exactly or as `<prefix>:<category>`. */
export function crosslistMatch(callId: string, categories: readonly string[]): boolean {
  return categories.some((c) => callId === c || callId.endsWith(`:${c}`));
}

/**
 * @example
 * const res = await runEval({ calls, papers, embedder });
 * res.by_scorer.bm25.acc_at_1
 */
export async function runEval(opts: RunEvalOptions): Promise<EvalResult> {
  checkEvalSet(opts.calls, opts.papers);
  checkExemplarsApart(opts.papers, opts.exemplars);
  const { calls, reduced } = opts.reduce ? reduceCalls(opts.calls, opts.reduce) : { calls: opts.calls, reduced: undefined };
  const scorers = pickScorers(opts.scorers);
  const calibration = opts.calibration ?? DEFAULT_CALIBRATION;
  const threshold = opts.threshold ?? DEFAULT_IN_SCOPE_THRESHOLD;
  const withSentences = needsSentences(scorers);

  // Papers and outcomes are mapped between external and internal ids alike.
  const { corpus, callIds, internal: ids, external } = await evalCorpus(calls, opts.embedder, opts.reference, opts.exemplars);

  for (const s of scorers) await s.prepare?.({ corpus, embedder: opts.embedder });
  const outcomes = new Map<string, PaperOutcome[]>(scorers.map((s) => [s.name, []]));
  const scoreMs = new Map<string, number>(scorers.map((s) => [s.name, 0]));
  let embedMs = 0;
  for (const [n, original] of opts.papers.entries()) {
    const abstract = opts.reduce?.sentences && original.abstract ? firstSentences(original.abstract, opts.reduce.sentences) : original.abstract;
    const paper = { ...original, abstract, call_id: original.call_id === null ? null : (ids.get(original.call_id) ?? original.call_id) };
    const draft = evalDraft(paper);
    const prepared = prepareDraft(draft);
    const t0 = performance.now();
    const [vector, ...sentenceVectors] = await opts.embedder.embed([prepared.text, ...(withSentences ? prepared.sentences : [])]);
    embedMs += performance.now() - t0;
    if (!vector) throw new Error(`the embedder returned no vector for paper "${paper.id}"`);
    const embedded: EmbeddedDraft = { ...prepared, vector };
    const sentences: EmbeddedText[] | undefined = withSentences
      ? prepared.sentences.map((text, i) => ({ text, index: i, vector: sentenceVectors[i] as Float32Array })).filter((u) => u.text)
      : undefined;
    for (const scorer of scorers) {
      const t1 = performance.now();
      const scored = scorePaper(paper, { corpus, draft: embedded, callIds, ...(sentences ? { sentences } : {}) }, scorer, calibration, external);
      const outcome = { ...scored, callId: original.call_id, topCall: external.get(scored.topCall) ?? scored.topCall };
      scoreMs.set(scorer.name, (scoreMs.get(scorer.name) ?? 0) + performance.now() - t1);
      outcomes.get(scorer.name)?.push(outcome);
    }
    opts.onProgress?.(n + 1, opts.papers.length);
  }

  const nPapers = Math.max(1, opts.papers.length);
  const results: Record<string, ScorerResult> = {};
  for (const scorer of scorers) {
    const list = outcomes.get(scorer.name) ?? [];
    const ms = (embedMs + (scoreMs.get(scorer.name) ?? 0)) / nPapers;
    results[scorer.name] = summarize(list, threshold, ms);
    if (reduced?.size) {
      const ranked = list.flatMap((o) => (o.callId !== null ? [{ callId: o.callId, rank: o.rank ?? Infinity }] : []));
      (results[scorer.name] as ScorerResult).extra.length_groups = lengthGroups(ranked, reduced);
    }
  }
  const head = results[scorers[0]?.name ?? ''] as ScorerResult;
  for (const r of Object.values(results)) {
    if (r !== head) r.extra.ci95_headline_minus_this = pairedDifference(head.outcomes, r.outcomes);
  }
  return {
    metrics: head.metrics,
    extra: { ...head.extra, embed_ms_per_paper: embedMs / nPapers, threshold, default_scorer: scorers[0]?.name ?? '' },
    by_scorer: Object.fromEntries(Object.entries(results).map(([k, v]) => [k, v.metrics])),
    by_scorer_extra: Object.fromEntries(Object.entries(results).map(([k, v]) => [k, v.extra])),
    outcomes: Object.fromEntries(Object.entries(results).map(([k, v]) => [k, v.outcomes])),
  };
}

function scorePaper(paper: EvalPaper, input: StrategyInput, scorer: Scorer, calibration: Calibration, external: ReadonlyMap<string, string> = new Map()): Omit<PaperOutcome, 'callId'> {
  const scored = scorer.score(input);
  const scores = new Map(scored.map((s) => [s.callId, s.score]));
  // Deterministic top call: best score, ties broken by call id (as the matcher does).
  const top = topCall(scored);
  if (!top) throw new Error('no calls were scored');
  const inScope = paper.call_id !== null;
  const cats = paper.all_categories ?? null;
  return {
    id: paper.id,
    inScope,
    rank: paper.call_id !== null ? rankOf(scores, paper.call_id) : null,
    topCall: top.callId,
    topProbability: inScopeProbability(top, calibration),
    crosslistHit: inScope && cats ? top.callId === paper.call_id || crosslistMatch(external.get(top.callId) ?? top.callId, cats) : null,
  };
}

export interface EvalCorpus {
  corpus: Corpus;
  /** Internal call ids, sorted. */
  callIds: string[];
  /** External id -> internal id (see {@link internalCallIds}). */
  internal: Map<string, string>;
  /** Internal id -> external id. */
  external: Map<string, string>;
}

/**
 * An evaluation's calls as the whole candidate set: a corpus on an exact (flat) index, with
 * internal ids for external ids that are not valid CallIds. Shared by the eval, the calibration
 * fit and the experiments, so they score the same corpus.
 *
 * @example
 * const { corpus, callIds } = await evalCorpus(calls, embedder);
 */
export async function evalCorpus(calls: readonly EvalCall[], embedder: Embedder, reference?: ReferencePopulation, exemplars?: ReadonlyMap<string, readonly EvalPaper[]>): Promise<EvalCorpus> {
  const corpus = createCorpus({ embedder, index: createFlatIndex({ dimensions: embedder.dimensions }), ...(reference ? { reference } : {}) });
  const internal = internalCallIds(calls);
  await corpus.upsert(calls.map((c) => withEvalExemplars(callFromEval(c, internal.get(c.id)), exemplars?.get(c.id))));
  return { corpus, callIds: [...corpus.calls.keys()].sort(), internal, external: new Map([...internal].map(([ext, int]) => [int, ext])) };
}

/**
 * Internal Call ids for the evaluation's calls: an id that is a valid CallId is
 * kept; any other (a slash, a space, a `|`) gets `eval-call-<n>`.
 */
export function internalCallIds(calls: readonly EvalCall[]): Map<string, string> {
  const taken = new Set(calls.map((c) => c.id).filter(isCallId));
  const out = new Map<string, string>();
  let n = 0;
  for (const c of calls) {
    if (isCallId(c.id)) {
      out.set(c.id, c.id);
      continue;
    }
    let id = `eval-call-${n++}`;
    while (taken.has(id)) id = `eval-call-${n++}`;
    taken.add(id);
    out.set(c.id, id);
  }
  return out;
}

/**
 * The draft the service would see for a paper. A paper with a blank abstract
 * is ranked on its title alone; an abstract over the service's limit is cut
 * to it (the loader already rejected papers with neither title nor abstract).
 */
export function evalDraft(paper: EvalPaper): Draft {
  const abstract = paper.abstract?.trim() ? paper.abstract : '';
  return Draft.parse({
    title: abstract ? (paper.title ?? '') : '',
    abstract: (abstract || paper.title || '').slice(0, MAX_ABSTRACT_CHARS),
    keywords: (paper.keywords ?? []).slice(0, 50).map((k) => k.slice(0, 200)),
  });
}

/**
 * Paired bootstrap of the acc@1 and MRR differences between two scorers' outcomes for the same
 * papers (same order): resampling papers once for both removes the between-paper variance that
 * two separate intervals would double count.
 */
export function pairedDifference(a: readonly PaperOutcome[], b: readonly PaperOutcome[]): { acc_at_1: Interval; mrr: Interval } {
  const ranks = (list: readonly PaperOutcome[]) => list.filter((o) => o.inScope).map((o) => o.rank ?? Infinity);
  const ra = ranks(a);
  const rb = ranks(b);
  if (ra.length !== rb.length) throw new Error('paired outcomes must cover the same papers');
  const hit = ra.map((r, i) => (r <= 1 ? 1 : 0) - ((rb[i] ?? Infinity) <= 1 ? 1 : 0));
  const rr = ra.map((r, i) => 1 / r - 1 / (rb[i] ?? Infinity));
  const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : NaN);
  return { acc_at_1: bootstrapInterval(hit, [], mean), mrr: bootstrapInterval(rr, [], mean) };
}

/** Metrics from per-paper outcomes. */
export function summarize(list: readonly PaperOutcome[], threshold: number, msPerPaper: number): ScorerResult {
  const ranks = list.filter((o) => o.inScope).map((o) => o.rank ?? Infinity);
  const pos = list.filter((o) => o.inScope).map((o) => o.topProbability);
  const neg = list.filter((o) => !o.inScope).map((o) => o.topProbability);
  const cross = list.filter((o) => o.crosslistHit !== null);
  const metrics: EvalMetrics = {
    n_in_scope: ranks.length,
    n_out_of_scope: neg.length,
    acc_at_1: accAtK(ranks, 1),
    acc_at_3: accAtK(ranks, 3),
    acc_at_5: accAtK(ranks, 5),
    mrr: mrr(ranks),
    ndcg_at_5: ndcgAtK(ranks, 5),
    oos_auroc: auroc(pos, neg),
    triage_f1: f1(list.map((o) => o.topProbability >= threshold), list.map((o) => o.inScope)),
    ms_per_paper: msPerPaper,
  };
  const ci95: Ci95 = {
    acc_at_1: bootstrapInterval(ranks, [], (r) => accAtK(r, 1)),
    mrr: bootstrapInterval(ranks, [], (r) => mrr(r)),
    oos_auroc: bootstrapInterval(pos, neg, auroc),
  };
  return {
    metrics,
    extra: { ...(cross.length ? { acc_at_1_crosslist: cross.filter((o) => o.crosslistHit).length / cross.length } : {}), ci95 },
    outcomes: [...list],
  };
}

/** A paper of the suite as a call's exemplar: embedded as the same text the paper is ranked as (paperText = prepareDraft().text). */
export function exemplarInputOf(paper: EvalPaper): ValidExemplarInput {
  const draft = evalDraft(paper);
  const title = draft.title || draft.abstract.slice(0, 1_000);
  return ExemplarInput.parse({ title, abstract: draft.title ? draft.abstract.slice(0, MAX_PAPER_ABSTRACT_CHARS) : '', keywords: draft.keywords });
}

function withEvalExemplars(call: Call, papers: readonly EvalPaper[] | undefined): Call {
  if (!papers?.length) return call;
  return { ...call, papers: mergeExemplars([], papers.map(exemplarInputOf), 'manual').papers };
}

/** Leave-one-out: a paper that is some call's exemplar is never scored (it would find itself). */
function checkExemplarsApart(papers: readonly EvalPaper[], exemplars: ReadonlyMap<string, readonly EvalPaper[]> | undefined): void {
  if (!exemplars) return;
  const used = new Set([...exemplars.values()].flatMap((ps) => ps.map((p) => p.id)));
  const clash = papers.find((p) => used.has(p.id));
  if (clash) throw new Error(`paper "${clash.id}" is both scored and an exemplar`);
}
