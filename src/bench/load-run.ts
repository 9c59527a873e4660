/**
 * Time to load a saved HNSW index from disk in a fresh process, the way the
 * server starts (entry/node-runtime.ts): openIndexFiles (size + sampled
 * checksum, ids), then restoreCachedHnsw: hnswlib reads the file natively on a
 * libuv thread while the whole-call vector cache fills from the same file.
 */
import { openIndexFiles } from '../adapters/node/index-files.js';
import { isWholeCallPassage } from '../core/corpus/passage-id.js';
import { restoreCachedHnsw } from '../adapters/node/vector-cache.js';

export interface LoadRunResult {
  readMs: number;
  restoreMs: number;
  totalMs: number;
  passages: number;
  peakRssMb: number;
}

/**
 * @example
 * const r = await runLoad('/tmp/bench-index', 512); // r.totalMs
 */
export async function runLoad(dir: string, dims: number): Promise<LoadRunResult> {
  const t0 = performance.now();
  const saved = await openIndexFiles(dir);
  if (!saved) throw new Error(`no saved index in ${dir}`);
  const t1 = performance.now();
  const index = await restoreCachedHnsw({ dimensions: dims, file: saved.file }, { keep: isWholeCallPassage });
  const t2 = performance.now();
  const passages = index.size();
  await index.dispose();
  return {
    readMs: Math.round(t1 - t0),
    restoreMs: Math.round(t2 - t1),
    totalMs: Math.round(t2 - t0),
    passages,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}
