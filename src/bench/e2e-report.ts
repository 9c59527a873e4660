/** Markdown tables for the end-to-end benchmark (`--only e2e`). */
import type { E2eResult } from './e2e-bench.js';

const row = (cells: Array<string | number | undefined>) => `| ${cells.map((c) => (c === undefined ? '-' : String(c))).join(' | ')} |`;
const load = (l: readonly number[] | undefined) => (l ? l.map((x) => x.toFixed(1)).join(' ') : '-');

/**
 * @example
 * out.push(...e2eTables(results.e2e));
 */
export function e2eTables(e: E2eResult): string[] {
  const out = [`## End to end: real abstracts through POST /v1/rank (USE-lite, ${e.calls} real calls)`, ''];
  out.push(`Load average at start ${load(e.machine.loadStart)}, at end ${load(e.machine.loadEnd)}; peak RSS ${e.peakRssMb} MB (the process, every build in it).`, '');
  out.push('list = the first streamed line (ranked list, no evidence); full = the end of the response (evidence included). CPU = the process, all threads, per request.', '');
  out.push(row(['build', 'concurrent', 'requests', 'errors', 'list p50 ms', 'list p99', 'full p50 ms', 'full p95', 'full p99', 'embed ms (mean)', 'search ms (mean)', 'req/s', 'CPU ms/request', 'CPU ceiling req/s (2 cores)', 'req/s / ceiling']));
  out.push(row(Array(15).fill('---')));
  for (const p of e.phases) {
    const cpuMs = (1000 * p.cpuS) / Math.max(1, p.requests);
    out.push(row([p.target, p.concurrency, p.requests, p.errors, p.list.p50, p.list.p99, p.full.p50, p.full.p95, p.full.p99, p.embedMs, p.searchMs, p.perSec, Math.round(cpuMs), p.ceilingPerSec, (p.perSec / p.ceilingPerSec).toFixed(2)]));
  }
  out.push('', '### Re-ranking an edited draft (last sentence changed), one at a time', '');
  out.push(row(['build', 'requests', 'full p50 ms', 'full p99', 'CPU ms/request']));
  out.push(row(Array(5).fill('---')));
  for (const c of e.cache) out.push(row([c.target, c.requests, c.full.p50, c.full.p99, Math.round((1000 * c.cpuS) / Math.max(1, c.requests))]));
  out.push('', '### Triage (one POST /v1/triage) and indexing calls', '');
  out.push(row(['build', 'triage rows', 'status', 'wall s', 'CPU s', 'indexed calls', 'passages', 'wall s', 'CPU s', 'calls/s', 'calls per CPU s']));
  out.push(row(Array(11).fill('---')));
  e.triage.forEach((t, i) => {
    const x = e.index[i];
    out.push(row([t.target, t.rows, t.status, t.wallS, t.cpuS, x?.calls, x?.passages, x?.wallS, x?.cpuS, x?.callsPerSec, x?.callsPerCpuS]));
  });
  if (e.limit) {
    const l = e.limit;
    out.push('', '### Where one embedding goes (USE-lite, this thread, CPU ms a text)', '');
    out.push(row(['texts', 'tokens/text (model: first 128)', 'package tokenizer', 'tokenizer now', 'model on tfjs', 'model on onnxruntime', 'normalise', 'multiply-adds/text', 'GMAC/s tfjs; onnxruntime', 'native GMAC/s (1 thread)', 'note']));
    out.push(row(Array(11).fill('---')));
    out.push(row([`${l.texts}`, `${l.tokensPerText} (${l.modelTokensPerText})`, l.packageTokenizerMs, l.tokenizerMs, l.modelMs, l.onnxModelMs ?? l.onnxNote, l.normalizeMs, l.macsPerText, `${l.achievedGmacs}; ${l.onnxGmacs ?? '-'}`, l.nativeGmacs, l.nativeNote]));
  }
  return out;
}
