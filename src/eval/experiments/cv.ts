/**
 * Shared by the out-of-scope experiments: 5-fold cross-validated AUROC of a
 * logistic fit on named features, with in-scope and out-of-scope rows weighted
 * to an even prior (as `npm run calibrate` does).
 */
import { fitLogistic } from '../../core/triage/logistic-fit.js';
import { auroc } from '../metrics.js';

export interface FeatureRow {
  y: 0 | 1;
  f: Record<string, number>;
}

/** AUROC of one feature alone (higher = more in scope). */
export function featureAuroc(rows: readonly FeatureRow[], name: string): number {
  return auroc(
    rows.filter((x) => x.y).map((x) => x.f[name] ?? 0),
    rows.filter((x) => !x.y).map((x) => x.f[name] ?? 0),
  );
}

/** AUROC of the held-out logits of a logistic fit on `feats`, rows dealt to folds by position. */
export function cvAuroc(rows: readonly FeatureRow[], feats: readonly string[], folds = 5): number {
  const pos: number[] = [];
  const neg: number[] = [];
  for (let fold = 0; fold < folds; fold++) {
    const train = rows.filter((_, i) => i % folds !== fold);
    const test = rows.filter((_, i) => i % folds === fold);
    const np = train.filter((x) => x.y).length;
    const nn = train.length - np;
    const fit = fitLogistic(
      train.map((x) => ({ x: feats.map((k) => x.f[k] ?? 0), y: x.y, w: x.y ? 0.5 / np : 0.5 / nn })),
      { l2: 1e-5 },
    );
    for (const x of test) {
      const z = fit.bias + feats.reduce((s, k, j) => s + (fit.weights[j] ?? 0) * (x.f[k] ?? 0), 0);
      (x.y ? pos : neg).push(z);
    }
  }
  return auroc(pos, neg);
}
