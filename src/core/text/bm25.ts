/**
 * Okapi BM25 over a small set of documents, serialisable with save()/load().
 * Written here rather than taken from a library because it must be
 * runtime-neutral, persist as plain JSON and support removal by id, which the
 * npm BM25 packages we looked at (wink-bm25-text-search, okapibm25) do not
 * all offer together.
 */
import { tokenize } from './tokens.js';

export interface Bm25Options {
  k1?: number;
  b?: number;
}

export interface Bm25Raw {
  k1: number;
  b: number;
  docs: Array<[id: string, terms: Record<string, number>, length: number]>;
}

export interface Bm25Index {
  readonly size: number;
  /** Insert or replace a document. */
  upsert(id: string, text: string): void;
  remove(id: string): void;
  /** BM25 score of the query against every document (0 where nothing matches). */
  scoreAll(query: string): Map<string, number>;
  /** Score the query tokens against one document. */
  score(queryTokens: readonly string[], id: string): number;
  /**
   * Share of the query's distinct terms, weighted by idf, that the document
   * contains: an absolute 0..1 measure, comparable across documents and
   * queries (raw BM25 is not).
   */
  coverage(queryTokens: readonly string[], id: string): number;
  /** Ids of the `k` best documents for the query, best first (only documents that share a term). */
  top(query: string, k: number): Array<{ id: string; score: number }>;
  save(): Bm25Raw;
}

/**
 * @example
 * const idx = createBm25Index();
 * idx.upsert('a', 'federated learning at the edge');
 * idx.scoreAll('edge learning').get('a'); // > 0
 */
export function createBm25Index(opts: Bm25Options = {}, raw?: Bm25Raw): Bm25Index {
  const k1 = raw?.k1 ?? opts.k1 ?? 1.2;
  const b = raw?.b ?? opts.b ?? 0.75;
  const docs = new Map<string, { tf: Map<string, number>; len: number }>();
  const df = new Map<string, number>();
  let totalLen = 0;

  const add = (id: string, tf: Map<string, number>, len: number) => {
    docs.set(id, { tf, len });
    totalLen += len;
    for (const t of tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  };
  const remove = (id: string) => {
    const d = docs.get(id);
    if (!d) return;
    docs.delete(id);
    totalLen -= d.len;
    for (const t of d.tf.keys()) {
      const n = (df.get(t) ?? 1) - 1;
      if (n <= 0) df.delete(t);
      else df.set(t, n);
    }
  };
  if (raw) for (const [id, terms, len] of raw.docs) add(id, new Map(Object.entries(terms)), len);

  const idf = (t: string) => {
    const n = df.get(t) ?? 0;
    return Math.log(1 + (docs.size - n + 0.5) / (n + 0.5));
  };
  const scoreDoc = (q: Map<string, number>, d: { tf: Map<string, number>; len: number }) => {
    const avg = docs.size ? totalLen / docs.size : 1;
    let s = 0;
    for (const [t, qf] of q) {
      const f = d.tf.get(t);
      if (!f) continue;
      s += qf * idf(t) * ((f * (k1 + 1)) / (f + k1 * (1 - b + (b * d.len) / Math.max(avg, 1e-9))));
    }
    return s;
  };

  return {
    get size() {
      return docs.size;
    },
    upsert(id, text) {
      remove(id);
      const tokens = tokenize(text);
      add(id, termFreq(tokens), tokens.length);
    },
    remove,
    scoreAll(query) {
      const q = termFreq(tokenize(query));
      const out = new Map<string, number>();
      for (const [id, d] of docs) out.set(id, scoreDoc(q, d));
      return out;
    },
    score(queryTokens, id) {
      const d = docs.get(id);
      return d ? scoreDoc(termFreq(queryTokens), d) : 0;
    },
    coverage(queryTokens, id) {
      const d = docs.get(id);
      if (!d) return 0;
      let hit = 0;
      let all = 0;
      for (const t of new Set(queryTokens)) {
        const w = idf(t);
        all += w;
        if (d.tf.has(t)) hit += w;
      }
      return all > 0 ? hit / all : 0;
    },
    top(query, k) {
      const scored = [...this.scoreAll(query)].filter(([, s]) => s > 0);
      scored.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
      return scored.slice(0, k).map(([id, score]) => ({ id, score }));
    },
    save() {
      return {
        k1,
        b,
        docs: [...docs].map(([id, d]) => [id, Object.fromEntries(d.tf), d.len] as [string, Record<string, number>, number]),
      };
    },
  };
}

export function termFreq(tokens: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of tokens) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
}
