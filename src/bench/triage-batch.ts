/**
 * Batch triage benchmark: 5,000 generated submissions streamed through
 * `runTriageBatch` against the bundled calls, reporting rows/s and peak RSS.
 * Memory must stay flat as rows grow (rows are never all held at once).
 * The default embedder is a hashed bag of words, so the number measures the
 * batch pipeline (streaming, scoring, writing), not the model; pass a real
 * embedder to measure end to end.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTriageBatch } from '../cli/commands/triage-batch.js';
import { loadCalls } from '../cli/load-calls.js';
import { createFlatIndex } from '../core/flat-index.js';
import { createMatcher } from '../core/matcher.js';
import { createMemoryStore } from '../core/memory-store.js';
import type { Embedder } from '../core/ports.js';

export interface TriageBenchOptions {
  rows?: number;
  /** Default: the bundled calls in data/calls. */
  callsDir?: string;
  embedder?: Embedder;
  format?: 'jsonl' | 'csv';
}

export interface TriageBenchResult {
  rows: number;
  format: 'jsonl' | 'csv';
  embedder: string;
  seconds: number;
  rows_per_s: number;
  peak_rss_mb: number;
  rss_before_mb: number;
  verdicts: Record<string, number>;
}

const WORDS = 'edge intelligence generative model network wireless 6g latency energy federated learning semantic communication satellite iot sensing inference large language agent spectrum security privacy graph protein quantum optimisation control'.split(' ');

/** Hashed bag of words (64 dims): deterministic and model-free. */
export function hashedEmbedder(dimensions = 64): Embedder {
  return {
    id: `hashed-bow-${dimensions}`,
    dimensions,
    async embed(texts) {
      return texts.map((t) => {
        const v = new Float32Array(dimensions);
        for (const w of t.toLowerCase().match(/[a-z0-9]+/g) ?? []) {
          let h = 2166136261;
          for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), 16777619) >>> 0;
          v[h % dimensions] = (v[h % dimensions] ?? 0) + 1;
        }
        const n = Math.hypot(...v) || 1;
        return v.map((x) => x / n);
      });
    },
  };
}

async function writeRows(file: string, rows: number, format: 'jsonl' | 'csv'): Promise<void> {
  const out = createWriteStream(file);
  let seed = 7;
  const word = () => WORDS[(seed = (seed * 1103515245 + 12345) >>> 0) % WORDS.length] ?? 'x';
  const sentence = (n: number) => Array.from({ length: n }, word).join(' ');
  if (format === 'csv') out.write('id,title,abstract,keywords\n');
  for (let i = 0; i < rows; i++) {
    const title = sentence(8);
    const abstract = `${sentence(20)}. ${sentence(25)}. ${sentence(18)}, with "quotes".`;
    const line = format === 'jsonl'
      ? `${JSON.stringify({ id: `b${i}`, title, abstract })}\n`
      : `b${i},${title},"${abstract.replace(/"/g, '""')}",${word()};${word()}\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  await new Promise<void>((resolve) => out.end(resolve));
}

/**
 * @example
 * const r = await benchTriageBatch({ rows: 5000 }); // { rows_per_s, peak_rss_mb, ... }
 */
export async function benchTriageBatch(opts: TriageBenchOptions = {}): Promise<TriageBenchResult> {
  const rows = opts.rows ?? 5_000;
  const format = opts.format ?? 'jsonl';
  const dir = await mkdtemp(join(tmpdir(), 'cfpmatch-triage-bench-'));
  try {
    const calls = await loadCalls(opts.callsDir ?? fileURLToPath(new URL('../../data/calls', import.meta.url)));
    const embedder = opts.embedder ?? hashedEmbedder();
    const matcher = createMatcher({ embedder, index: createFlatIndex({ dimensions: embedder.dimensions }), store: createMemoryStore(calls) });
    await matcher.sync();
    const input = join(dir, `subs.${format}`);
    await writeRows(input, rows, format);
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const t0 = performance.now();
    const summary = await runTriageBatch({ matcher, callId: calls[0]?.id ?? '', input, out: join(dir, `report.${format}`), stderr: { write: () => true } });
    const seconds = (performance.now() - t0) / 1000;
    clearInterval(timer);
    peak = Math.max(peak, process.memoryUsage().rss);
    const mb = (b: number) => Math.round(b / 1e5) / 10;
    return { rows: summary.triaged, format, embedder: embedder.id, seconds: Math.round(seconds * 10) / 10, rows_per_s: Math.round(summary.triaged / seconds), peak_rss_mb: mb(peak), rss_before_mb: mb(rssBefore), verdicts: summary.verdicts };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// `node dist/bench/triage-batch.js [rows]` runs it alone.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const rows = Number(process.argv[2] ?? 5_000);
  console.log(JSON.stringify(await benchTriageBatch({ rows }), null, 2));
}
