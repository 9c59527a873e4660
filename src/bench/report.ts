/** Markdown tables for the benchmark results (the JSON is written as is). */
import type { E2eResult } from './e2e-bench.js';
import { e2eTables } from './e2e-report.js';
import type { EmbedResult } from './embed-bench.js';
import type { HttpResult } from './http-bench.js';
import type { SizeResult } from './rank-bench.js';
import type { ParseResult } from './parse-bench.js';
import type { WindowResult } from './window-bench.js';

export interface BenchResults {
  date: string;
  machine: string;
  command: string;
  embed?: EmbedResult[];
  rank?: SizeResult[];
  http?: HttpResult;
  triage?: unknown;
  catalogue?: unknown;
  window?: WindowResult;
  e2e?: E2eResult;
  parse?: ParseResult;
}

const s = (ms: number | undefined) => (ms === undefined ? '-' : (ms / 1000).toFixed(1));
const row = (cells: Array<string | number | undefined>) => `| ${cells.map((c) => (c === undefined ? '-' : String(c))).join(' | ')} |`;

function rankTables(rank: SizeResult[]): string[] {
  const out = ['## Ranking latency (draft embedding precomputed), ms', ''];
  out.push(row(['calls', 'passages', 'HNSW p50', 'p95', 'p99', 'HNSW CPU p50', 'CPU p99', 'exact p50', 'p95', 'p99', 'exact CPU p50', 'candidates', 'top-10 vs all calls scored']));
  out.push(row(Array(13).fill('---')));
  for (const r of rank) {
    const h = r.hnsw;
    const e = r.exact;
    out.push(row([r.size, h.passages, h.latency.p50, h.latency.p95, h.latency.p99, h.cpu.p50, h.cpu.p99, e?.latency.p50, e?.latency.p95, e?.latency.p99, e?.cpu.p50, h.meanCandidates, h.candidateRecall]));
  }
  out.push('', '## HNSW recall@10 against the exact scan', '');
  const efs = rank[0]?.hnsw.recall?.map((x) => x.ef) ?? [];
  out.push(row(['calls', ...efs.map((ef) => `ef=${ef}`), ...efs.map((ef) => `search p50 ms (ef=${ef})`)]));
  out.push(row(Array(1 + 2 * efs.length).fill('---')));
  for (const r of rank) {
    const rec = r.hnsw.recall ?? [];
    out.push(row([r.size, ...rec.map((x) => x.recall), ...rec.map((x) => x.searchP50Ms)]));
  }
  out.push('', '## Index build, memory, save and load', '');
  out.push(row(['calls', 'passages', 'build s (HNSW, embedding excluded)', 'synthetic embedding s', 'peak RSS MB (build + ranking)', 'index MB', 'save s', 'peak RSS MB after recall checks + save', 'load s (read+checksum / restore)', 'load peak RSS MB', 'exact build s']));
  out.push(row(Array(11).fill('---')));
  for (const r of rank) {
    const h = r.hnsw;
    out.push(row([
      r.size,
      h.passages,
      s(h.buildMs - h.embedMs),
      s(h.embedMs),
      h.peakRssRankedMb,
      h.indexBytes === undefined ? undefined : Math.round(h.indexBytes / 2 ** 20),
      s(h.saveMs),
      h.peakRssAfterSaveMb,
      `${s(r.load.totalMs)} (${s(r.load.readMs)} / ${s(r.load.restoreMs)})`,
      r.load.peakRssMb,
      r.exact ? s(r.exact.buildMs - r.exact.embedMs) : undefined,
    ]));
  }
  return out;
}

/**
 * @example
 * await writeFile('bench/results/latest.md', toMarkdown(results));
 */
export function toMarkdown(r: BenchResults): string {
  const out = [`# cfpmatch benchmark, ${r.date}`, '', `Machine: ${r.machine}`, '', `Command: \`${r.command}\``, ''];
  if (r.embed) {
    out.push('## Embedding throughput', '');
    out.push(row(['embedder', 'load ms', 'single abstracts/s', 'batched abstracts/s (batch 8 / 16 / 32)', 'speedup', 'topic passages/s', 'projected min for the 50k set']));
    out.push(row(Array(7).fill('---')));
    for (const e of r.embed) {
      if (e.skipped) out.push(row([e.embedder, `skipped: ${e.skipped}`, '', '', '', '', '']));
      else out.push(row([e.embedder, e.loadMs, e.singlePerSec, e.batched?.map((b) => b.perSec).join(' / '), `${e.speedup}x (batch ${e.bestBatchSize})`, e.passagesPerSec, `${e.projectedMinutes} (${e.projectPassages} passages)`]));
    }
    out.push('');
  }
  if (r.rank) out.push(...rankTables(r.rank), '');
  if (r.window) {
    out.push('## USE-lite cost by text length (one thread), whole vs token windows', '');
    out.push(row(['characters', 'USE-lite tokens', 'estimated tokens', 'tokenize ms', 'embed whole ms', 'windowed ms', 'windows']));
    out.push(row(Array(7).fill('---')));
    for (const w of r.window.rows) out.push(row([w.chars, w.tokens, w.estimated, w.tokenizeMs, w.modelMs, w.windowedMs, w.windows]));
    out.push('');
  }
  if (r.http) {
    const h = r.http;
    out.push('## POST /v1/rank under load', '');
    out.push(row(['calls', 'connections', 'seconds', 'requests', 'req/s', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms', 'errors', 'timeouts', 'non-2xx']));
    out.push(row(Array(12).fill('---')));
    out.push(row([h.calls, h.connections, h.seconds, h.requests, h.perSec, h.p50, h.p90, h.p99, h.max, h.errors, h.timeouts, h.non2xx]), '');
  }
  if (r.triage !== undefined) out.push('## Triage batch', '', '```json', JSON.stringify(r.triage, null, 2), '```', '');
  if (r.catalogue !== undefined) out.push('## Catalogue import and refresh', '', '```json', JSON.stringify(r.catalogue, null, 2), '```', '');
  if (r.parse) {
    const p = r.parse;
    const ms = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(' / ');
    out.push('## CFP text parsing (one thread), ms per round', '');
    out.push(row(['input', 'rounds', 'wall ms each round', 'best per text']), row(Array(4).fill('---')));
    out.push(row([`${p.texts} case texts (eval/cfp/cases)`, p.rounds, ms(p.allMs), (Math.min(...p.allMs) / p.texts).toFixed(1)]));
    out.push(row([`the same texts, editors by the rules alone`, p.rounds, ms(p.rulesEditorsMs), (Math.min(...p.rulesEditorsMs) / p.texts).toFixed(1)]));
    // Reports written before the topic chooser have no such pass.
    if (p.rulesTopicsMs?.length) out.push(row([`the same texts, topics by the rules alone`, p.rounds, ms(p.rulesTopicsMs), (Math.min(...p.rulesTopicsMs) / p.texts).toFixed(1)]));
    out.push(row([`one text of ${p.bigChars} characters`, p.rounds, ms(p.bigMs), '-']), '');
    out.push(`Learned editor chooser / rules alone, best rounds: ${(Math.min(...p.allMs) / Math.min(...p.rulesEditorsMs)).toFixed(2)}`, '');
    if (p.rulesTopicsMs?.length) out.push(`Learned topic chooser / rules alone, best rounds: ${(Math.min(...p.allMs) / Math.min(...p.rulesTopicsMs)).toFixed(2)}`, '');
  }
  if (r.e2e) out.push(...e2eTables(r.e2e), '');
  return out.join('\n');
}
