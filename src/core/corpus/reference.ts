/**
 * Per-call reference moments: what each call scores, dense and BM25, for a shipped population of
 * abstracts from many fields (data/reference/). Ranking reads a call's scores against them, so a
 * score means the same whether the call is a title, a paragraph or a full CFP (issue #17).
 *
 * - Moments are taken over the call's best-scoring share of the population (`topShare`): with a
 *   broad population that is the call's own field, which is the background that closed the
 *   title-only gap in the prototypes; the whole population mostly measures how far other fields are.
 * - Each call's mean and spread are shrunk toward pooled ones (`shrink`) and the spread floored,
 *   so a call whose field the population barely covers cannot blow its z-scores up
 *   (../shared/DESIGN.md: an unguarded background let one call win everything).
 * - The call-title field (corpus.ts titleField) is read the same way: the population's titles
 *   against the call's title, over the call's best-scoring share, shrunk and floored alike.
 * - Cost: two BM25 scores (whole text, title) and one cosine per reference abstract per call (about 0.5 ms a call),
 *   computed when a call is indexed; BM25 moments are recomputed when the number of calls has
 *   moved by more than 10% (idf and mean length drift with it), dense ones never (they depend only
 *   on the call's text, which its passage id hashes).
 */
import type { Bm25Index } from '../text/bm25.js';
import type { VectorIndex } from '../ports.js';
import type { Passage } from './passages.js';
import type { TitleScorer } from './title-field.js';

/** A reference abstract as BM25 scoring needs it: its whole text's tokens and its title's (the call-title field's query). */
export interface ReferenceAbstract {
  tokens: readonly string[];
  titleTokens?: readonly string[];
}

/**
 * The reference abstracts' vectors under one embedder, summarised: their mean and a low-rank
 * covariance (top principal directions and variances, plus the mean variance left in the other
 * directions). A call's dense moments over the whole population follow exactly from these:
 * mean = c.mean, variance = c' Cov c. Shipped per embedder (data/reference/<embedder>.json), so
 * no abstract is embedded at start-up.
 */
export interface DenseStats {
  embedder: string;
  mean: Float32Array;
  components: Float32Array[];
  variances: number[];
  residual: number;
}

/** The population as the corpus uses it: BM25 tokens of every abstract, and dense statistics for the embedder when shipped. */
export interface ReferencePopulation {
  abstracts: readonly ReferenceAbstract[];
  dense?: DenseStats;
}

/**
 * Mean and spread of the cosine between a (unit) call vector and the population's vectors.
 *
 * @example
 * denseMoments(callVector, stats) // { mean: 0.21, sd: 0.07 }
 */
export function denseMoments(v: Float32Array, st: DenseStats): Moments {
  const dotv = (a: Float32Array) => {
    let s = 0;
    for (let i = 0; i < a.length; i++) s += (a[i] as number) * (v[i] as number);
    return s;
  };
  let explained = 0;
  let variance = 0;
  st.components.forEach((u, k) => {
    const a = dotv(u);
    explained += a * a;
    variance += (st.variances[k] ?? 0) * a * a;
  });
  const norm2 = dotv(v);
  variance += st.residual * Math.max(0, norm2 - explained);
  return { mean: dotv(st.mean), sd: Math.sqrt(Math.max(0, variance)) };
}

export interface Moments {
  mean: number;
  sd: number;
}

/** A call's moments over the reference population (shrunk and floored); `dense` is absent when the population is not embedded. */
export interface CallReference {
  dense: Moments | undefined;
  lexical: Moments;
  /** BM25 of the population's titles against the call's title (the call-title field); absent without `titleField` or titled abstracts. */
  title: Moments | undefined;
}

export interface ReferenceOptions {
  /** Share (0..1] of the population, the call's best-scoring abstracts, that the BM25 moments are taken over. */
  topShare: number;
  /** Weight (0..1) of the pooled mean and variance mixed into each call's own. */
  shrink: number;
  /** Spread floors, in score units. */
  minDenseSpread: number;
  minLexicalSpread: number;
  /**
   * Scale a call's BM25 mean to the draft's length (its tokens over the population's mean tokens,
   * at most 1): BM25 grows with the query's length, and the moments are those of whole abstracts,
   * so a one-sentence draft read against them was pushed toward calls whose mean is high.
   */
  scaleToDraft: boolean;
}

// topShare 0.1 and shrink 0.2: eval/README.md "What we tried" (ACL and arXiv, full and mixed-length).
export const DEFAULT_REFERENCE_OPTIONS: ReferenceOptions = { topShare: 0.1, shrink: 0.2, minDenseSpread: 0.02, minLexicalSpread: 0.5, scaleToDraft: true };

/** What the moments read from the corpus. */
export interface ReferenceSource {
  calls: ReadonlyMap<string, unknown>;
  passagesByCall: ReadonlyMap<string, readonly Passage[]>;
  bm25: Bm25Index;
  /** BM25 over the call titles alone (corpus.ts titleField); without it no title moments are kept. */
  titleField?: TitleScorer;
  index: VectorIndex;
}

export interface ReferenceMoments {
  /** How many abstracts the population has, and whether dense statistics were shipped for the embedder. */
  readonly size: { abstracts: number; dense: boolean };
  /** The share of a call's BM25 mean a draft of `tokens` tokens is read against (1: as for a whole abstract). */
  lexicalScale(tokens: number): number;
  /** The same for the call-title field: a draft title of `tokens` tokens against the population's titles. */
  titleScale(tokens: number): number;
  /** The call's moments, computed now if missing or stale; undefined for an unknown call. */
  of(callId: string): CallReference | undefined;
  /** Compute (or refresh) the moments of these calls, e.g. after indexing them. */
  update(callIds: Iterable<string>): void;
  forget(callId: string): void;
}

/**
 * Mean and sample spread of the `k` largest values (all when k >= length).
 *
 * @example
 * topMoments([1, 5, 3], 2) // { mean: 4, sd: 1.414 }
 */
export function topMoments(values: readonly number[], k: number): Moments {
  const top = [...values].sort((a, b) => b - a).slice(0, Math.max(1, Math.min(values.length, k)));
  if (top.length === 0) return { mean: 0, sd: 0 };
  const mean = top.reduce((s, x) => s + x, 0) / top.length;
  const v = top.length > 1 ? top.reduce((s, x) => s + (x - mean) ** 2, 0) / (top.length - 1) : 0;
  return { mean, sd: Math.sqrt(v) };
}

/**
 * `own` mixed with `pooled` (mean and variance, weight `shrink` on the pooled), spread floored.
 *
 * @example
 * shrinkToward({ mean: 2, sd: 0 }, { mean: 1, sd: 1 }, 0.2, 0.5) // { mean: 1.8, sd: 0.5 }
 */
export function shrinkToward(own: Moments, pooled: Moments, shrink: number, floor: number): Moments {
  return {
    mean: (1 - shrink) * own.mean + shrink * pooled.mean,
    sd: Math.max(floor, Math.sqrt((1 - shrink) * own.sd ** 2 + shrink * pooled.sd ** 2)),
  };
}

const epochOf = (n: number) => Math.floor(Math.log(n + 1) / Math.log(1.1));

interface Own {
  passageId: string;
  epoch: number;
  dense: Moments | undefined;
  lexical: Moments;
  title: Moments | undefined;
}

/**
 * @example
 * const reference = createReferenceMoments(corpus, abstracts);
 * reference.update(corpus.calls.keys());
 * reference.of('c1')?.lexical.mean
 */
export function createReferenceMoments(src: ReferenceSource, population: ReferencePopulation, opts: ReferenceOptions = DEFAULT_REFERENCE_OPTIONS): ReferenceMoments {
  const { abstracts, dense: stats } = population;
  const k = Math.max(2, Math.ceil(opts.topShare * abstracts.length));
  const own = new Map<string, Own>();
  const meanTokens = abstracts.reduce((n, a) => n + a.tokens.length, 0) / Math.max(1, abstracts.length);
  // The title field's queries: the population's titles, when every abstract has one read.
  const titles = src.titleField && abstracts.every((a) => a.titleTokens) ? abstracts.map((a) => a.titleTokens ?? []) : undefined;
  const meanTitleTokens = titles ? titles.reduce((n, t) => n + t.length, 0) / Math.max(1, titles.length) : 0;
  const scale = (tokens: number, mean: number) => (opts.scaleToDraft && mean > 0 ? Math.min(1, tokens / mean) : 1);
  let pooled: { epoch: number; size: number; dense: Moments | undefined; lexical: Moments; title: Moments | undefined } | undefined;

  const wholeOf = (callId: string): Passage | undefined => (src.passagesByCall.get(callId) ?? []).find((p) => p.kind === 'call');
  const compute = (callId: string, prev: Own | undefined): Own | undefined => {
    if (!src.calls.has(callId)) return undefined;
    const whole = wholeOf(callId);
    const passageId = whole?.id ?? '';
    const epoch = epochOf(src.bm25.size);
    if (prev && prev.passageId === passageId && prev.epoch === epoch) return prev;
    const lexical = topMoments(abstracts.map((a) => src.bm25.score(a.tokens, callId)), k);
    const titleField = src.titleField;
    const title = titles && titleField ? topMoments(titles.map((t) => titleField.score(t, callId)), k) : undefined;
    let dense = prev && prev.passageId === passageId ? prev.dense : undefined;
    if (!dense && stats) {
      const v = whole ? src.index.get(whole.id) : undefined;
      // Over the whole population (measured as good as the top share on ACL, eval/README.md), which
      // is what lets it follow from shipped statistics instead of embedded abstracts.
      if (v && v.length === stats.mean.length) dense = denseMoments(v, stats);
    }
    const next: Own = { passageId, epoch, dense, lexical, title };
    own.set(callId, next);
    return next;
  };
  const ownOf = (callId: string) => compute(callId, own.get(callId));
  // Pooled moments over up to 200 calls spread evenly over the corpus (deterministic for a given
  // corpus), refreshed when the number of calls moves by more than 10%.
  const pooledNow = () => {
    const epoch = epochOf(src.calls.size);
    if (pooled && pooled.epoch === epoch && Math.abs(pooled.size - src.calls.size) * 10 <= src.calls.size) return pooled;
    const stride = Math.max(1, Math.floor(src.calls.size / 200));
    const sample: Own[] = [];
    let i = 0;
    for (const id of src.calls.keys()) {
      if (i++ % stride) continue;
      const o = ownOf(id);
      if (o) sample.push(o);
    }
    const pool = (xs: Moments[]): Moments => ({ mean: xs.reduce((s, m) => s + m.mean, 0) / xs.length, sd: Math.sqrt(xs.reduce((s, m) => s + m.sd ** 2, 0) / xs.length) });
    const dense = sample.flatMap((o) => (o.dense ? [o.dense] : []));
    const title = sample.flatMap((o) => (o.title ? [o.title] : []));
    pooled = { epoch, size: src.calls.size, dense: dense.length ? pool(dense) : undefined, lexical: pool(sample.map((o) => o.lexical)), title: title.length ? pool(title) : undefined };
    return pooled;
  };

  return {
    size: { abstracts: abstracts.length, dense: stats !== undefined },
    lexicalScale: (tokens) => scale(tokens, meanTokens),
    titleScale: (tokens) => scale(tokens, meanTitleTokens),
    of(callId) {
      const o = ownOf(callId);
      if (!o) return undefined;
      const p = pooledNow();
      const lexical = shrinkToward(o.lexical, p.lexical, opts.shrink, opts.minLexicalSpread);
      // No dense moments (population not embedded): ranking reads the cosine as it is.
      const dense = o.dense && p.dense ? shrinkToward(o.dense, p.dense, opts.shrink, opts.minDenseSpread) : undefined;
      const title = o.title && p.title ? shrinkToward(o.title, p.title, opts.shrink, opts.minLexicalSpread) : undefined;
      return { dense, lexical, title };
    },
    update(callIds) {
      for (const id of callIds) ownOf(id);
    },
    forget(callId) {
      own.delete(callId);
    },
  };
}
