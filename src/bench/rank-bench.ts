/**
 * The ranking section: for each size, HNSW and exact runs in child processes,
 * then a fresh-process load of the saved HNSW index.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchArgs } from './args.js';
import { runInChild } from './child.js';
import type { LoadRunResult } from './load-run.js';
import type { RankRunOptions, RankRunResult } from './rank-run.js';

export interface SizeResult {
  size: number;
  hnsw: RankRunResult;
  exact?: RankRunResult;
  load: LoadRunResult;
}

/**
 * @example
 * const rows = await benchRankSizes(parseArgs(['--sizes', '100,1000']));
 */
export async function benchRankSizes(args: BenchArgs): Promise<SizeResult[]> {
  const out: SizeResult[] = [];
  for (const size of args.sizes) {
    const dir = await mkdtemp(join(tmpdir(), 'cfpmatch-bench-'));
    try {
      const base: RankRunOptions = {
        size,
        dims: args.dims,
        seed: args.seed,
        mode: 'hnsw',
        queries: args.queries,
        recallDrafts: args.recallDrafts,
        hnsw: { m: args.m, efConstruction: args.efConstruction, efSearch: args.efSearch },
        ...(args.exactLimit !== undefined ? { exactLimit: args.exactLimit } : {}),
        ...(args.papers ? { papers: args.papers } : {}),
      };
      console.error(`[bench] rank hnsw ${size} calls`);
      const hnsw = await runInChild<RankRunResult>({ kind: 'rank', options: { ...base, saveDir: dir } });
      console.error(`[bench] load ${size} calls`);
      const load = await runInChild<LoadRunResult>({ kind: 'load', dir, dims: args.dims });
      await rm(dir, { recursive: true, force: true });
      let exact: RankRunResult | undefined;
      if (size <= args.exactMaxSize) {
        console.error(`[bench] rank exact ${size} calls`);
        const queries = size > 2_000 ? Math.min(args.queries, args.exactQueries) : args.queries;
        exact = await runInChild<RankRunResult>({ kind: 'rank', options: { ...base, mode: 'exact', queries } });
      }
      out.push({ size, hnsw, load, ...(exact ? { exact } : {}) });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  return out;
}
