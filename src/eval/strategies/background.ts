/**
 * Per-call score backgrounds (an eval strategy, `hybrid+bg`; measured and not adopted, eval/README.md). Raw scores of different calls are not
 * comparable (a call with a long scope text or many topics scores higher
 * against everything), so each call's dense and BM25 scores are normalised
 * against what that call scores for a background of pseudo-queries: the
 * passages (titles, topics, scope chunks) of the *other* calls in the index.
 * That background is data the product has and may ship; it is never the
 * drafts being ranked.
 *
 * A call whose field is far from the rest has a near-zero background spread,
 * which would blow its z-scores up (measured: one call then wins everything
 * on arXiv). So each call's mean and spread are shrunk toward the pooled
 * estimate over all calls, with `shrink` pseudo-observations, and the spread
 * has a floor.
 */
import type { Corpus } from '../../core/corpus/corpus.js';
import { dot, mean, std } from '../../core/rank/vector-math.js';
import { hashText } from '../../core/text/hash.js';
import { tokenize } from '../../core/text/tokens.js';

export interface Moments {
  mean: number;
  sd: number;
}

export interface CallBackground {
  dense: Moments;
  lexical: Moments;
  /** How many pseudo-queries the call's own estimate rests on. */
  n: number;
}

export interface BackgroundOptions {
  /** Pseudo-observations of the pooled estimate mixed into each call's estimate. */
  shrink: number;
  minDenseSpread: number;
  minLexicalSpread: number;
}

const cache = new WeakMap<Corpus, { sig: string; key: string; bg: Map<string, CallBackground> }>();

/** Identity of the indexed passages: a changed call set recomputes the backgrounds. */
function corpusSignature(corpus: Corpus): string {
  const ids: string[] = [];
  for (const ps of corpus.passagesByCall.values()) for (const p of ps) ids.push(p.id);
  return hashText(ids.join('\n'));
}

/**
 * Background moments for every call in the corpus (cached per corpus state).
 *
 * @example
 * const bg = callBackgrounds(corpus, { shrink: 20, minDenseSpread: 0.02, minLexicalSpread: 0.5 });
 * const z = (dense - bg.get(id).dense.mean) / bg.get(id).dense.sd;
 */
export function callBackgrounds(corpus: Corpus, opts: BackgroundOptions): Map<string, CallBackground> {
  const sig = corpusSignature(corpus);
  const key = `${opts.shrink}|${opts.minDenseSpread}|${opts.minLexicalSpread}`;
  const hit = cache.get(corpus);
  if (hit && hit.sig === sig && hit.key === key) return hit.bg;

  const queries: Array<{ callId: string; vector: Float32Array; tokens: string[] }> = [];
  for (const [callId, ps] of corpus.passagesByCall) {
    for (const p of ps) {
      if (p.kind === 'call') continue; // the whole-call text is the document side, not a pseudo-query
      const vector = corpus.index.get(p.id);
      if (vector) queries.push({ callId, vector, tokens: tokenize(p.text) });
    }
  }
  const raw = new Map<string, { dense: number[]; lexical: number[] }>();
  for (const [callId, ps] of corpus.passagesByCall) {
    const whole = ps.find((p) => p.kind === 'call');
    const wholeVec = whole ? corpus.index.get(whole.id) : undefined;
    const dense: number[] = [];
    const lexical: number[] = [];
    for (const q of queries) {
      if (q.callId === callId) continue;
      dense.push(wholeVec ? dot(q.vector, wholeVec) : 0);
      lexical.push(corpus.bm25.score(q.tokens, callId));
    }
    raw.set(callId, { dense, lexical });
  }
  const moments = (xs: number[]): Moments => ({ mean: mean(xs), sd: std(xs) });
  const per = [...raw.values()];
  const pooled = {
    dense: { mean: mean(per.map((r) => mean(r.dense))), sd: Math.sqrt(mean(per.map((r) => std(r.dense) ** 2))) },
    lexical: { mean: mean(per.map((r) => mean(r.lexical))), sd: Math.sqrt(mean(per.map((r) => std(r.lexical) ** 2))) },
  };
  const shrunk = (own: Moments, pool: Moments, n: number, floor: number): Moments => {
    const w = n / (n + opts.shrink);
    const m = w * own.mean + (1 - w) * pool.mean;
    const v = w * own.sd ** 2 + (1 - w) * pool.sd ** 2;
    return { mean: Number.isFinite(m) ? m : 0, sd: Math.max(Math.sqrt(Number.isFinite(v) ? v : 0), floor) };
  };
  const bg = new Map<string, CallBackground>();
  for (const [callId, r] of raw) {
    const n = r.dense.length;
    bg.set(callId, {
      n,
      dense: shrunk(moments(r.dense), pooled.dense, n, opts.minDenseSpread),
      lexical: shrunk(moments(r.lexical), pooled.lexical, n, opts.minLexicalSpread),
    });
  }
  cache.set(corpus, { sig, key, bg });
  return bg;
}
