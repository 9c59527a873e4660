/**
 * Length-fair call scores: each call's dense and BM25 scores are read against what that call
 * scores for a shipped reference population of abstracts from many fields (data/reference/).
 *
 * Why: a call known only by its title and a call with a 20-topic CFP produce different score
 * ranges for the same draft (fewer terms to match, a vector of a short phrase), so raw scores
 * rank long calls first (issue #17: title-only calls ranked 14th-23rd of 23 for their own papers).
 * z-scoring a call's score against its own reference distribution makes "how unusual is this
 * draft for this call" comparable across calls. The distribution is taken over the call's
 * nearest reference abstracts (its top share), so a broad population still yields an in-field
 * background, and each call's spread is shrunk toward the pooled spread and floored so no call's
 * z-scores blow up (../shared/DESIGN.md: a background far from a call's field did exactly that).
 */
import type { Corpus } from '../corpus/corpus.js';
import { wholeCallCosine, type EmbeddedDraft } from './features.js';
import { dot } from './vector-math.js';

/** A reference abstract as scoring needs it: its BM25 tokens and (when embedded) its vector. */
export interface ReferenceAbstract {
  tokens: readonly string[];
  vector?: Float32Array;
}

export interface Moments {
  mean: number;
  sd: number;
}

/** A call's own statistics over the reference population (before shrinkage). */
export interface CallReference {
  dense: Moments;
  lexical: Moments;
}

export interface ReferenceParams {
  /** Share (0..1] of the reference abstracts, the call's best-scoring ones, the moments are taken over. */
  topShare: number;
  /** Weight (0..1) of the pooled spread mixed into each call's spread (and mean). */
  shrink: number;
  minDenseSpread: number;
  minLexicalSpread: number;
}

/** Mean and sample spread of the `k` largest values. */
export function topMoments(values: readonly number[], k: number): Moments {
  const top = [...values].sort((a, b) => b - a).slice(0, Math.max(1, Math.min(values.length, k)));
  if (top.length === 0) return { mean: 0, sd: 0 };
  const mean = top.reduce((s, x) => s + x, 0) / top.length;
  const v = top.length > 1 ? top.reduce((s, x) => s + (x - mean) ** 2, 0) / (top.length - 1) : 0;
  return { mean, sd: Math.sqrt(v) };
}

/**
 * One call's moments over the reference population: BM25 of each reference abstract against the
 * call document and cosine of each abstract with the whole-call vector, over the top share.
 *
 * @example
 * const m = callReference(corpus, 'c1', refs, 0.1);
 */
export function callReference(corpus: Corpus, callId: string, refs: readonly ReferenceAbstract[], topShare: number): CallReference {
  const k = Math.ceil(topShare * refs.length);
  const lexical = refs.map((r) => corpus.bm25.score(r.tokens, callId));
  const passages = corpus.passagesByCall.get(callId) ?? [];
  const whole = passages.find((p) => p.kind === 'call');
  const wv = whole ? corpus.index.get(whole.id) : undefined;
  const dense = wv ? refs.flatMap((r) => (r.vector ? [dot(r.vector, wv)] : [])) : [];
  return { dense: topMoments(dense, k), lexical: topMoments(lexical, k) };
}

/**
 * Each call's moments shrunk toward the pooled ones (mean of the calls' means, root mean of
 * their variances) by `shrink`, spreads floored.
 *
 * @example
 * const shrunk = shrinkMoments(ownByCall, params);
 */
export function shrinkMoments(own: ReadonlyMap<string, CallReference>, p: ReferenceParams): Map<string, CallReference> {
  const all = [...own.values()];
  const pool = (get: (c: CallReference) => Moments): Moments => ({
    mean: all.reduce((s, c) => s + get(c).mean, 0) / Math.max(1, all.length),
    sd: Math.sqrt(all.reduce((s, c) => s + get(c).sd ** 2, 0) / Math.max(1, all.length)),
  });
  const pd = pool((c) => c.dense);
  const pl = pool((c) => c.lexical);
  const mix = (m: Moments, pooled: Moments, floor: number): Moments => ({
    mean: (1 - p.shrink) * m.mean + p.shrink * pooled.mean,
    sd: Math.max(floor, Math.sqrt((1 - p.shrink) * m.sd ** 2 + p.shrink * pooled.sd ** 2)),
  });
  const out = new Map<string, CallReference>();
  for (const [id, c] of own) out.set(id, { dense: mix(c.dense, pd, p.minDenseSpread), lexical: mix(c.lexical, pl, p.minLexicalSpread) });
  return out;
}

/**
 * The draft's dense and BM25 scores for a call, each as a z-score against the call's reference moments.
 *
 * @example
 * const { zDense, zLexical } = referenceZ(corpus, draft, 'c1', moments.get('c1'));
 */
export function referenceZ(corpus: Corpus, draft: EmbeddedDraft, callId: string, m: CallReference): { dense: number; lexical: number; coverage: number; zDense: number; zLexical: number } {
  const { score: lexical, coverage } = corpus.bm25.lexical(draft.tokens, callId);
  const dense = wholeCallCosine(corpus, draft, corpus.passagesByCall.get(callId) ?? []);
  return { dense, lexical, coverage, zDense: (dense - m.dense.mean) / m.dense.sd, zLexical: (lexical - m.lexical.mean) / m.lexical.sd };
}
