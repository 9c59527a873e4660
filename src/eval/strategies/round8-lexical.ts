/**
 * Round 8's lexical models (eval/README.md "Round 8"): the call documents scored by BM25 with its
 * IDF taken from a wider background than the calls (the reference population's abstracts as extra
 * documents), by BM25+ (a lower bound per matched term), or by query likelihood with Dirichlet
 * smoothing (collection model from the calls plus the background). With the calls' own IDF and no
 * lower bound it sums the same terms in the same order with the same expressions as the service's
 * index (core/text/bm25.ts), so it scores bit for bit as the service does (tested), and a variant
 * differs only in what it changes. Every document is held as a term map and each query scored by
 * lookups: fine for an eval's 26-143 calls, not an index for 50k.
 */
import { bm25Idf, bm25Part, termFreq, type Bm25Index, type Bm25Raw } from '../../core/text/bm25.js';
import { tokenize } from '../../core/text/tokens.js';

export interface LexicalModelOptions {
  kind: 'bm25' | 'ql';
  /** BM25 (defaults: the service's k1 3, b 0.75). */
  k1?: number;
  b?: number;
  /** BM25+ (Lv and Zhai 2011): each matched term adds at least `delta` times its idf; 0 is BM25. */
  delta?: number;
  /**
   * Where BM25's IDF comes from: the calls alone (the service), the calls plus the background
   * documents as one collection (`wide`), or the mean of those two IDFs (`blend`).
   */
  idf?: 'calls' | 'wide' | 'blend';
  /** Dirichlet prior of query likelihood, in tokens. */
  mu?: number;
  /** Background documents (tokens) for a `wide`/`blend` IDF and for query likelihood's collection model. */
  background?: ReadonlyArray<readonly string[]>;
}

interface Doc {
  tf: Map<string, number>;
  len: number;
}

const countInto = (m: Map<string, number>, t: string, n: number) => m.set(t, (m.get(t) ?? 0) + n);

/**
 * @example
 * const m = createLexicalModel({ kind: 'ql', mu: 200, background: population.abstracts.map((a) => a.tokens) });
 * m.upsert('c1', 'Machine translation');
 * m.score(tokenize('translation of comics'), 'c1');
 */
export function createLexicalModel(opts: LexicalModelOptions): Bm25Index {
  const k1 = opts.k1 ?? 3;
  const b = opts.b ?? 0.75;
  const delta = opts.delta ?? 0;
  const mu = opts.mu ?? 200;
  const idfKind = opts.idf ?? 'calls';
  const docs = new Map<string, Doc>();
  const df = new Map<string, number>();
  const cf = new Map<string, number>();
  let totalLen = 0;
  const bgDf = new Map<string, number>();
  const bgCf = new Map<string, number>();
  let bgLen = 0;
  const bgN = opts.background?.length ?? 0;
  for (const tokens of opts.background ?? []) {
    for (const [t, n] of termFreq(tokens)) {
      countInto(bgDf, t, 1);
      countInto(bgCf, t, n);
    }
    bgLen += tokens.length;
  }

  const idf = (t: string) => {
    const own = bm25Idf(docs.size, df.get(t) ?? 0);
    if (idfKind === 'calls') return own;
    const wide = bm25Idf(docs.size + bgN, (df.get(t) ?? 0) + (bgDf.get(t) ?? 0));
    return idfKind === 'wide' ? wide : (own + wide) / 2;
  };
  const collectionP = (t: string) => ((cf.get(t) ?? 0) + (bgCf.get(t) ?? 0)) / Math.max(1, totalLen + bgLen);

  const lexical = (queryTokens: readonly string[], id: string): { score: number; coverage: number } => {
    const doc = docs.get(id);
    if (!doc) return { score: 0, coverage: 0 };
    const avg = Math.max(docs.size ? totalLen / docs.size : 1, 1e-9);
    let s = 0;
    let hit = 0;
    let all = 0;
    for (const [t, qf] of termFreq(queryTokens)) {
      const w = idf(t);
      all += w;
      const f = doc.tf.get(t) ?? 0;
      if (f > 0) hit += w;
      if (opts.kind === 'ql') {
        const p = collectionP(t);
        if (p > 0) s += qf * Math.log((f + mu * p) / ((doc.len + mu) * p));
      } else if (f > 0) {
        // The service's formula (bm25.ts), so with delta 0 the sums are identical; BM25+ adds delta x idf.
        s += bm25Part(qf, w, f, doc.len, avg, k1, b) + (delta ? qf * w * delta : 0);
      }
    }
    return { score: s, coverage: all > 0 ? hit / all : 0 };
  };

  const remove = (id: string) => {
    const doc = docs.get(id);
    if (!doc) return;
    for (const [t, n] of doc.tf) {
      countInto(df, t, -1);
      countInto(cf, t, -n);
    }
    totalLen -= doc.len;
    docs.delete(id);
  };
  const scoreAll = (query: string) => {
    const tokens = tokenize(query);
    const out = new Map<string, number>();
    for (const id of docs.keys()) {
      const s = lexical(tokens, id).score;
      if (s !== 0) out.set(id, s);
    }
    return out;
  };

  return {
    get size() {
      return docs.size;
    },
    upsert(id, text) {
      remove(id);
      const tokens = tokenize(text);
      const tf = termFreq(tokens);
      for (const [t, n] of tf) {
        countInto(df, t, 1);
        countInto(cf, t, n);
      }
      totalLen += tokens.length;
      docs.set(id, { tf, len: tokens.length });
    },
    remove,
    scoreAll,
    score: (q, id) => lexical(q, id).score,
    coverage: (q, id) => lexical(q, id).coverage,
    lexical,
    top(queryTokens, k) {
      return [...docs.keys()]
        .map((id) => ({ id, score: lexical(queryTokens, id).score }))
        .filter((x) => x.score > 0)
        .sort((x, y) => y.score - x.score || (x.id < y.id ? -1 : 1))
        .slice(0, k);
    },
    save(): Bm25Raw {
      return { k1, b, docs: [...docs].map(([id, d]) => [id, Object.fromEntries(d.tf), d.len]) };
    },
  };
}
