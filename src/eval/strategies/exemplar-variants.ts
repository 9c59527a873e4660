/**
 * Exemplar-term variants measured against the service's (rank/exemplars.ts) and kept for the
 * record (eval/README.md "Exemplar papers"): `exv:` names take `w`, `half`, `d` like `ex:` plus
 * `lex=max|top|concat|aug` (best paper's BM25, mean of the best `top`, all papers as one document
 * (the service's), or the call's text and its papers as one document), `dense=top|centroid|aug|knn`
 * (mean of the best `top` paper cosines, the papers' mean vector (the service's), the call's vector
 * plus that mean, or a similarity-weighted vote of the draft's 10 nearest papers of all calls) and `top`.
 * These weigh a title-only call's papers as any call's (the service before round 7's titleOnlyHalfAt).
 */
import type { Corpus } from '../../core/corpus/corpus.js';
import { DEFAULT_EXEMPLAR_PARAMS, type ExemplarParams } from '../../core/rank/exemplars.js';
import { DEFAULT_RANK_PARAMS } from '../../core/rank/fusion.js';
import { scoreCalls } from '../../core/rank/score-calls.js';
import { dot, l2Normalize, mean, zScores } from '../../core/rank/vector-math.js';
import { createBm25Index, type Bm25Index } from '../../core/text/bm25.js';
import type { Strategy } from './strategy.js';

interface Variant extends ExemplarParams {
  lex: 'max' | 'top' | 'concat' | 'aug';
  dense: 'top' | 'centroid' | 'aug' | 'knn';
  top: number;
}

interface Prepared {
  perPaper: Bm25Index;
  joined: Bm25Index;
  centroids: Map<string, Float32Array>;
  aug: Map<string, Float32Array>;
}

const NO_EXEMPLARS = { ...DEFAULT_RANK_PARAMS, exemplar: { ...DEFAULT_EXEMPLAR_PARAMS, weight: 0 } };

function parse(name: string): Variant {
  const v: Variant = { ...DEFAULT_EXEMPLAR_PARAMS, lex: 'concat', dense: 'centroid', top: 1 };
  const keys: Record<string, 'weight' | 'halfAt' | 'denseShare' | 'top'> = { w: 'weight', half: 'halfAt', d: 'denseShare', top: 'top' };
  for (const part of name.slice(4).split(',').filter(Boolean)) {
    const [k = '', val = ''] = part.split('=');
    const key = keys[k];
    if (k === 'lex' && (val === 'max' || val === 'top' || val === 'concat' || val === 'aug')) v.lex = val;
    else if (k === 'dense' && (val === 'top' || val === 'centroid' || val === 'aug' || val === 'knn')) v.dense = val;
    else if (key && Number.isFinite(Number(val))) v[key] = Number(val);
    else throw new Error(`bad exemplar variant "${name}": "${part}"`);
  }
  return v;
}

function prepare(corpus: Corpus, lex: Variant['lex']): Prepared {
  const perPaper = createBm25Index();
  const joined = createBm25Index();
  const centroids = new Map<string, Float32Array>();
  const aug = new Map<string, Float32Array>();
  for (const [callId, ps] of corpus.papersByCall) {
    const whole = (corpus.passagesByCall.get(callId) ?? []).find((p) => p.kind === 'call');
    for (const p of ps) perPaper.upsert(p.id, p.text);
    joined.upsert(callId, [...(lex === 'aug' && whole ? [whole.text] : []), ...ps.map((p) => p.text)].join('. '));
    const vs = ps.map((p) => corpus.index.get(p.id)).filter((x): x is Float32Array => x !== undefined);
    const sum = new Float32Array(vs[0]?.length ?? 0);
    for (const x of vs) x.forEach((y, i) => (sum[i] = (sum[i] as number) + y));
    centroids.set(callId, l2Normalize(sum));
    const wv = whole ? corpus.index.get(whole.id) : undefined;
    if (wv) aug.set(callId, l2Normalize(wv.map((x, i) => x + (sum[i] as number) / Math.max(1, vs.length))));
  }
  return { perPaper, joined, centroids, aug };
}

/**
 * @example
 * exemplarVariantByName('exv:w=2,lex=max,dense=top,top=2')
 */
export function exemplarVariantByName(name: string): Strategy | undefined {
  if (!name.startsWith('exv:')) return undefined;
  const v = parse(name);
  const cache = new WeakMap<Corpus, Prepared>();
  return {
    name,
    needsSentences: false,
    score({ corpus, draft, callIds }) {
      const fused = scoreCalls(corpus, draft, callIds, NO_EXEMPLARS);
      let pre = cache.get(corpus);
      if (!pre) cache.set(corpus, (pre = prepare(corpus, v.lex)));
      const knn = new Map<string, number>();
      if (v.dense === 'knn') {
        const all: Array<[string, number]> = [];
        for (const [cid, ps] of corpus.papersByCall) for (const p of ps) all.push([cid, dot(draft.vector, corpus.index.get(p.id) as Float32Array)]);
        for (const [cid, s] of all.sort((a, b) => b[1] - a[1]).slice(0, 10)) knn.set(cid, (knn.get(cid) ?? 0) + s);
      }
      const rows: Array<{ callId: string; n: number; d: number; l: number }> = [];
      for (const id of callIds) {
        const ps = corpus.papersByCall.get(id);
        if (!ps?.length) continue;
        const m = Math.max(1, Math.min(v.top, ps.length));
        const topMean = (xs: number[]) => mean(xs.sort((a, b) => b - a).slice(0, m));
        const d =
          v.dense === 'centroid' ? dot(draft.vector, pre.centroids.get(id) as Float32Array)
          : v.dense === 'aug' ? dot(draft.vector, pre.aug.get(id) as Float32Array)
          : v.dense === 'knn' ? (knn.get(id) ?? 0)
          : topMean(ps.map((p) => dot(draft.vector, corpus.index.get(p.id) as Float32Array)));
        const perPaper = () => ps.map((p) => (pre as Prepared).perPaper.score(draft.tokens, p.id));
        const l = v.lex === 'concat' || v.lex === 'aug' ? pre.joined.score(draft.tokens, id) : v.lex === 'top' ? topMean(perPaper()) : Math.max(...perPaper());
        rows.push({ callId: id, n: ps.length, d, l });
      }
      const zd = zScores(rows.map((r) => r.d), v.minDenseSpread);
      const zl = zScores(rows.map((r) => r.l), v.minLexicalSpread);
      const terms = new Map(rows.map((r, i) => [r.callId, ((v.weight * r.n) / (r.n + v.halfAt)) * (v.denseShare * (zd[i] as number) + (1 - v.denseShare) * (zl[i] as number))]));
      return fused.map((f) => ({ ...f, score: f.score + (terms.get(f.callId) ?? 0) }));
    },
  };
}
