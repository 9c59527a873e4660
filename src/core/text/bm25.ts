/**
 * Okapi BM25 as an inverted index, serialisable with save()/load().
 * Written here rather than taken from a library because it must be
 * runtime-neutral, persist as plain JSON and support removal by id, which the
 * npm BM25 packages we looked at (wink-bm25-text-search, okapibm25) do not
 * all offer together.
 *
 * Why postings: with 50,000 calls, scoring every document per query was an
 * O(N) pass on the ranking hot path. A query now touches only the postings of
 * its own terms. Documents are stored compactly (sorted term numbers and
 * counts) because per-document `Map`s cost hundreds of MB at that scale.
 */
import { createPostings } from './bm25-postings.js';
import { tokenize } from './tokens.js';

export interface Bm25Options {
  k1?: number;
  b?: number;
  /**
   * Query-term saturation (BM25's k3): a term the query repeats qf times counts (k3 + 1) qf / (k3 + qf)
   * times instead of qf. Infinity (the default) counts it qf times; 0 counts each distinct term once.
   */
  k3?: number;
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
  /**
   * BM25 score of the query against every document that shares a term with
   * it. Documents absent from the map score 0 (read with `.get(id) ?? 0`).
   */
  scoreAll(query: string): Map<string, number>;
  /** Score the query tokens against one document. */
  score(queryTokens: readonly string[], id: string): number;
  /**
   * Share of the query's distinct terms, weighted by idf, that the document
   * contains: an absolute 0..1 measure, comparable across documents and
   * queries (raw BM25 is not).
   */
  coverage(queryTokens: readonly string[], id: string): number;
  /** {@link Bm25Index.score} and {@link Bm25Index.coverage} of one document in one pass (the same values). */
  lexical(queryTokens: readonly string[], id: string): { score: number; coverage: number };
  /**
   * Ids of the `k` best documents for the query tokens (as from `tokenize`; the same array as
   * score()/lexical() get, so a draft is tokenized once), best first (only documents that share a term).
   * `maxDocShare`: leave out query terms found in more than this share of the documents (their
   * postings reach nearly every document, and their low idf adds little); scores are then over
   * the other terms only. Default 1: every term, exact BM25.
   */
  top(queryTokens: readonly string[], k: number, opts?: { maxDocShare?: number }): Array<{ id: string; score: number }>;
  save(): Bm25Raw;
}

/**
 * BM25's idf of a term in `df` of `n` documents (the "+1" form, never negative). The one place the
 * formula is written: the call index, the call-title field (corpus/title-field.ts) and the eval's
 * lexical variants read it from here, so their scores agree bit for bit.
 *
 * @example
 * bm25Idf(10, 1) // ~2.03
 */
export function bm25Idf(n: number, df: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/**
 * One matched term's BM25 contribution: query frequency `qf`, idf `w`, the term's count `f` in a
 * document of `len` tokens, `avg` the mean length.
 *
 * @example
 * bm25Part(1, bm25Idf(10, 1), 2, 8, 10, 1.2, 0.75) // > 0
 */
export function bm25Part(qf: number, w: number, f: number, len: number, avg: number, k1: number, b: number): number {
  return qf * w * ((f * (k1 + 1)) / (f + k1 * (1 - b + (b * len) / avg)));
}

/**
 * @example
 * const idx = createBm25Index();
 * idx.upsert('a', 'federated learning at the edge');
 * idx.scoreAll('edge learning').get('a'); // > 0
 * const copy = createBm25Index({}, idx.save());
 */
export function createBm25Index(opts: Bm25Options = {}, raw?: Bm25Raw): Bm25Index {
  const k1 = raw?.k1 ?? opts.k1 ?? 1.2;
  const b = raw?.b ?? opts.b ?? 0.75;
  const k3 = opts.k3 ?? Infinity;
  // Query term frequency as scored: unchanged when k3 is Infinity, so the default sums stay identical.
  const queryWeight = (qf: number) => (k3 === Infinity ? qf : ((k3 + 1) * qf) / (k3 + qf));
  const p = createPostings();
  if (raw) for (const [id, terms, len] of raw.docs) p.add(id, new Map(Object.entries(terms)), len);

  const idf = (df: number) => bm25Idf(p.size, df);
  const avgLen = () => Math.max(p.size ? p.totalLen / p.size : 1, 1e-9);
  // One term's contribution; the same expression (and, per document, the same
  // order of additions) as a document-at-a-time scorer, so scores are identical.
  const part = (qf: number, w: number, f: number, len: number, avg: number) => bm25Part(qf, w, f, len, avg, k1, b);

  // Per query-token array: distinct terms with df and idf, so scoring hundreds
  // of candidates for one draft looks each term up once. Dropped on any change.
  let version = 0;
  // Per query: each distinct term's number (-1 when unknown, so per-document lookups skip the string
  // map), query frequency and idf in typed arrays, and the idf total (coverage's denominator, summed
  // in query-term order as before).
  interface Prepared {
    version: number;
    nums: Int32Array;
    qfs: Float64Array;
    ws: Float64Array;
    all: number;
  }
  let memo = new WeakMap<readonly string[], Prepared>();
  const preparedAll = (queryTokens: readonly string[]): Prepared => {
    const hit = memo.get(queryTokens);
    if (hit && hit.version === version) return hit;
    const terms = [...termFreq(queryTokens)];
    const entry: Prepared = {
      version,
      nums: Int32Array.from(terms, ([t]) => p.termId(t) ?? -1),
      qfs: Float64Array.from(terms, ([, qf]) => queryWeight(qf)),
      ws: Float64Array.from(terms, ([t]) => idf(p.df(t))),
      all: 0,
    };
    for (const w of entry.ws) entry.all += w;
    memo.set(queryTokens, entry);
    return entry;
  };
  // Query position + 1 of each term number for the query last scored (0: not in it), so a document's
  // terms are looked up in one pass over them: no merge with the query's terms per candidate.
  let posOf = new Int32Array(0);
  let posFor: Prepared | undefined;
  const usePositions = (entry: Prepared) => {
    if (posFor === entry) return;
    if (posFor) for (const n of posFor.nums) if (n >= 0 && n < posOf.length) posOf[n] = 0;
    let max = -1;
    for (const n of entry.nums) max = Math.max(max, n);
    if (max >= posOf.length) {
      const grown = new Int32Array(Math.max(max + 1, 2 * posOf.length));
      grown.set(posOf);
      posOf = grown;
    }
    entry.nums.forEach((n, i) => {
      if (n >= 0) posOf[n] = i + 1;
    });
    posFor = entry;
  };
  let hits = new Int32Array(0);
  let tfs = new Int32Array(0);
  /**
   * Score and coverage of one document: its terms are looked up in one pass (posOf), and the sums
   * then run over the matched query terms in query-term order with the same expressions as before,
   * so the values are bit-identical to a per-term lookup.
   */
  const lexical = (queryTokens: readonly string[], id: string): { score: number; coverage: number } => {
    const slot = p.slotOf(id);
    if (slot === undefined) return { score: 0, coverage: 0 };
    const entry = preparedAll(queryTokens);
    usePositions(entry);
    const doc = p.termsOf(slot);
    if (!doc) return { score: 0, coverage: 0 };
    if (hits.length < entry.nums.length) {
      hits = new Int32Array(entry.nums.length);
      tfs = new Int32Array(entry.nums.length);
    }
    let nHits = 0;
    const dt = doc.terms;
    for (let d = 0; d < dt.length; d++) {
      const n = dt[d] as number;
      const pos = n < posOf.length ? (posOf[n] as number) : 0;
      if (pos) {
        hits[nHits] = pos - 1;
        tfs[pos - 1] = doc.tfs[d] as number;
        nHits++;
      }
    }
    const order = hits.subarray(0, nHits).sort();
    const avg = avgLen();
    const len = p.len(slot);
    let s = 0;
    let hit = 0;
    for (let k = 0; k < nHits; k++) {
      const i = order[k] as number;
      const w = entry.ws[i] as number;
      s += part(entry.qfs[i] as number, w, tfs[i] as number, len, avg);
      hit += w;
    }
    return { score: s, coverage: entry.all > 0 ? hit / entry.all : 0 };
  };

  // Scores accumulate in a slot-indexed typed array, not a Map: a draft's common words reach nearly
  // every document, and a Map get + set per posting was most of a query's time at 50k calls.
  // Per document the terms are still added in query-term order, starting from 0: the same sums.
  let acc = new Float64Array(0);
  const touched: number[] = [];
  const accumulate = (queryTokens: readonly string[], each: (slot: number, score: number) => void, maxDf = Infinity): void => {
    const q = termFreq(queryTokens);
    const avg = avgLen();
    touched.length = 0;
    for (const [t, qf] of q) {
      const list = p.list(t);
      if (!list || list.docs.length > maxDf) continue;
      const w = idf(list.docs.length);
      for (let i = 0; i < list.docs.length; i++) {
        const slot = list.docs[i] as number;
        if (slot >= acc.length) {
          const grown = new Float64Array(Math.max(slot + 1, acc.length * 2, 1024)).fill(NaN);
          grown.set(acc);
          acc = grown;
        }
        const s = part(queryWeight(qf), w, list.tfs[i] as number, p.len(slot), avg);
        const prev = acc[slot] as number;
        if (Number.isNaN(prev)) {
          touched.push(slot);
          acc[slot] = 0 + s;
        } else acc[slot] = prev + s;
      }
    }
    for (const slot of touched) {
      each(slot, acc[slot] as number);
      acc[slot] = NaN;
    }
  };

  const scoreAll = (query: string): Map<string, number> => {
    const out = new Map<string, number>();
    accumulate(tokenize(query), (slot, s) => out.set(p.id(slot), s));
    return out;
  };

  return {
    get size() {
      return p.size;
    },
    upsert(id, text) {
      version++;
      p.remove(id);
      const tokens = tokenize(text);
      p.add(id, termFreq(tokens), tokens.length);
    },
    remove(id) {
      version++;
      memo = new WeakMap();
      p.remove(id);
    },
    scoreAll,
    score: (queryTokens, id) => lexical(queryTokens, id).score,
    coverage: (queryTokens, id) => lexical(queryTokens, id).coverage,
    lexical,
    top(queryTokens, k, opts = {}) {
      const best = createTopK(k);
      const share = opts.maxDocShare ?? 1;
      // Streamed into the heap: a document's id is looked up (and an entry made) only if it could be kept.
      accumulate(queryTokens, (slot, s) => best.offer(s, () => p.id(slot)), share >= 1 ? Infinity : share * p.size);
      return best.result().map(([id, score]) => ({ id, score }));
    },
    save() {
      return { k1, b, docs: p.entries() };
    },
  };
}

/**
 * The `k` best of the scores offered, best first (score descending, then id ascending), without
 * sorting them all; only scores above 0 count. `id` is called only for a score that could be kept.
 */
function createTopK(k: number): { offer(score: number, id: () => string): void; result(): Array<[string, number]> } {
  const before = (a: [string, number], c: [string, number]) => a[1] > c[1] || (a[1] === c[1] && a[0] < c[0]);
  // Min-heap on "best first" order: the root is the worst entry kept so far.
  const heap: Array<[string, number]> = [];
  const swap = (i: number, j: number) => {
    const t = heap[i] as [string, number];
    heap[i] = heap[j] as [string, number];
    heap[j] = t;
  };
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let w = i;
      if (l < heap.length && before(heap[w] as [string, number], heap[l] as [string, number])) w = l;
      if (r < heap.length && before(heap[w] as [string, number], heap[r] as [string, number])) w = r;
      if (w === i) return;
      swap(i, w);
      i = w;
    }
  };
  return {
    offer(score, id) {
      if (!(score > 0) || k <= 0) return;
      if (heap.length < k) {
        heap.push([id(), score]);
        for (let i = heap.length - 1; i > 0; ) {
          const parent = (i - 1) >> 1;
          if (!before(heap[parent] as [string, number], heap[i] as [string, number])) break;
          swap(i, parent);
          i = parent;
        }
        return;
      }
      const root = heap[0] as [string, number];
      if (score < root[1]) return;
      const e: [string, number] = [id(), score];
      if (before(e, root)) {
        heap[0] = e;
        down(0);
      }
    },
    result: () => heap.sort((a, c) => (before(a, c) ? -1 : 1)),
  };
}

export function termFreq(tokens: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of tokens) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
}
