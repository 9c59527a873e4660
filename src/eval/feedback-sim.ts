/**
 * `--feedback n,...`: a simulation of editors' decisions. Each call receives the submissions an
 * author would plausibly send it: its own papers (in scope) and papers of other calls or of none
 * whose top 3 calls include it (out of scope). A seeded share of each call's submissions is
 * labelled (the first n of at most 20, never more than half of them); the rest are triaged with
 * the call's per-call model fitted on n decisions (feedback/model.ts). Triage F1 (threshold 0.5)
 * and AUROC are reported over the same unlabelled submissions for every n, with intervals, and
 * F1 for n against n = 0 by a paired bootstrap.
 */
import { inScopeProbability, type Calibration } from '../core/rank/calibration.js';
import { prepareDraft } from '../core/rank/draft.js';
import { DEFAULT_RANK_PARAMS } from '../core/rank/fusion.js';
import { scoreCalls } from '../core/rank/score-calls.js';
import { sigmoid } from '../core/rank/vector-math.js';
import { createRng } from '../core/random.js';
import { DEFAULT_FEEDBACK_MODEL, fitFeedbackModel, logitOf, type FeedbackModelOptions } from '../core/feedback/model.js';
import type { Embedder } from '../core/ports.js';
import type { ReferencePopulation } from '../core/corpus/reference.js';
import type { EvalCall } from '../core/schema.js';
import type { EvalPaper } from './load.js';
import { auroc, bootstrapInterval, f1, type Interval } from './metrics.js';
import { evalCorpus, evalDraft } from './run.js';

export interface FeedbackSimOptions {
  calls: readonly EvalCall[];
  papers: readonly EvalPaper[];
  embedder: Embedder;
  calibration: Calibration;
  reference?: ReferencePopulation;
  /** Decisions per call to simulate, ascending. */
  ns: number[];
  seed: number;
  /** Model variants to compare (name -> options); the first is the headline. */
  models?: Record<string, FeedbackModelOptions>;
  threshold?: number;
}

export interface FeedbackSimRow {
  model: string;
  n: number;
  /** Labelled decisions used on average per call. */
  mean_decisions: number;
  f1: number;
  auroc: number;
  ci95: { f1: Interval; auroc: Interval };
  /** F1 of this n minus F1 at n = 0, paired over the same submissions. */
  f1_minus_n0?: Interval;
}

export interface FeedbackSimReport {
  calls: number;
  /** Unlabelled (call, submission) pairs scored at every n, and how many are in scope. */
  pairs: number;
  positives: number;
  rows: FeedbackSimRow[];
}

interface Pair {
  paper: number;
  callId: string;
  logit: number;
  y: 0 | 1;
}

/** Parse `0,5,20`. */
export function parseCounts(value: string, flag: string): number[] {
  const ns = value.split(',').map((x) => x.trim());
  if (!ns.length || ns.some((n) => !/^\d{1,3}$/.test(n))) throw new Error(`${flag} takes a list of counts such as 0,5,20 (got "${value}")`);
  return [...new Set(ns.map(Number))].sort((a, b) => a - b);
}

/** Model variants measured by default (the first is the service's). */
export const FEEDBACK_MODELS: Record<string, FeedbackModelOptions> = {
  service: DEFAULT_FEEDBACK_MODEL,
  'shift-only': { ...DEFAULT_FEEDBACK_MODEL, prototype: false },
  'prior-1': { ...DEFAULT_FEEDBACK_MODEL, prior: 1 },
  'prior-16': { ...DEFAULT_FEEDBACK_MODEL, prior: 16 },
};

/**
 * @example
 * const report = await simulateFeedback({ calls, papers, embedder, calibration, ns: [0, 5, 20], seed: 1 });
 */
export async function simulateFeedback(opts: FeedbackSimOptions): Promise<FeedbackSimReport> {
  const threshold = opts.threshold ?? 0.5;
  const models = opts.models ?? FEEDBACK_MODELS;
  const { corpus, callIds, internal } = await evalCorpus(opts.calls, opts.embedder, opts.reference);
  const vectors: Float32Array[] = [];
  const pools = new Map<string, Pair[]>(callIds.map((id) => [id, []]));
  for (const [i, paper] of opts.papers.entries()) {
    const prepared = prepareDraft(evalDraft(paper));
    const [vector] = await opts.embedder.embed([prepared.text]);
    if (!vector) throw new Error(`no vector for paper "${paper.id}"`);
    vectors.push(vector);
    const own = paper.call_id === null ? null : (internal.get(paper.call_id) ?? paper.call_id);
    const scored = scoreCalls(corpus, { ...prepared, vector }, callIds, DEFAULT_RANK_PARAMS).sort((a, b) => b.score - a.score || (a.callId < b.callId ? -1 : 1));
    const top3 = new Set(scored.slice(0, 3).map((s) => s.callId));
    for (const s of scored) {
      if (s.callId !== own && !top3.has(s.callId)) continue;
      pools.get(s.callId)?.push({ paper: i, callId: s.callId, logit: logitOf(inScopeProbability(s, opts.calibration)), y: s.callId === own ? 1 : 0 });
    }
  }
  const rng = createRng(opts.seed);
  const nMax = Math.max(...opts.ns);
  const labelled = new Map<string, Pair[]>();
  const held: Pair[] = [];
  for (const id of callIds) {
    const pool = pools.get(id) ?? [];
    for (let i = pool.length - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [pool[i], pool[j]] = [pool[j] as Pair, pool[i] as Pair];
    }
    const k = Math.min(nMax, Math.floor(pool.length / 2));
    labelled.set(id, pool.slice(0, k));
    held.push(...pool.slice(k));
  }
  const rows: FeedbackSimRow[] = [];
  const ys = held.map((p) => p.y === 1);
  for (const [model, options] of Object.entries(models)) {
    let base: number[] | undefined;
    for (const n of opts.ns) {
      const fitted = new Map(
        callIds.map((id) => [id, fitFeedbackModel((labelled.get(id) ?? []).slice(0, n).map((p) => ({ vector: vectors[p.paper] as Float32Array, logit: p.logit, label: p.y })), options)]),
      );
      const probs = held.map((p) => sigmoid(fitted.get(p.callId)?.adjust(p.logit, vectors[p.paper] as Float32Array) ?? p.logit));
      const row = summarise(model, n, probs, ys, threshold);
      row.mean_decisions = [...labelled.values()].reduce((a, l) => a + Math.min(n, l.length), 0) / Math.max(1, callIds.length);
      if (n === 0) base = probs;
      else if (base) row.f1_minus_n0 = pairedF1(probs, base, ys, threshold);
      rows.push(row);
    }
  }
  return { calls: callIds.length, pairs: held.length, positives: ys.filter(Boolean).length, rows };
}

function summarise(model: string, n: number, probs: readonly number[], ys: readonly boolean[], threshold: number): FeedbackSimRow {
  const pos = probs.filter((_, i) => ys[i]);
  const neg = probs.filter((_, i) => !ys[i]);
  const f1Of = (p: readonly number[], q: readonly number[]) => f1([...p, ...q].map((x) => x >= threshold), [...p.map(() => true), ...q.map(() => false)]);
  return {
    model,
    n,
    mean_decisions: 0,
    f1: f1Of(pos, neg),
    auroc: auroc(pos, neg),
    ci95: { f1: bootstrapInterval(pos, neg, f1Of), auroc: bootstrapInterval(pos, neg, auroc) },
  };
}

/** Paired bootstrap of F1(a) - F1(b) over the same submissions (positives and negatives resampled apart). */
function pairedF1(a: readonly number[], b: readonly number[], ys: readonly boolean[], threshold: number): Interval {
  const pairs = a.map((x, i) => [x, b[i] as number] as const);
  const pos = pairs.filter((_, i) => ys[i]);
  const neg = pairs.filter((_, i) => !ys[i]);
  const f1At = (p: ReadonlyArray<readonly [number, number]>, q: ReadonlyArray<readonly [number, number]>, j: 0 | 1) =>
    f1([...p, ...q].map((x) => x[j] >= threshold), [...p.map(() => true), ...q.map(() => false)]);
  return bootstrapInterval(pos, neg, (p, q) => f1At(p, q, 0) - f1At(p, q, 1));
}

/** One line per model and n. */
export function formatFeedbackTable(r: FeedbackSimReport): string {
  const f = ([lo, hi]: Interval) => `${lo.toFixed(3)}-${hi.toFixed(3)}`;
  const d = ([lo, hi]: Interval) => `${lo >= 0 ? '+' : ''}${lo.toFixed(3)}..${hi >= 0 ? '+' : ''}${hi.toFixed(3)}`;
  return [
    `feedback simulation: ${r.calls} calls, ${r.pairs} unlabelled (call, submission) pairs scored at every n, ${r.positives} in scope`,
    'model       n   decisions  triage F1 (95%)        AUROC (95%)            F1 minus n=0 (paired)',
    ...r.rows.map(
      (x) =>
        `${x.model.padEnd(11)} ${String(x.n).padEnd(3)} ${x.mean_decisions.toFixed(1).padEnd(10)} ${x.f1.toFixed(3)} (${f(x.ci95.f1)})  ${x.auroc.toFixed(3)} (${f(x.ci95.auroc)})  ${x.f1_minus_n0 ? d(x.f1_minus_n0) : '-'}`,
    ),
  ].join('\n');
}
