/**
 * Embedding throughput of each Node embedder: load time, abstracts/s one at a
 * time vs batched, topic-line passages/s batched, and the projected time to
 * embed the 50,000-call set from scratch. Texts are real CFP prose from
 * data/calls, cut into abstract-length pieces. USE-lite is measured in-thread
 * and on its worker pool (the server default, selectEmbedder's threads):
 * one at a time is sequential embed([a]) calls, batched is one embed(all) call.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createOnnxEmbedder, DEFAULT_ONNX_MODEL, modelAvailable } from '../adapters/node/onnx-embedder.js';
import { defaultUseLiteThreads } from '../adapters/node/select-embedder.js';
import { createUseLiteEmbedder } from '../adapters/node/use-lite-embedder.js';
import type { Embedder } from '../core/ports.js';

export interface EmbedResult {
  embedder: string;
  /** Threads embedding at once: 1 is in-thread; more is a worker pool (each worker one model copy). */
  threads?: number;
  skipped?: string;
  loadMs?: number;
  /** Abstracts per second, one embed() call per abstract. */
  singlePerSec?: number;
  /** Abstracts per second, all in one embed() call, by batch size. */
  batched?: Array<{ batchSize: number; perSec: number }>;
  bestBatchSize?: number;
  speedup?: number;
  /** Topic-line passages per second, batched at the best size. */
  passagesPerSec?: number;
  /** Projected minutes to embed `projectPassages` passages from scratch. */
  projectedMinutes?: number;
  projectPassages?: number;
}

async function sampleTexts(dataDir = 'data/calls'): Promise<{ abstracts: string[]; lines: string[] }> {
  const words: string[] = [];
  const lines: string[] = [];
  for (const name of (await readdir(dataDir)).filter((n) => n.endsWith('.json')).sort()) {
    const call = JSON.parse(await readFile(join(dataDir, name), 'utf8')) as { scope?: string; topics?: string[]; title?: string };
    words.push(...(call.scope ?? '').split(/\s+/).filter(Boolean));
    lines.push(...(call.topics ?? []), call.title ?? '');
  }
  // 64 abstracts of ~180 words, taken at shifting offsets of the prose. 64 splits evenly into
  // batches of 8, 16 and 32 over 2 worker threads: with 24, batch 32 was one batch that only one worker could take.
  const abstracts = Array.from({ length: 64 }, (_, i) => {
    const start = (i * 37) % Math.max(1, words.length - 180);
    return words.slice(start, start + 180).join(' ');
  });
  return { abstracts, lines: lines.filter(Boolean) };
}

const perSec = (n: number, ms: number) => Math.round((n / (ms / 1000)) * 10) / 10;

type Benched = Embedder & { ready?(): Promise<void> };

/** Load the model (every worker of a pool) and run each worker once, so timings exclude loading and first-call set-up. */
async function warm(e: Benched, threads: number): Promise<void> {
  await e.ready?.();
  // Concurrent one-text calls land on different idle workers.
  await Promise.all(Array.from({ length: threads }, () => e.embed(['warm up the model'])));
}

async function measure(name: string, threads: number, make: (batchSize: number) => Promise<Benched>, projectPassages: number): Promise<EmbedResult> {
  const { abstracts, lines } = await sampleTexts();
  const t0 = performance.now();
  const first = await make(16);
  await warm(first, threads);
  const loadMs = Math.round(performance.now() - t0);
  let t = performance.now();
  for (const a of abstracts) await first.embed([a]);
  const singlePerSec = perSec(abstracts.length, performance.now() - t);
  await first.dispose?.();
  const batched: NonNullable<EmbedResult['batched']> = [];
  for (const batchSize of [8, 16, 32]) {
    const e = await make(batchSize);
    await warm(e, threads);
    t = performance.now();
    await e.embed(abstracts);
    batched.push({ batchSize, perSec: perSec(abstracts.length, performance.now() - t) });
    await e.dispose?.();
  }
  const best = batched.reduce((a, b) => (b.perSec > a.perSec ? b : a));
  const e = await make(best.batchSize);
  await warm(e, threads);
  const passages = Array.from({ length: 96 }, (_, i) => lines[i % lines.length] as string);
  t = performance.now();
  await e.embed(passages);
  const passagesPerSec = perSec(passages.length, performance.now() - t);
  await e.dispose?.();
  return {
    embedder: name,
    threads,
    loadMs,
    singlePerSec,
    batched,
    bestBatchSize: best.batchSize,
    speedup: Math.round((best.perSec / singlePerSec) * 100) / 100,
    passagesPerSec,
    projectPassages,
    projectedMinutes: Math.round(projectPassages / passagesPerSec / 60),
  };
}

/**
 * @example
 * const rows = await benchEmbedders(535_000);
 */
export async function benchEmbedders(projectPassages: number, modelsDir = 'models'): Promise<EmbedResult[]> {
  const out: EmbedResult[] = [];
  console.error('[bench] embed use-lite');
  out.push(await measure('use-lite', 1, async (batchSize) => createUseLiteEmbedder({ batchSize }), projectPassages));
  const threads = defaultUseLiteThreads();
  if (threads > 1) {
    console.error(`[bench] embed use-lite on ${threads} worker threads`);
    out.push(await measure(`use-lite (${threads} worker threads)`, threads, async (batchSize) => createUseLiteEmbedder({ batchSize, threads }), projectPassages));
  }
  const id = process.env.EMBEDDING_MODEL ?? DEFAULT_ONNX_MODEL;
  if (!modelAvailable(modelsDir, id)) {
    out.push({ embedder: `onnx:${id}`, skipped: `no model in ${modelsDir}/ (npm run model:pull)` });
  } else {
    console.error(`[bench] embed onnx:${id}`);
    out.push(await measure(`onnx:${id}`, 1, (batchSize) => createOnnxEmbedder({ modelsDir, modelId: id, batchSize }), projectPassages));
  }
  return out;
}
