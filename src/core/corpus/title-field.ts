/**
 * The call-title field: BM25 of a query against each call's title alone (features.ts
 * TITLE_FIELD_WEIGHT). The same formula, idf and length normalisation as the call index
 * (text/bm25.ts), so a score is what a BM25 index over the titles would give, bit for bit; stored
 * forward only (one packed array per call, no inverted lists), because the field is only ever read
 * for calls already chosen: a full BM25 index over 50,000 titles held about 39 MB of heap, mostly
 * per-call array overhead.
 */
import { bm25Idf, bm25Part, termFreq, type Bm25Options } from '../text/bm25.js';
import { tokenize } from '../text/tokens.js';

/** What reading the field needs: BM25 of a query against one call's title. */
export interface TitleScorer {
  readonly size: number;
  score(queryTokens: readonly string[], id: string): number;
}

export interface TitleField extends TitleScorer {
  upsert(id: string, title: string): void;
  remove(id: string): void;
}

/**
 * @example
 * const f = createTitleField({ k1: 3 });
 * f.upsert('c1', 'Machine translation');
 * f.score(tokenize('translation of comics'), 'c1') // > 0
 */
export function createTitleField(opts: Bm25Options = {}): TitleField {
  const k1 = opts.k1 ?? 1.2;
  const b = opts.b ?? 0.75;
  // Per call: [length, term number, count, term number, count, ...].
  const docs = new Map<string, Int32Array>();
  const termNum = new Map<string, number>();
  const df: number[] = [];
  let totalLen = 0;
  const numOf = (t: string) => {
    let n = termNum.get(t);
    if (n === undefined) {
      n = df.length;
      termNum.set(t, n);
      df.push(0);
    }
    return n;
  };
  // Per query-token array: its distinct terms' numbers (-1: no title has it) and counts, in query order.
  let memo = new WeakMap<readonly string[], { nums: number[]; qfs: number[] }>();
  const prepared = (q: readonly string[]) => {
    let hit = memo.get(q);
    if (!hit) {
      const terms = [...termFreq(q)];
      hit = { nums: terms.map(([t]) => termNum.get(t) ?? -1), qfs: terms.map(([, qf]) => qf) };
      memo.set(q, hit);
    }
    return hit;
  };
  const remove = (id: string) => {
    const doc = docs.get(id);
    if (!doc) return;
    for (let i = 1; i < doc.length; i += 2) df[doc[i] as number] = (df[doc[i] as number] as number) - 1;
    totalLen -= doc[0] as number;
    docs.delete(id);
    memo = new WeakMap();
  };
  return {
    get size() {
      return docs.size;
    },
    upsert(id, title) {
      remove(id);
      const tokens = tokenize(title);
      const doc = new Int32Array(1 + 2 * new Set(tokens).size);
      doc[0] = tokens.length;
      let i = 1;
      for (const [t, f] of termFreq(tokens)) {
        const n = numOf(t);
        df[n] = (df[n] as number) + 1;
        doc[i++] = n;
        doc[i++] = f;
      }
      totalLen += tokens.length;
      docs.set(id, doc);
      memo = new WeakMap();
    },
    remove,
    score(queryTokens, id) {
      const doc = docs.get(id);
      if (!doc) return 0;
      const { nums, qfs } = prepared(queryTokens);
      const n = docs.size;
      const avg = Math.max(n ? totalLen / n : 1, 1e-9);
      const len = doc[0] as number;
      let s = 0;
      // Matched terms in query order with bm25.ts's formula, so the sum is the index's.
      for (let q = 0; q < nums.length; q++) {
        const t = nums[q] as number;
        if (t < 0) continue;
        for (let i = 1; i < doc.length; i += 2) {
          if (doc[i] !== t) continue;
          const f = doc[i + 1] as number;
          s += bm25Part(qfs[q] as number, bm25Idf(n, df[t] as number), f, len, avg, k1, b);
          break;
        }
      }
      return s;
    },
  };
}
