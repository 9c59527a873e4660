/**
 * `npm run bench -- --only e2e`: what a user waits for. Real abstracts (../shared/eval, read by
 * path) go through the real HTTP app, in process, with the real default embedder (USE-lite, worker
 * threads) over the suites' 158 real calls: ranking one at a time and at 4 and 16 concurrent
 * (the ranked list streamed first, then the evidence), a 500-submission triage, and indexing
 * calls. Wall times on a shared machine include waiting for a core, so every phase also reports
 * the process's CPU time (all threads). With `--e2e-base <checkout>` an older build runs the same
 * phases in the same process, alternating with this one, for before/after ratios.
 */
import { callPassages } from '../core/corpus/passages.js';
import type { Call, Draft } from '../core/schema.js';
import { loadE2eData } from './e2e-data.js';
import { benchLimit, type LimitResult } from './e2e-limit.js';
import { loadTarget, THIS_BUILD, type E2eTarget } from './e2e-target.js';
import { summarize, type LatencySummary } from './stats.js';

export interface E2eOptions {
  evalDir: string;
  /** Requests per target at concurrency 1, 4 and 16. */
  requests: [number, number, number];
  triageRows: number;
  indexCalls: number;
  /** A phase stops starting requests after this many seconds. */
  phaseSeconds: number;
  base?: string;
  threads: number;
}

export interface RankPhase {
  target: string;
  concurrency: number;
  requests: number;
  errors: number;
  /** ms to the first line (the ranked list, before evidence) and to the end (with evidence). */
  list: LatencySummary;
  full: LatencySummary;
  /** Mean of the responses' own timing_ms (embedding of the text and the sentences, search). */
  embedMs: number;
  searchMs: number;
  wallS: number;
  cpuS: number;
  perSec: number;
  /** 2 cores / CPU seconds a request: the request rate the CPU allows. */
  ceilingPerSec: number;
}

export interface E2eResult {
  machine: { loadStart: number[]; loadEnd?: number[] };
  calls: number;
  phases: RankPhase[];
  cache: Array<{ target: string; requests: number; full: LatencySummary; cpuS: number }>;
  triage: Array<{ target: string; rows: number; status: number; wallS: number; cpuS: number }>;
  index: Array<{ target: string; calls: number; passages: number; wallS: number; cpuS: number; callsPerSec: number; callsPerCpuS: number }>;
  peakRssMb: number;
  limit?: LimitResult;
}

const cpuSeconds = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const r2 = (x: number) => Math.round(x * 100) / 100;

/** The evidence line's timing (streamed) or the response's (JSON). */
function timingOf(text: string): { embed: number; search: number } | undefined {
  const last = text.trim().split('\n').pop() ?? '';
  try {
    const o = JSON.parse(last) as { timing_ms?: { embed: number; search: number } };
    return o.timing_ms;
  } catch {
    return undefined;
  }
}

interface RawPhase {
  list: number[];
  full: number[];
  errors: number;
  embed: number;
  search: number;
  wallS: number;
  cpuS: number;
}

async function rankPhase(t: E2eTarget, drafts: readonly Draft[], concurrency: number, seconds: number): Promise<RawPhase> {
  const raw: RawPhase = { list: [], full: [], errors: 0, embed: 0, search: 0, wallS: 0, cpuS: 0 };
  let next = 0;
  const stopAt = performance.now() + seconds * 1000;
  const c0 = cpuSeconds();
  const t0 = performance.now();
  const worker = async () => {
    while (next < drafts.length && performance.now() < stopAt) {
      const res = await t.post('/v1/rank', drafts[next++] as Draft, 'application/x-ndjson');
      const timing = timingOf(res.text);
      if (res.status !== 200 || !timing || res.text.includes('"part":"error"')) {
        raw.errors++;
        continue;
      }
      raw.list.push(res.firstMs);
      raw.full.push(res.totalMs);
      raw.embed += timing.embed;
      raw.search += timing.search;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  raw.wallS = (performance.now() - t0) / 1000;
  raw.cpuS = cpuSeconds() - c0;
  return raw;
}

/** A phase's parts (the A B B A halves) as one row. */
function phaseRow(target: string, concurrency: number, parts: readonly RawPhase[]): RankPhase {
  const cat = (f: (p: RawPhase) => number[]) => parts.flatMap(f);
  const sum = (f: (p: RawPhase) => number) => parts.reduce((a, p) => a + f(p), 0);
  const ok = cat((p) => p.full).length;
  const requests = ok + sum((p) => p.errors);
  const wallS = sum((p) => p.wallS);
  const cpuS = sum((p) => p.cpuS);
  return {
    target,
    concurrency,
    requests,
    errors: sum((p) => p.errors),
    list: summarize(cat((p) => p.list)),
    full: summarize(cat((p) => p.full)),
    embedMs: r2(sum((p) => p.embed) / Math.max(1, ok)),
    searchMs: r2(sum((p) => p.search) / Math.max(1, ok)),
    wallS: r2(wallS),
    cpuS: r2(cpuS),
    perSec: r2(ok / wallS),
    ceilingPerSec: r2(2 / (cpuS / Math.max(1, requests))),
  };
}

/** An author's second try: the same draft with its last sentence changed. */
const edited = (d: Draft): Draft => ({ ...d, abstract: `${d.abstract.replace(/[^.]*\.?\s*$/, '')} We also release our code.` });

/**
 * @example
 * const result = await benchE2e({ evalDir: '../shared/eval', requests: [40, 48, 64], triageRows: 500, indexCalls: 1000, phaseSeconds: 180, threads: 2 });
 */
export async function benchE2e(o: E2eOptions): Promise<E2eResult> {
  const { loadavg } = await import('node:os');
  const { calls, drafts } = await loadE2eData(o.evalDir);
  // As the server runs (node.ts): the embedding queue and a request deadline; builds without them ignore the options.
  // The deadline is 10 minutes instead of the server's 2, so a slow triage on a loaded machine is timed, not cut off.
  const runtimeOpts = { embedThreads: o.threads, embedQueue: { deadlineMs: 600_000 } };
  const appOpts = { requestTimeoutMs: 600_000 };
  const targets: E2eTarget[] = [];
  if (o.base) targets.push(await loadTarget(o.base, 'base', calls, runtimeOpts, appOpts));
  targets.push(await loadTarget(THIS_BUILD, 'this build', calls, runtimeOpts, appOpts));
  const result: E2eResult = { machine: { loadStart: loadavg() }, calls: calls.length, phases: [], cache: [], triage: [], index: [], peakRssMb: 0 };
  // Warm both (model load in every worker thread), on drafts no phase uses.
  const warm = drafts.slice(-8);
  for (const t of targets) for (let i = 0; i < 4; i++) await Promise.all(warm.slice(2 * i, 2 * i + 2).map((d) => t.post('/v1/rank', d)));

  // Where one embedding's CPU goes, in this thread, before the builds' phases (their workers idle).
  result.limit = await benchLimit(warm.slice(0, 8).concat(drafts.slice(-24, -8)));
  let offset = 0;
  for (const [k, concurrency] of [1, 4, 16].entries()) {
    const n = o.requests[k] as number;
    const slice = drafts.slice(offset, offset + n);
    offset += n;
    // Each build ranks the same drafts, in halves ordered A B B A, so drift in the machine's load falls on both alike.
    const halves = [slice.slice(0, Math.ceil(n / 2)), slice.slice(Math.ceil(n / 2))];
    const runs: Array<[E2eTarget, Draft[]]> = targets.length === 2
      ? [[targets[0] as E2eTarget, halves[0] as Draft[]], [targets[1] as E2eTarget, halves[0] as Draft[]], [targets[1] as E2eTarget, halves[1] as Draft[]], [targets[0] as E2eTarget, halves[1] as Draft[]]]
      : [[targets[0] as E2eTarget, slice]];
    const parts: RawPhase[][] = targets.map(() => []);
    for (const [t, part] of runs) (parts[targets.indexOf(t)] as RawPhase[]).push(await rankPhase(t, part, concurrency, o.phaseSeconds / runs.length));
    targets.forEach((t, i) => result.phases.push(phaseRow(t.name, concurrency, parts[i] as RawPhase[])));
  }
  // Re-ranking edited drafts: only the changed sentence and the whole text are new.
  for (const t of targets) {
    const again = drafts.slice(0, Math.min(12, o.requests[0])).map(edited);
    const c0 = cpuSeconds();
    const full: number[] = [];
    for (const d of again) full.push((await t.post('/v1/rank', d)).totalMs);
    result.cache.push({ target: t.name, requests: again.length, full: summarize(full), cpuS: r2(cpuSeconds() - c0) });
  }
  const triageCall = calls[0] as Call;
  const subs = drafts.slice(offset, offset + o.triageRows).map((d, i) => ({ id: `s${i}`, ...d }));
  for (const t of targets) {
    const c0 = cpuSeconds();
    const res = await t.post('/v1/triage', { call_id: triageCall.id, submissions: subs });
    result.triage.push({ target: t.name, rows: subs.length, status: res.status, wallS: r2(res.totalMs / 1000), cpuS: r2(cpuSeconds() - c0) });
  }
  const many = Array.from({ length: o.indexCalls }, (_, i) => ({ ...(calls[i % calls.length] as Call), id: `e2e-${i}` }));
  const passages = many.reduce((s, c) => s + callPassages(c).length, 0);
  for (const t of targets) {
    const c0 = cpuSeconds();
    const t0 = performance.now();
    await t.index(many);
    const wallS = (performance.now() - t0) / 1000;
    const cpuS = cpuSeconds() - c0;
    result.index.push({ target: t.name, calls: many.length, passages, wallS: r2(wallS), cpuS: r2(cpuS), callsPerSec: r2(many.length / wallS), callsPerCpuS: r2(many.length / cpuS) });
  }
  result.peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  result.machine.loadEnd = loadavg();
  for (const t of targets) await t.dispose();
  return result;
}

