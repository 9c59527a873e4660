/**
 * z-score moments over every call in the corpus, estimated while scoring only the candidates.
 *
 * Why: fusion z-scores dense and BM25 scores across the calls scored for a query. Above
 * `exactLimit` only a few hundred candidates are scored, so their mean and spread differ from those
 * of all calls, which changes the relative weight of dense vs lexical and so the order of the
 * top calls (measured at 10k calls: every call of the all-calls top 10 was a candidate, yet
 * 3% of the top 10 differed). The estimate is stratified: the candidates' scores exactly, plus
 * a fixed, evenly spread sample of the other calls scaled up to their number.
 */
import type { Corpus } from '../corpus/corpus.js';
import type { ScoreMoments } from './fusion.js';

/** A call's dense and lexical score for the current query. */
export type PairScorer = (callId: string) => { dense: number; lexical: number };

const samples = new WeakMap<Corpus, { size: number; ids: string[] }>();

/**
 * About `n` call ids spread evenly over the corpus (cached until the number of calls changes).
 *
 * @example
 * const ids = populationSample(corpus, 400);
 */
export function populationSample(corpus: Corpus, n: number): string[] {
  const size = corpus.calls.size;
  const hit = samples.get(corpus);
  if (hit && hit.size === size) return hit.ids.filter((id) => corpus.calls.has(id));
  const stride = Math.max(1, Math.floor(size / Math.max(1, n)));
  const ids: string[] = [];
  let i = 0;
  for (const id of corpus.calls.keys()) if (i++ % stride === 0) ids.push(id);
  samples.set(corpus, { size, ids });
  return ids;
}

interface Sums {
  n: number;
  d: number;
  dd: number;
  l: number;
  ll: number;
}

const add = (s: Sums, dense: number, lexical: number) => {
  s.n++;
  s.d += dense;
  s.dd += dense * dense;
  s.l += lexical;
  s.ll += lexical * lexical;
};

const moment = (sum: number, sumSq: number, n: number) => {
  const mean = sum / n;
  return { mean, sd: n > 1 ? Math.sqrt(Math.max(0, (sumSq - n * mean * mean) / (n - 1))) : 0 };
};

/**
 * Estimated moments over all `total` calls: `scored` exactly, the rest from the sample ids not
 * among them (scored with `score`), scaled to the number of unscored calls.
 *
 * @example
 * const m = populationMoments(features, corpus.calls.size, populationSample(corpus, 400), scorer);
 */
export function populationMoments(
  scored: ReadonlyArray<{ callId: string; normDense: number; normLexical: number }>,
  total: number,
  sample: readonly string[],
  score: PairScorer,
): ScoreMoments | undefined {
  const c: Sums = { n: 0, d: 0, dd: 0, l: 0, ll: 0 };
  const seen = new Set<string>();
  for (const f of scored) {
    add(c, f.normDense, f.normLexical);
    seen.add(f.callId);
  }
  const s: Sums = { n: 0, d: 0, dd: 0, l: 0, ll: 0 };
  for (const id of sample) {
    if (seen.has(id)) continue;
    const x = score(id);
    add(s, x.dense, x.lexical);
  }
  const rest = total - c.n;
  if (rest <= 0 || s.n === 0) return undefined;
  const k = rest / s.n;
  return {
    dense: moment(c.d + k * s.d, c.dd + k * s.dd, total),
    lexical: moment(c.l + k * s.l, c.ll + k * s.ll, total),
  };
}
