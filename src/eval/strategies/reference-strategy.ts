/**
 * Per-call normalisation against the shipped reference population (core/rank/reference.ts),
 * with the choices measured as parameters: the share of a call's nearest reference abstracts
 * the moments are taken over, the shrinkage toward the pooled moments, which signals are
 * normalised, and whether the per-query z-scores are taken on top.
 */
import { DEFAULT_RANK_PARAMS } from '../../core/rank/fusion.js';
import { callReference, referenceZ, shrinkMoments, type CallReference, type ReferenceAbstract } from '../../core/rank/reference.js';
import { zScores } from '../../core/rank/vector-math.js';
import type { Corpus } from '../../core/corpus/corpus.js';
import { loadReference } from '../reference-load.js';
import type { Strategy } from './strategy.js';

export interface ReferenceStrategyOptions {
  topShare: number;
  shrink: number;
  /** Which signals are read against the reference (the other stays raw). */
  normalise: 'both' | 'lexical' | 'dense';
  /** z-score each column across the query's calls after the reference normalisation. */
  perQuery: boolean;
  denseWeight?: number;
  lexicalWeight?: number;
}

export function referenceStrategy(name: string, o: ReferenceStrategyOptions): Strategy {
  const p = DEFAULT_RANK_PARAMS;
  const wd = o.denseWeight ?? p.denseWeight;
  const wl = o.lexicalWeight ?? p.lexicalWeight;
  let refs: ReferenceAbstract[] = [];
  const cache = new WeakMap<Corpus, Map<string, CallReference>>();
  const momentsOf = (corpus: Corpus): Map<string, CallReference> => {
    let m = cache.get(corpus);
    if (!m) {
      const own = new Map([...corpus.calls.keys()].map((id) => [id, callReference(corpus, id, refs, o.topShare)]));
      m = shrinkMoments(own, { topShare: o.topShare, shrink: o.shrink, minDenseSpread: p.minDenseSpread, minLexicalSpread: p.minLexicalSpread });
      cache.set(corpus, m);
    }
    return m;
  };
  return {
    name,
    needsSentences: false,
    async prepare({ embedder }) {
      refs = await loadReference(embedder);
    },
    score({ corpus, draft, callIds }) {
      const moments = momentsOf(corpus);
      const rows = callIds.map((id) => {
        const m = moments.get(id) as CallReference;
        const r = referenceZ(corpus, draft, id, m);
        return { ...r, d: o.normalise === 'lexical' ? r.dense : r.zDense, l: o.normalise === 'dense' ? r.lexical : r.zLexical, callId: id };
      });
      // A raw column is always z-scored across the query (as in the service); a reference-normalised
      // one only with perQuery (its floor is then in z units).
      const dFloor = o.normalise === 'lexical' ? p.minDenseSpread : 0.1;
      const lFloor = o.normalise === 'dense' ? p.minLexicalSpread : 0.1;
      const zd = o.perQuery || o.normalise === 'lexical' ? zScores(rows.map((r) => r.d), dFloor) : rows.map((r) => r.d);
      const zl = o.perQuery || o.normalise === 'dense' ? zScores(rows.map((r) => r.l), lFloor) : rows.map((r) => r.l);
      return rows.map((r, i) => ({ callId: r.callId, dense: r.dense, coverage: r.coverage, score: wd * (zd[i] ?? 0) + wl * (zl[i] ?? 0) }));
    },
  };
}
