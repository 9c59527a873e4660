/**
 * Fitting the boosted-tree ranker (core/cfp/tree-model.ts): gradient boosting
 * of the same listwise softmax loss the linear chooser fits (title-train.ts),
 * each round a regression tree fitted to the candidates' gradients with
 * Newton leaf values (the second-order boosting of XGBoost: Chen and
 * Guestrin, KDD 2016), splits searched over at most 16 quantile thresholds
 * per feature. Written here (about 100 lines) rather than taken from a
 * library: the npm gradient-boosting packages fit one label per row, not a
 * softmax over each call's variable number of candidates.
 */
import { treeScore, type TreeModel, type TreeNode } from '../../core/cfp/tree-model.js';
import type { TitleExample } from './title-train.js';

export interface TreeTrainOptions {
  trees?: number;
  depth?: number;
  /** Shrinkage of each tree's leaves. */
  rate?: number;
  /** L2 penalty on a leaf's value (its hessian's prior). */
  lambda?: number;
}

/** Thresholds per feature: the midpoints of its values when it has at most 16, otherwise 15 quantiles. */
function thresholds(xs: readonly (readonly number[])[], dims: number): number[][] {
  const out: number[][] = [];
  for (let j = 0; j < dims; j++) {
    const vals = [...new Set(xs.map((x) => x[j] ?? 0))].sort((a, b) => a - b);
    const cuts = vals.length <= 16 ? vals.slice(0, -1).map((v, i) => (v + (vals[i + 1] ?? v)) / 2) : Array.from({ length: 15 }, (_, q) => vals[Math.floor(((q + 1) * vals.length) / 16)] ?? 0);
    out.push([...new Set(cuts)]);
  }
  return out;
}

/**
 * A boosted-tree ranker that puts each call's right candidates first (calls with none teach nothing).
 *
 * @example
 * const m = fitTreeRanker([{ id: 'a', group: 'g', features: [[0], [1]], right: [false, true] }], ['x'], { trees: 5 });
 * chooseBestByTrees([[0], [1]], m, ['x']) // 1
 */
export function fitTreeRanker(examples: readonly TitleExample[], names: readonly string[], opts: TreeTrainOptions = {}): TreeModel {
  const { trees = 200, depth = 3, rate = 0.1, lambda = 1 } = opts;
  const dims = names.length;
  const usable = examples.filter((e) => e.right.some(Boolean));
  const cuts = thresholds(usable.flatMap((e) => e.features), dims);
  // Each candidate's bin per feature: how many thresholds lie below its value.
  const binOf = (v: number, c: readonly number[]) => {
    let b = 0;
    while (b < c.length && v > (c[b] ?? 0)) b++;
    return b;
  };
  const cands = usable.flatMap((e, ri) => e.features.map((x, i) => ({ ri, i, bins: Uint8Array.from(cuts.map((c, j) => binOf(x[j] ?? 0, c))) })));
  const score = usable.map((e) => new Float64Array(e.features.length));
  const g = new Float64Array(cands.length);
  const h = new Float64Array(cands.length);
  const model: TreeModel = { features: [...names], trees: [] };
  const identity = names.map((_, j) => j);
  for (let t = 0; t < trees; t++) {
    let k = 0;
    usable.forEach((e, ri) => {
      const s = score[ri] as Float64Array;
      const top = Math.max(...s);
      const ex = Array.from(s, (v) => Math.exp(v - top));
      const z = ex.reduce((a, b) => a + b, 0);
      const target = e.target?.some(Boolean) ? e.target : e.right;
      const n = target.filter(Boolean).length;
      for (let i = 0; i < s.length; i++, k++) {
        const p = (ex[i] ?? 0) / z;
        g[k] = p - (target[i] ? 1 / n : 0);
        h[k] = Math.max(p * (1 - p), 1e-6);
      }
    });
    const nodes: TreeNode[] = [];
    const grow = (idx: readonly number[], level: number): number => {
      let G = 0;
      let H = 0;
      for (const q of idx) {
        G += g[q] ?? 0;
        H += h[q] ?? 0;
      }
      const id = nodes.length;
      nodes.push({ v: (-G / (H + lambda)) * rate });
      if (level >= depth || idx.length < 20) return id;
      const parent = (G * G) / (H + lambda);
      let best: { gain: number; j: number; b: number } | undefined;
      for (let j = 0; j < dims; j++) {
        const nb = (cuts[j]?.length ?? 0) + 1;
        if (nb < 2) continue;
        const hg = new Float64Array(nb);
        const hh = new Float64Array(nb);
        for (const q of idx) {
          const b = cands[q]?.bins[j] ?? 0;
          hg[b] = (hg[b] ?? 0) + (g[q] ?? 0);
          hh[b] = (hh[b] ?? 0) + (h[q] ?? 0);
        }
        let gl = 0;
        let hl = 0;
        for (let b = 0; b < nb - 1; b++) {
          gl += hg[b] ?? 0;
          hl += hh[b] ?? 0;
          const hr = H - hl;
          if (hl < 1 || hr < 1) continue;
          const gain = (gl * gl) / (hl + lambda) + ((G - gl) * (G - gl)) / (hr + lambda) - parent;
          if (gain > (best?.gain ?? 0)) best = { gain, j, b };
        }
      }
      if (!best) return id;
      const { j, b } = best;
      const left = idx.filter((q) => (cands[q]?.bins[j] ?? 0) <= b);
      const right = idx.filter((q) => (cands[q]?.bins[j] ?? 0) > b);
      const l = grow(left, level + 1);
      const r = grow(right, level + 1);
      nodes[id] = { f: j, t: cuts[j]?.[b] ?? 0, l, r };
      return id;
    };
    grow(cands.map((_, q) => q), 0);
    model.trees.push(nodes);
    // Each candidate's score gains the new tree's leaf, read as the parser reads it.
    const added: TreeModel = { features: model.features, trees: [nodes] };
    for (const c of cands) {
      const s = score[c.ri] as Float64Array;
      s[c.i] = (s[c.i] ?? 0) + treeScore(usable[c.ri]?.features[c.i] ?? [], added, identity);
    }
  }
  return model;
}
