/** Percentiles, recall and exact top-k: the arithmetic behind the benchmark tables. */

/**
 * Nearest-rank percentile of unsorted samples (`p` in 0..100); NaN for no samples.
 *
 * @example
 * percentile([5, 1, 3, 2, 4], 50) // 3
 */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] as number;
}

export interface Scored {
  id: string;
  score: number;
}

/**
 * Recall@k of an approximate answer against the exact one. Tie-aware: an
 * approximate hit also counts when its score equals the exact k-th score
 * (identical vectors make the exact id set ambiguous).
 *
 * @example
 * recallAtK([{ id: 'a', score: 0.9 }, { id: 'b', score: 0.8 }], [{ id: 'a', score: 0.9 }, { id: 'c', score: 0.1 }], 2) // 0.5
 */
export function recallAtK(exact: readonly Scored[], approx: readonly Scored[], k: number, eps = 1e-5): number {
  const truth = exact.slice(0, k);
  if (truth.length === 0) return 1;
  const ids = new Set(truth.map((h) => h.id));
  const kth = (truth[truth.length - 1] as Scored).score;
  let hit = 0;
  const seen = new Set<string>();
  for (const h of approx.slice(0, k)) {
    if (seen.has(h.id)) continue;
    seen.add(h.id);
    if (ids.has(h.id) || h.score >= kth - eps) hit++;
  }
  return Math.min(1, hit / truth.length);
}

/**
 * Streaming exact top-k by dot product for several queries at once: vectors
 * are offered one by one and never stored, so the reference answer for
 * 500,000 passages costs no extra memory.
 *
 * @example
 * const top = createExactTopK([q], 10);
 * top.offer('a', v);
 * top.result(0); // [{ id: 'a', score: q·v }]
 */
export function createExactTopK(queries: readonly Float32Array[], k: number) {
  const lists: Scored[][] = queries.map(() => []);
  return {
    offer(id: string, v: Float32Array): void {
      queries.forEach((q, qi) => {
        let s = 0;
        for (let i = 0; i < q.length; i++) s += (q[i] as number) * (v[i] as number);
        const list = lists[qi] as Scored[];
        if (list.length === k && s <= (list[k - 1] as Scored).score) return;
        let at = list.length;
        while (at > 0 && (list[at - 1] as Scored).score < s) at--;
        list.splice(at, 0, { id, score: s });
        if (list.length > k) list.pop();
      });
    },
    result: (qi: number): Scored[] => lists[qi] ?? [],
  };
}

export interface LatencySummary {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  max: number;
}

export function summarize(ms: readonly number[]): LatencySummary {
  const r = (x: number) => Math.round(x * 100) / 100;
  return {
    n: ms.length,
    p50: r(percentile(ms, 50)),
    p95: r(percentile(ms, 95)),
    p99: r(percentile(ms, 99)),
    mean: r(ms.reduce((a, x) => a + x, 0) / Math.max(1, ms.length)),
    max: r(Math.max(...ms)),
  };
}
