/**
 * One ranking benchmark at one size, meant to run in its own process (see
 * child.ts) so its peak RSS belongs to it alone: build the synthetic corpus,
 * time `matcher.rank()` with the draft embeddings precomputed, measure HNSW
 * recall@10 against a streaming exact scan, and optionally save the index.
 */
import { createHnswIndex } from '../adapters/node/hnsw-index.js';
import { saveIndex } from '../adapters/node/index-files.js';
import { loadReferencePopulation } from '../adapters/node/reference-file.js';
import { isWholeCallPassage } from '../core/corpus/passage-id.js';
import { cacheVectors } from '../adapters/node/vector-cache.js';
import { createFlatIndex } from '../core/flat-index.js';
import { createMatcher } from '../core/matcher.js';
import type { Embedder, VectorIndex } from '../core/ports.js';
import { candidateRecall } from './candidate-recall.js';
import { createExactTopK, recallAtK, summarize, type LatencySummary } from './stats.js';
import { createSyntheticEmbedder, syntheticDraft, syntheticStore } from './synthetic-calls.js';
import { syntheticStoreWithPapers } from './synthetic-papers.js';
import { createWorld } from './synthetic-world.js';

export interface HnswParams {
  m: number;
  efConstruction: number;
  efSearch: number;
}

export interface RankRunOptions {
  size: number;
  dims: number;
  seed: number;
  mode: 'hnsw' | 'exact';
  /** Timed rank() calls. */
  queries: number;
  /** Queries for recall@10 (each draft's whole vector and its first two sentences). */
  recallDrafts: number;
  hnsw: HnswParams;
  /** Save the index here (saveIndex, as the server persists it) after measuring. */
  saveDir?: string;
  /** The matcher's exactLimit (calls up to which every call is scored); default its own. */
  exactLimit?: number;
  /** Published papers (exemplars) on every call; none by default. */
  papers?: number;
}

export interface RankRunResult {
  size: number;
  mode: string;
  passages: number;
  buildMs: number;
  /** Part of buildMs spent in the (synthetic) embedder. */
  embedMs: number;
  peakRssMb: number;
  /** Wall-clock ms of matcher.rank() with the draft already embedded. */
  latency: LatencySummary;
  /** CPU ms of the same calls: steadier than wall time on a shared machine. */
  cpu: LatencySummary;
  search: LatencySummary;
  meanCandidates: number;
  /** Top-10 calls of the candidate path vs scoring every call (recallDrafts drafts). */
  candidateRecall?: number;
  recall?: Array<{ ef: number; recall: number; searchP50Ms: number }>;
  saveMs?: number;
  indexBytes?: number;
  /** Peak RSS after the timed ranking (build + ranking); peakRssMb is the build's alone. */
  peakRssRankedMb: number;
  /** Peak RSS after the recall checks (scoring every call, re-embedding every passage: bench work) and the save. */
  peakRssAfterSaveMb?: number;
}

const rssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

/** Wraps an embedder with a cache that is switched on after the build, so drafts are embedded once, before timing. */
function draftCache(inner: Embedder): Embedder & { enabled: boolean } {
  const cache = new Map<string, Float32Array>();
  const self = {
    id: inner.id,
    dimensions: inner.dimensions,
    enabled: false,
    async embed(texts: readonly string[]) {
      if (!self.enabled) return inner.embed(texts);
      const missing = texts.filter((t) => !cache.has(t));
      const vs = missing.length ? await inner.embed(missing) : [];
      missing.forEach((t, i) => cache.set(t, vs[i] as Float32Array));
      return texts.map((t) => cache.get(t) as Float32Array);
    },
  };
  return self;
}

/**
 * @example
 * const r = await runRank({ size: 1000, dims: 512, seed: 7, mode: 'hnsw', queries: 200, recallDrafts: 50, hnsw: { m: 16, efConstruction: 100, efSearch: 64 } });
 */
export async function runRank(o: RankRunOptions): Promise<RankRunResult> {
  const world = createWorld({ seed: o.seed, dims: o.dims });
  const synthetic = createSyntheticEmbedder(world);
  const embedder = draftCache(synthetic);
  const index: VectorIndex =
    o.mode === 'hnsw'
      ? cacheVectors(await createHnswIndex({ dimensions: o.dims, ...o.hnsw, initialCapacity: o.size * 12 }), undefined, { keep: isWholeCallPassage })
      : createFlatIndex({ dimensions: o.dims });
  // The shipped reference population, as the server ranks with it (issue #17): BM25 moments per call
  // (computed in the build), dense ones only for an embedder with shipped statistics (not the synthetic one).
  const reference = await loadReferencePopulation(embedder.id);
  const matcher = createMatcher({ embedder, index, store: o.papers ? syntheticStoreWithPapers(world, o.size, o.papers) : syntheticStore(world, o.size), today: () => '2026-11-22',
    ...(reference ? { reference } : {}),
    ...(o.exactLimit !== undefined ? { candidates: { exactLimit: o.exactLimit } } : {}) });
  const t0 = performance.now();
  await matcher.sync();
  const buildMs = performance.now() - t0;
  const embedMs = synthetic.stats.ms;
  const peakRssMb = rssMb();

  embedder.enabled = true;
  const drafts = Array.from({ length: o.queries }, (_, i) => ({ ...syntheticDraft(world, i), top_k: 10 }));
  let candidates = 0;
  // Warm-up: JIT, and the draft embeddings (the whole text, and the sentences evidence embeds).
  for (const d of drafts) {
    const sd = await matcher.scoreDraft(d);
    candidates += sd.scored.length;
    await sd.evidence(sd.scored.slice(0, 1).map((s) => s.callId));
  }
  const total: number[] = [];
  const cpu: number[] = [];
  const search: number[] = [];
  for (const d of drafts) {
    const c = process.cpuUsage();
    const t = performance.now();
    const res = await matcher.rank(d);
    total.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
    search.push(res.timing_ms.search);
  }
  const result: RankRunResult = {
    size: o.size,
    mode: o.mode,
    passages: index.size(),
    buildMs: Math.round(buildMs),
    embedMs: Math.round(embedMs),
    peakRssMb,
    latency: summarize(total),
    cpu: summarize(cpu),
    search: summarize(search),
    meanCandidates: Math.round(candidates / Math.max(1, drafts.length)),
    peakRssRankedMb: rssMb(),
  };
  if (o.mode === 'hnsw') result.candidateRecall = await candidateRecall(matcher, drafts.slice(0, o.recallDrafts));
  if (o.mode === 'hnsw') result.recall = await measureRecall(o, matcher.corpus.passagesByCall, index, synthetic);
  if (o.saveDir && o.mode === 'hnsw') {
    const t = performance.now();
    const manifest = await saveIndex(o.saveDir, { embedder: embedder.id, calls_hash: `bench-${o.size}` }, index);
    result.saveMs = Math.round(performance.now() - t);
    result.indexBytes = manifest.bytes ?? 0;
    result.peakRssAfterSaveMb = rssMb();
  }
  await index.dispose();
  return result;
}

async function measureRecall(
  o: RankRunOptions,
  passagesByCall: ReadonlyMap<string, ReadonlyArray<{ id: string; text: string }>>,
  index: VectorIndex,
  embedder: Embedder,
): Promise<RankRunResult['recall']> {
  const world = createWorld({ seed: o.seed, dims: o.dims });
  const queries: Float32Array[] = [];
  for (let i = 0; i < o.recallDrafts; i++) {
    const d = syntheticDraft(world, 100_000 + i); // not among the timed drafts
    const sentences = d.abstract.split('. ').slice(0, 2);
    queries.push(...(await embedder.embed([`${d.title}. ${d.abstract}`, ...sentences])));
  }
  const exact = createExactTopK(queries, 10);
  // The exact answer from re-embedded passage texts (the synthetic embedder is deterministic and
  // cheap): index.get would call hnswlib's getPoint (~100 us) for every non-cached passage.
  for (const passages of passagesByCall.values()) {
    const vs = await embedder.embed(passages.map((p) => p.text));
    passages.forEach((p, i) => exact.offer(p.id, vs[i] as Float32Array));
  }
  const out: NonNullable<RankRunResult['recall']> = [];
  for (const ef of [o.hnsw.efSearch, 2 * o.hnsw.efSearch, 4 * o.hnsw.efSearch]) {
    let sum = 0;
    const ms: number[] = [];
    for (let qi = 0; qi < queries.length; qi++) {
      const t = performance.now();
      // hnswlib searches with ef = max(efSearch, k): asking for `ef` hits and keeping 10 is an ef-wide search.
      const hits = await index.search(queries[qi] as Float32Array, ef);
      ms.push(performance.now() - t);
      sum += recallAtK(exact.result(qi), hits.slice(0, 10), 10);
    }
    out.push({ ef, recall: Math.round((sum / queries.length) * 10_000) / 10_000, searchP50Ms: summarize(ms).p50 });
  }
  return out;
}
