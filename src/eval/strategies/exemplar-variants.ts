/**
 * Exemplar-term variants not in the service (measured with --exemplars and kept for the record):
 * `exv:` names like `ex:` plus `lex=max|top|concat` (best paper's BM25, mean of the best `top`, or
 * BM25 against all of a call's papers as one document) and `dense=top|centroid` (mean of the best
 * `top` paper cosines, or the cosine to the papers' normalised mean vector).
 */
import type { Corpus } from '../../core/corpus/corpus.js';
import { DEFAULT_EXEMPLAR_PARAMS, type ExemplarParams } from '../../core/rank/exemplars.js';
import { DEFAULT_RANK_PARAMS } from '../../core/rank/fusion.js';
import { scoreCalls } from '../../core/rank/score-calls.js';
import { dot, l2Normalize, mean, std } from '../../core/rank/vector-math.js';
import { createBm25Index, type Bm25Index } from '../../core/text/bm25.js';
import type { Strategy } from './strategy.js';

interface Variant extends ExemplarParams {
  lex: 'max' | 'top' | 'concat';
  dense: 'top' | 'centroid';
}

/**
 * @example
 * exemplarVariantByName('exv:w=2,lex=concat')
 */
export function exemplarVariantByName(name: string): Strategy | undefined {
  if (!name.startsWith('exv:')) return undefined;
  const v: Variant = { ...DEFAULT_EXEMPLAR_PARAMS, lex: 'max', dense: 'top' };
  const keys: Record<string, keyof ExemplarParams> = { w: 'weight', half: 'halfAt', d: 'denseShare', top: 'top' };
  for (const part of name.slice(4).split(',').filter(Boolean)) {
    const [k = '', val = ''] = part.split('=');
    if (k === 'lex' && (val === 'max' || val === 'top' || val === 'concat')) v.lex = val;
    else if (k === 'dense' && (val === 'top' || val === 'centroid')) v.dense = val;
    else if (keys[k] && Number.isFinite(Number(val))) v[keys[k] as keyof ExemplarParams] = Number(val);
    else throw new Error(`bad exemplar variant "${name}": "${part}"`);
  }
  const concat = new WeakMap<Corpus, { index: Bm25Index; centroids: Map<string, Float32Array> }>();
  const prepared = (corpus: Corpus) => {
    let hit = concat.get(corpus);
    if (!hit) {
      const index = createBm25Index();
      const centroids = new Map<string, Float32Array>();
      for (const [callId, ps] of corpus.papersByCall) {
        index.upsert(callId, ps.map((p) => p.text).join('. '));
        const vs = ps.map((p) => corpus.index.get(p.id)).filter((x): x is Float32Array => x !== undefined);
        const sum = new Float32Array(vs[0]?.length ?? 0);
        for (const x of vs) x.forEach((y, i) => (sum[i] = (sum[i] as number) + y));
        centroids.set(callId, l2Normalize(sum));
      }
      hit = { index, centroids };
      concat.set(corpus, hit);
    }
    return hit;
  };
  return {
    name,
    needsSentences: false,
    score({ corpus, draft, callIds }) {
      const fused = scoreCalls(corpus, draft, callIds, DEFAULT_RANK_PARAMS);
      const pre = prepared(corpus);
      const rows: Array<{ callId: string; n: number; d: number; l: number }> = [];
      for (const id of callIds) {
        const ps = corpus.papersByCall.get(id);
        if (!ps?.length) continue;
        const m = Math.max(1, Math.min(v.top, ps.length));
        const topMean = (xs: number[]) => mean(xs.sort((a, b) => b - a).slice(0, m));
        const d = v.dense === 'centroid' ? dot(draft.vector, pre.centroids.get(id) as Float32Array) : topMean(ps.map((p) => dot(draft.vector, corpus.index.get(p.id) as Float32Array)));
        const lex = ps.map((p) => corpus.paperBm25.score(draft.tokens, p.id));
        const l = v.lex === 'concat' ? pre.index.score(draft.tokens, id) : v.lex === 'top' ? topMean(lex) : Math.max(...lex);
        rows.push({ callId: id, n: ps.length, d, l });
      }
      const z = (xs: number[], floor: number) => {
        const mu = mean(xs);
        const sd = Math.max(std(xs, mu), floor);
        return xs.map((x) => (x - mu) / sd);
      };
      const zd = z(rows.map((r) => r.d), v.minDenseSpread);
      const zl = z(rows.map((r) => r.l), v.minLexicalSpread);
      const terms = new Map(rows.map((r, i) => [r.callId, ((v.weight * r.n) / (r.n + v.halfAt)) * (v.denseShare * (zd[i] as number) + (1 - v.denseShare) * (zl[i] as number))]));
      return fused.map((f) => ({ ...f, score: f.score + (terms.get(f.callId) ?? 0) }));
    },
  };
}
