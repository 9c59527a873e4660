/**
 * Exemplar evidence: how close a draft is to the papers a call has published (`Call.papers`),
 * fused into the call's score as its own term. A call without papers gets no term at all, so its
 * score, and the order of calls without papers, is exactly what the fusion alone gives.
 *
 * Per call with papers: the draft's cosine to its nearest papers (mean of the best `top`) and the
 * best BM25 of the draft against one paper (a separate index of paper documents). Both are
 * z-scored over the scored calls that have papers (spreads floored), mixed, and weighted by
 * `weight * n / (n + halfAt)`: one paper is thin evidence, twenty say what the issue really took.
 */
import type { Corpus } from '../corpus/corpus.js';
import type { Passage } from '../corpus/passages.js';
import type { EmbeddedDraft } from './features.js';
import { dot, mean, std } from './vector-math.js';

export interface ExemplarParams {
  /** Weight of the exemplar term when a call has many papers (the fused score's dense + lexical weights sum to 1). */
  weight: number;
  /** Papers at which a call's exemplar weight is half of `weight`. */
  halfAt: number;
  /** Share of the dense (cosine) part in the exemplar term; the rest is the lexical (BM25) part. */
  denseShare: number;
  /** The dense part is the mean of this many best paper cosines (fewer when the call has fewer papers). */
  top: number;
  /** Spread floors of the two parts' z-scores (cosine units, BM25 units). */
  minDenseSpread: number;
  minLexicalSpread: number;
}

export const DEFAULT_EXEMPLAR_PARAMS: ExemplarParams = { weight: 1, halfAt: 2, denseShare: 0.5, top: 1, minDenseSpread: 0.02, minLexicalSpread: 0.5 };

/** What one call's papers say about a draft. */
export interface ExemplarMatch {
  callId: string;
  /** How many papers the call has (with a vector). */
  n: number;
  /** Mean of the best `top` cosines between the draft and the call's papers. */
  dense: number;
  /** Best BM25 of the draft against one of the call's papers. */
  lexical: number;
  /** Index in `Call.papers` of the nearest paper by cosine, and that cosine. */
  nearest: number;
  nearestSimilarity: number;
}

/**
 * The draft against one call's papers; undefined when the call has none (or none is embedded yet).
 *
 * @example
 * exemplarMatch(corpus, draft, 'c1')?.nearest // index of the closest paper in call.papers
 */
export function exemplarMatch(corpus: Corpus, draft: EmbeddedDraft, callId: string, top = DEFAULT_EXEMPLAR_PARAMS.top): ExemplarMatch | undefined {
  const papers: readonly Passage[] | undefined = corpus.papersByCall.get(callId);
  if (!papers?.length) return undefined;
  const sims: number[] = [];
  let nearest = -1;
  let nearestSimilarity = -Infinity;
  let lexical = 0;
  for (const p of papers) {
    const v = corpus.index.get(p.id);
    if (!v) continue;
    const s = dot(draft.vector, v);
    sims.push(s);
    if (s > nearestSimilarity) {
      nearestSimilarity = s;
      nearest = p.index;
    }
    lexical = Math.max(lexical, corpus.paperBm25.score(draft.tokens, p.id));
  }
  if (!sims.length) return undefined;
  const m = Math.max(1, Math.min(top, sims.length));
  const dense = m === 1 ? nearestSimilarity : mean(sims.sort((a, b) => b - a).slice(0, m));
  return { callId, n: sims.length, dense, lexical, nearest, nearestSimilarity };
}

/**
 * The exemplar term of each scored call that has papers (absent for the others), by call id.
 *
 * @example
 * const terms = exemplarTerms(corpus, draft, scored.map((s) => s.callId), DEFAULT_EXEMPLAR_PARAMS);
 * const score = fused.score + (terms.get(fused.callId) ?? 0);
 */
export function exemplarTerms(corpus: Corpus, draft: EmbeddedDraft, callIds: readonly string[], params: ExemplarParams = DEFAULT_EXEMPLAR_PARAMS): Map<string, number> {
  const out = new Map<string, number>();
  if (corpus.papersByCall.size === 0 || params.weight === 0) return out;
  const matches: ExemplarMatch[] = [];
  for (const id of callIds) {
    const m = exemplarMatch(corpus, draft, id, params.top);
    if (m) matches.push(m);
  }
  if (!matches.length) return out;
  const dense = matches.map((m) => m.dense);
  const lexical = matches.map((m) => m.lexical);
  const dMean = mean(dense);
  const lMean = mean(lexical);
  const dSd = Math.max(std(dense, dMean), params.minDenseSpread);
  const lSd = Math.max(std(lexical, lMean), params.minLexicalSpread);
  for (const m of matches) {
    const z = params.denseShare * ((m.dense - dMean) / dSd) + (1 - params.denseShare) * ((m.lexical - lMean) / lSd);
    out.set(m.callId, (params.weight * m.n) / (m.n + params.halfAt) * z);
  }
  return out;
}
