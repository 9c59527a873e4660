/**
 * Call-side pseudo-relevance feedback from the reference population (round 6, idea 1): a call gets
 * the salient terms of the reference abstracts it scores highest (BM25, abstract as query) as an
 * extra, down-weighted field, so a title-only call has some vocabulary of its field. The call's
 * lexical score is its own BM25 plus `weight` times the expansion field's.
 */
import type { ReferenceAbstract } from '../../core/corpus/reference.js';
import { createBm25Index, termFreq, type Bm25Index } from '../../core/text/bm25.js';

export interface ExpansionOptions {
  /** Reference abstracts a call's expansion is drawn from (its best-scoring ones). */
  abstracts: number;
  /** Terms in a call's expansion field. */
  terms: number;
  /** Weight of the expansion field's BM25 in the call's lexical score. */
  weight: number;
  /** Only calls whose document has at most this many tokens are expanded. */
  maxCallTokens: number;
}

/**
 * The expansion terms of one call: the terms of its `abstracts` nearest abstracts weighted by
 * share of each abstract times population idf, best `terms` first.
 *
 * @example
 * expansionTerms([{ tokens: ['a', 'b'] }], [0], new Map([['a', 1], ['b', 2]]), 1) // ['a'] (rarer)
 */
export function expansionTerms(population: readonly ReferenceAbstract[], nearest: readonly number[], df: ReadonlyMap<string, number>, terms: number): string[] {
  const weight = new Map<string, number>();
  const n = population.length;
  for (const i of nearest) {
    const a = population[i];
    if (!a || !a.tokens.length) continue;
    for (const [t, tf] of termFreq(a.tokens)) {
      const idf = Math.log(1 + n / (df.get(t) ?? 1));
      weight.set(t, (weight.get(t) ?? 0) + (tf / a.tokens.length) * idf);
    }
  }
  return [...weight].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).slice(0, terms).map(([t]) => t);
}

/**
 * `base` with every short call's expansion field added to its score (coverage stays the base's).
 *
 * @example
 * const idx = expandedIndex(bm25, corpus.calls.keys(), lengths, population.abstracts, { abstracts: 5, terms: 20, weight: 0.3, maxCallTokens: 40 });
 */
export function expandedIndex(base: Bm25Index, callIds: Iterable<string>, callTokens: ReadonlyMap<string, number>, population: readonly ReferenceAbstract[], opts: ExpansionOptions): Bm25Index {
  const df = new Map<string, number>();
  for (const a of population) for (const t of new Set(a.tokens)) df.set(t, (df.get(t) ?? 0) + 1);
  const docs: Array<[string, Record<string, number>, number]> = [];
  for (const id of callIds) {
    if ((callTokens.get(id) ?? 0) > opts.maxCallTokens) continue;
    const scored = population.map((a, i) => ({ i, s: base.score(a.tokens, id) })).filter((x) => x.s > 0);
    scored.sort((x, y) => y.s - x.s || x.i - y.i);
    const terms = expansionTerms(population, scored.slice(0, opts.abstracts).map((x) => x.i), df, opts.terms);
    if (terms.length) docs.push([id, Object.fromEntries(terms.map((t) => [t, 1])), terms.length]);
  }
  const extra = createBm25Index({}, { k1: 1.2, b: 0.75, docs });
  const lexical = (q: readonly string[], id: string) => {
    const l = base.lexical(q, id);
    return { score: l.score + opts.weight * extra.score(q, id), coverage: l.coverage };
  };
  return {
    get size() {
      return base.size;
    },
    upsert: () => {
      throw new Error('expandedIndex is read-only');
    },
    remove: () => {
      throw new Error('expandedIndex is read-only');
    },
    scoreAll: (query) => base.scoreAll(query),
    score: (q, id) => lexical(q, id).score,
    coverage: (q, id) => base.coverage(q, id),
    lexical,
    top: (q, k, o) => base.top(q, k, o),
    save: () => base.save(),
  };
}
