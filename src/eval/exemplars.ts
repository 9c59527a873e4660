/**
 * `--exemplars k`: how much a call's published papers help. For each call a seeded pool of its own
 * papers is set aside as exemplars (at most the largest k asked for, and never all of a call's
 * papers); pool papers are never scored, so a paper is never its own exemplar, and every k is
 * scored on the same papers: k = 0 is the baseline of the same run. Each k attaches the first k of
 * each pool to its call and runs the whole evaluation; the headline scorer's acc@1 and MRR are
 * compared with k = 0 by a paired bootstrap over the same papers, and every other scorer named is
 * compared with the headline at the same k the same way (variants of the exemplar term).
 */
import { createRng } from '../core/random.js';
import type { EvalCall } from '../core/schema.js';
import type { EvalPaper } from './load.js';
import { formatCi95, formatDifference, type Interval } from './metrics.js';
import { pairedDifference, runEval, type EvalResult, type RunEvalOptions } from './run.js';

export interface ExemplarSpec {
  /** Exemplars per call to evaluate, ascending (0 = none). */
  ks: number[];
  seed: number;
  /** Share (0..1] of the calls, seeded, that get exemplars; the others never do (mixed corpus). Default 1. */
  share: number;
}

/**
 * `3` or `0,1,3,5`, plus the seed and share.
 *
 * @example
 * parseExemplars('0,1,3,5') // { ks: [0, 1, 3, 5], seed: 1, share: 1 }
 */
export function parseExemplars(value: string, seed = 1, share = 1): ExemplarSpec {
  const ks = value.split(',').map((x) => x.trim());
  if (!ks.length || ks.some((k) => !/^\d{1,3}$/.test(k))) throw new Error(`--exemplars takes a count or a list of counts such as 0,1,3,5 (got "${value}")`);
  if (!(share > 0 && share <= 1)) throw new Error(`--exemplar-share takes a share in (0, 1] (got ${share})`);
  return { ks: [...new Set(ks.map(Number))].sort((a, b) => a - b), seed, share };
}

export interface ExemplarPools {
  /** External call id -> its exemplar pool, in the order exemplars are taken. */
  pools: Map<string, EvalPaper[]>;
  /** Ids of every pooled paper: never scored. */
  held: Set<string>;
}

/**
 * A seeded pool of up to `kMax` papers of each call (at most all but one of its papers), for a seeded
 * `share` of the calls. The same seed gives the same pools.
 *
 * @example
 * const { pools, held } = exemplarPools(calls, papers, 5, 1);
 */
export function exemplarPools(calls: readonly EvalCall[], papers: readonly EvalPaper[], kMax: number, seed: number, share = 1): ExemplarPools {
  const rng = createRng(seed);
  const shuffle = <T>(xs: T[]): T[] => {
    for (let i = xs.length - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [xs[i], xs[j]] = [xs[j] as T, xs[i] as T];
    }
    return xs;
  };
  const chosen = new Set(shuffle(calls.map((c) => c.id)).slice(0, Math.round(share * calls.length)));
  const byCall = new Map<string, EvalPaper[]>();
  for (const p of papers) if (p.call_id !== null) byCall.set(p.call_id, [...(byCall.get(p.call_id) ?? []), p]);
  const pools = new Map<string, EvalPaper[]>();
  const held = new Set<string>();
  for (const c of calls) {
    const own = shuffle([...(byCall.get(c.id) ?? [])]);
    if (!chosen.has(c.id)) continue;
    const pool = own.slice(0, Math.max(0, Math.min(kMax, own.length - 1)));
    if (!pool.length) continue;
    pools.set(c.id, pool);
    for (const p of pool) held.add(p.id);
  }
  return { pools, held };
}

export interface ExemplarRun {
  k: number;
  /** Calls that got at least one exemplar, and the mean number per such call. */
  calls_with_exemplars: number;
  mean_exemplars: number;
  result: EvalResult;
  /** Headline scorer, this k minus k = 0, paired over the same papers (absent for k = 0 or when 0 is not run). */
  vs_k0?: { acc_at_1: Interval; mrr: Interval };
  /** With `--exemplar-share` below 1: in-scope papers of calls with and without exemplars, apart, per scorer. */
  groups?: Record<string, { with: GroupScore; without: GroupScore }>;
  /** Every other scorer at this k minus the headline scorer, paired over the same papers (variants of the exemplar term). */
  vs_headline?: Record<string, { acc_at_1: Interval; mrr: Interval }>;
}

export interface GroupScore {
  n: number;
  acc_at_1: number;
  mrr: number;
}

export interface ExemplarReport {
  spec: ExemplarSpec;
  scored_papers: number;
  held_out: number;
  runs: ExemplarRun[];
}

/**
 * Run the evaluation once per k on the papers outside every pool.
 *
 * @example
 * const report = await runExemplarEval({ calls, papers, embedder }, parseExemplars('0,1,3,5'));
 */
export async function runExemplarEval(opts: RunEvalOptions, spec: ExemplarSpec): Promise<ExemplarReport> {
  const kMax = Math.max(...spec.ks);
  const { pools, held } = exemplarPools(opts.calls, opts.papers, kMax, spec.seed, spec.share);
  const scored = opts.papers.filter((p) => !held.has(p.id));
  const runs: ExemplarRun[] = [];
  for (const k of spec.ks) {
    const exemplars = new Map([...pools].map(([id, pool]) => [id, pool.slice(0, k)] as const).filter(([, ps]) => ps.length > 0));
    const result = await runEval({ ...opts, papers: scored, exemplars });
    const headline = result.outcomes[result.extra.default_scorer] ?? [];
    const others = Object.entries(result.outcomes).filter(([name]) => name !== result.extra.default_scorer);
    const counts = [...exemplars.values()].map((ps) => ps.length);
    runs.push({
      k,
      calls_with_exemplars: counts.length,
      mean_exemplars: counts.length ? counts.reduce((a, b) => a + b, 0) / counts.length : 0,
      result,
      ...(spec.share < 1 ? { groups: Object.fromEntries(Object.keys(result.outcomes).map((name) => [name, groupScores(result, name, scored, new Set(pools.keys()))])) } : {}),
      ...(others.length ? { vs_headline: Object.fromEntries(others.map(([name, list]) => [name, pairedDifference(list, headline)])) } : {}),
    });
  }
  const base = runs.find((r) => r.k === 0);
  if (base) {
    const head = (r: ExemplarRun) => r.result.outcomes[r.result.extra.default_scorer] ?? [];
    for (const r of runs) if (r !== base) r.vs_k0 = pairedDifference(head(r), head(base));
  }
  return { spec, scored_papers: scored.length, held_out: held.size, runs };
}

function groupScores(result: EvalResult, scorer: string, papers: readonly EvalPaper[], withExemplars: ReadonlySet<string>): { with: GroupScore; without: GroupScore } {
  const outcomes = result.outcomes[scorer] ?? [];
  const score = (keep: (callId: string) => boolean): GroupScore => {
    const ranks = outcomes.flatMap((o, i) => {
      const c = papers[i]?.call_id;
      return c != null && keep(c) ? [o.rank ?? Infinity] : [];
    });
    return { n: ranks.length, acc_at_1: ranks.filter((r) => r <= 1).length / Math.max(1, ranks.length), mrr: ranks.reduce((a, r) => a + 1 / r, 0) / Math.max(1, ranks.length) };
  };
  return { with: score((c) => withExemplars.has(c)), without: score((c) => !withExemplars.has(c)) };
}

/** One row per k for the headline scorer, with intervals and the paired difference to k = 0. */
export function formatExemplarTable(report: ExemplarReport): string {
  const { spec } = report;
  const lines = [
    `exemplars: seed ${spec.seed}${spec.share < 1 ? `, ${Math.round(spec.share * 100)}% of the calls get exemplars` : ''}; ${report.held_out} papers held out as exemplar pools, ${report.scored_papers} scored at every k`,
    'k  calls  mean  acc@1  acc@3  MRR    oos AUROC  triage F1',
  ];
  for (const r of report.runs) {
    const m = r.result.metrics;
    lines.push(
      `${String(r.k).padEnd(2)} ${String(r.calls_with_exemplars).padEnd(6)} ${r.mean_exemplars.toFixed(1).padEnd(5)} ${m.acc_at_1.toFixed(3)}  ${m.acc_at_3.toFixed(3)}  ${m.mrr.toFixed(3)}  ${Number.isNaN(m.oos_auroc) ? '-    ' : m.oos_auroc.toFixed(3)}      ${m.triage_f1.toFixed(3)}`,
    );
  }
  for (const r of report.runs) {
    lines.push(`k=${r.k} ${r.result.extra.default_scorer} 95% intervals: ${formatCi95(r.result.extra.ci95)}${r.vs_k0 ? `; minus k=0 (paired): ${formatDifference(r.vs_k0)}` : ''}`);
    for (const [name, d] of Object.entries(r.vs_headline ?? {})) {
      const m = r.result.by_scorer[name];
      if (m) lines.push(`  ${name}: acc@1 ${m.acc_at_1.toFixed(3)}, MRR ${m.mrr.toFixed(3)}; minus ${r.result.extra.default_scorer} (paired): ${formatDifference(d)}`);
    }
    for (const [name, g] of Object.entries(r.groups ?? {})) {
      lines.push(`  ${name}: papers of calls with exemplars: n ${g.with.n}, acc@1 ${g.with.acc_at_1.toFixed(3)}, MRR ${g.with.mrr.toFixed(3)}; without: n ${g.without.n}, acc@1 ${g.without.acc_at_1.toFixed(3)}, MRR ${g.without.mrr.toFixed(3)}`);
    }
  }
  return lines.join('\n');
}

/** JSON for --json with --exemplars: per k the headline metrics, intervals, the difference to k = 0 and every scorer's metrics. */
export function exemplarJson(report: ExemplarReport): object {
  return {
    spec: report.spec,
    scored_papers: report.scored_papers,
    held_out: report.held_out,
    by_k: report.runs.map((r) => ({
      k: r.k,
      calls_with_exemplars: r.calls_with_exemplars,
      mean_exemplars: r.mean_exemplars,
      metrics: r.result.metrics,
      ci95: r.result.extra.ci95,
      ...(r.vs_k0 ? { minus_k0: r.vs_k0 } : {}),
      ...(r.groups ? { groups: r.groups } : {}),
      ...(r.vs_headline ? { minus_headline: r.vs_headline } : {}),
      by_scorer: r.result.by_scorer,
    })),
  };
}
