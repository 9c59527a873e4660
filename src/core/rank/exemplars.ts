/**
 * Exemplar evidence: how close a draft is to the papers a call has published (`Call.papers`),
 * fused into the call's score as a term of its own. A call without papers gets no term, and the
 * term never enters the z-score moments of the fusion, so every call without papers scores
 * exactly what the fusion alone gives it.
 *
 * Per call with papers: the cosine between the draft and the normalised mean of the papers'
 * vectors, and the draft's BM25 against all the call's papers as one document (corpus.paperBm25).
 * Both are z-scored over the scored calls that have papers (spreads floored), mixed and weighted
 * by `weight * n / (n + halfAt)`: one paper is thin evidence, twenty say what the issue took.
 * `halfAt` is what the call's own text is worth in papers, so a call known by its title alone,
 * whose text says less, has a smaller one (`titleOnlyHalfAt`) and leans on its papers sooner.
 * Chosen by measurement over the nearest paper, the best two and a vote of the nearest papers of
 * all calls (eval/README.md "Exemplar papers"); it costs one dot product and one BM25 document a
 * call, whatever the number of papers. The scores of the calls with papers are then mapped back
 * toward the spread they had without the term (`rescaleFrom`, `rescaleKeep`), so they compete with
 * calls without papers on one scale (eval/README.md "Calls with and without papers").
 */
import type { Corpus } from '../corpus/corpus.js';
import type { Passage } from '../corpus/passages.js';
import type { EmbeddedDraft } from './features.js';
import type { FusedCall, ScoreMoments } from './fusion.js';
import { dot, meanAndSpread, normalizeInto } from './vector-math.js';

export interface ExemplarParams {
  /** Weight of the exemplar term for a call with many papers (the fusion's dense and lexical weights sum to 1). 0 turns it off. */
  weight: number;
  /** Papers at which a call's exemplar weight is half of `weight`. */
  halfAt: number;
  /** The same for a call known by its title alone (features.ts isTitleOnly). */
  titleOnlyHalfAt: number;
  /** Share of the dense (centroid cosine) part in the term; the rest is the lexical (BM25) part. */
  denseShare: number;
  /** Spread floors of the two parts' z-scores (cosine units, BM25 units). */
  minDenseSpread: number;
  minLexicalSpread: number;
  /** A paper is shown as a result's similar published paper only from this cosine to the draft. */
  similarThreshold: number;
  /**
   * From this many scored calls with papers, their scores with the term are mapped back (one affine
   * map for all of them) to the mean and spread their scores had without it; 0 turns this off.
   */
  rescaleFrom: number;
  /** Share (0-1, geometric) of the term's widening of the spread the map keeps; 0 maps back to the spread without the term. */
  rescaleKeep: number;
}

// weight 2, halfAt 2, denseShare 0.5: eval/README.md "Exemplar papers" (ACL and arXiv, k = 1, 3, 5, three seeds).
// titleOnlyHalfAt 1: eval/README.md "Exemplars, round 7" (ACL with half its calls cut to their
// title: MRR above the paired interval at k = 1 on seed 1 and at k = 1, 3, 5 on seed 2; the special
// issues within noise on both seeds; ACL and arXiv, which have no title-only calls, unchanged).
// rescaleFrom 2, rescaleKeep 0.25: eval/README.md "Calls with and without papers" (ACL and arXiv with
// half the calls given papers: papers of calls without papers no longer sink, 0.174 -> 0.370 on ACL and
// 0.023 -> 0.200 on arXiv at k = 5; where every call has papers the ranking is the same).
export const DEFAULT_EXEMPLAR_PARAMS: ExemplarParams = { weight: 2, halfAt: 2, titleOnlyHalfAt: 1, denseShare: 0.5, minDenseSpread: 0.02, minLexicalSpread: 0.5, similarThreshold: 0.5, rescaleFrom: 2, rescaleKeep: 0.25 };

/** What one call's papers say about a draft. */
export interface ExemplarMatch {
  callId: string;
  /** Papers of the call with a vector. */
  n: number;
  /** Cosine between the draft and the papers' normalised mean vector. */
  dense: number;
  /** BM25 of the draft against the call's papers as one document. */
  lexical: number;
}

/**
 * Mean and spread of the two parts over the scored calls with papers (spreads floored), and the
 * affine map of their scores (`rescale`, when on); a call scored later uses the same.
 */
export interface ExemplarMoments extends ScoreMoments {
  /** The map from the mean and spread of the calls' scores with the term (`from`) to their mean without it and the kept spread (`to`). */
  rescale?: { from: { mean: number; sd: number }; to: { mean: number; sd: number } };
}

// Centroids per papers array: corpus.upsert replaces a call's array whenever its papers change.
const centroids = new WeakMap<readonly Passage[], { n: number; v: Float32Array }>();

function centroidOf(corpus: Corpus, papers: readonly Passage[]): { n: number; v: Float32Array } | undefined {
  const hit = centroids.get(papers);
  if (hit) return hit;
  let sum: Float32Array | undefined;
  let n = 0;
  for (const p of papers) {
    const v = corpus.index.get(p.id);
    if (!v) continue;
    sum ??= new Float32Array(v.length);
    for (let i = 0; i < v.length; i++) sum[i] = (sum[i] as number) + (v[i] as number);
    n++;
  }
  if (!sum) return undefined;
  const out = { n, v: normalizeInto(sum, sum) };
  // Kept only once every paper is embedded (a call being indexed may still miss some).
  if (n === papers.length) centroids.set(papers, out);
  return out;
}

/**
 * The draft against one call's papers; undefined when the call has none (or none is embedded yet).
 *
 * @example
 * exemplarMatch(corpus, draft, 'c1')?.dense
 */
export function exemplarMatch(corpus: Corpus, draft: EmbeddedDraft, callId: string): ExemplarMatch | undefined {
  const papers = corpus.papersByCall.get(callId);
  if (!papers?.length) return undefined;
  const c = centroidOf(corpus, papers);
  if (!c) return undefined;
  return { callId, n: c.n, dense: dot(draft.vector, c.v), lexical: corpus.paperBm25.score(draft.tokens, callId) };
}

/**
 * Moments of the matches' two parts (spreads floored); undefined for no matches.
 *
 * @example
 * const moments = exemplarMoments(matches, DEFAULT_EXEMPLAR_PARAMS);
 */
export function exemplarMoments(matches: readonly ExemplarMatch[], params: ExemplarParams): ExemplarMoments | undefined {
  if (!matches.length) return undefined;
  const d = meanAndSpread(matches.map((m) => m.dense));
  const l = meanAndSpread(matches.map((m) => m.lexical));
  return { dense: { mean: d.mean, sd: Math.max(d.sd, params.minDenseSpread) }, lexical: { mean: l.mean, sd: Math.max(l.sd, params.minLexicalSpread) } };
}

/**
 * One call's exemplar term (`titleOnly`: the call has no text besides its title).
 *
 * @example
 * exemplarTerm(match, moments, DEFAULT_EXEMPLAR_PARAMS) // e.g. 1.3 for a call whose papers are close
 */
export function exemplarTerm(m: ExemplarMatch, moments: ExemplarMoments, params: ExemplarParams, titleOnly = false): number {
  const z = params.denseShare * ((m.dense - moments.dense.mean) / moments.dense.sd) + (1 - params.denseShare) * ((m.lexical - moments.lexical.mean) / moments.lexical.sd);
  return ((params.weight * m.n) / (m.n + (titleOnly ? params.titleOnlyHalfAt : params.halfAt))) * z;
}

/**
 * The fused calls with the exemplar term added to the score of each call that has papers (new
 * objects; the others are returned as they are), and the moments used (`moments`: use these
 * instead of the matches' own, for a call scored after the others).
 *
 * @example
 * const { scored, moments } = withExemplarTerms(corpus, draft, fuseScores(features, params, m), params.exemplar);
 */
export function withExemplarTerms<T extends FusedCall>(corpus: Corpus, draft: EmbeddedDraft, fused: readonly T[], params: ExemplarParams, moments?: ExemplarMoments): { scored: T[]; moments: ExemplarMoments | undefined } {
  if (params.weight === 0 || corpus.papersByCall.size === 0) return { scored: [...fused], moments };
  const matches = new Map<string, ExemplarMatch>();
  for (const f of fused) {
    const m = exemplarMatch(corpus, draft, f.callId);
    if (m) matches.set(f.callId, m);
  }
  const found = moments ?? exemplarMoments([...matches.values()], params);
  if (!found) return { scored: [...fused], moments };
  const sums = new Map<string, number>();
  for (const f of fused) {
    const m = matches.get(f.callId);
    if (m) sums.set(f.callId, f.score + exemplarTerm(m, found, params, f.titleOnly === true));
  }
  const used = moments ?? withRescale(found, fused, sums, params);
  const map = rescaleMap(used);
  return { scored: fused.map((f) => (sums.has(f.callId) ? { ...f, score: map(sums.get(f.callId) as number) } : f)), moments: used };
}

/**
 * The moments with the affine map of `rescaleFrom` and `rescaleKeep` added, when it applies. Without it, the term widens the scores of calls with papers
 * (own score plus a z-score), so in a catalogue where only some calls have papers the best of them
 * outranks calls without papers whether or not it is the right call. Mapped back to their own
 * mean and spread, the calls with papers keep their order among themselves (every call having
 * papers ranks exactly as without the map) and compete with the others on the same scale.
 */
function withRescale(found: ExemplarMoments, fused: readonly FusedCall[], sums: ReadonlyMap<string, number>, params: ExemplarParams): ExemplarMoments {
  if (params.rescaleFrom <= 0 || sums.size < params.rescaleFrom) return found;
  const own = meanAndSpread(fused.filter((f) => sums.has(f.callId)).map((f) => f.score));
  const sum = meanAndSpread([...sums.values()]);
  if (!(own.sd > 0 && sum.sd > 0)) return found;
  return { ...found, rescale: { from: sum, to: { mean: own.mean, sd: own.sd ** (1 - params.rescaleKeep) * sum.sd ** params.rescaleKeep } } };
}

function rescaleMap(m: ExemplarMoments): (x: number) => number {
  const r = m.rescale;
  if (!r) return (x) => x;
  return (x) => r.to.mean + ((x - r.from.mean) * r.to.sd) / r.from.sd;
}

/** The published paper of a call nearest to the draft. */
export interface NearestPaper {
  /** Index in `Call.papers`. */
  index: number;
  similarity: number;
}

/**
 * The call's paper nearest to the draft by cosine; undefined when it has none embedded.
 *
 * @example
 * const near = nearestPaper(corpus, draft, 'c1'); // call.papers[near.index]
 */
export function nearestPaper(corpus: Corpus, draft: EmbeddedDraft, callId: string): NearestPaper | undefined {
  let best: NearestPaper | undefined;
  for (const p of corpus.papersByCall.get(callId) ?? []) {
    const v = corpus.index.get(p.id);
    if (!v) continue;
    const s = dot(draft.vector, v);
    if (!best || s > best.similarity) best = { index: p.index, similarity: s };
  }
  return best;
}
