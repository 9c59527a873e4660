/**
 * The learned title chooser: a linear score over a candidate's features
 * (title-features.ts), the highest-scoring candidate wins. The weights are
 * trained on the labelled calls by `npm run train:title` (src/eval/cfp/train-title.ts)
 * and shipped in data/title-model.json, imported here so the parser needs no
 * file access on any runtime.
 */
import shipped from '../../../data/title-model.json' with { type: 'json' };
import { TITLE_FEATURES } from './title-features.js';

export interface TitleModel {
  /** Feature names in the order of `weights`; a name the code no longer computes is ignored, a new one weighs 0. */
  features: string[];
  weights: number[];
}

/** The shipped weights, as `npm run train:title` wrote them. */
export const SHIPPED_TITLE_MODEL: TitleModel = { features: shipped.features, weights: shipped.weights };

/**
 * The model's weights in the order of `names` ({@link TITLE_FEATURES} unless
 * told otherwise: the venue chooser's model has the same shape).
 *
 * @example
 * alignWeights({ features: ['src:page-h1'], weights: [2] })[TITLE_FEATURES.indexOf('src:page-h1')] // 2
 */
export function alignWeights(model: TitleModel, names: readonly string[] = TITLE_FEATURES): number[] {
  const byName = new Map(model.features.map((f, i) => [f, model.weights[i] ?? 0]));
  return names.map((f) => byName.get(f) ?? 0);
}

/**
 * Index of the best candidate (the first on a tie), or -1 for none.
 *
 * @example
 * chooseBest([[1, 0], [0, 1]], [0.5, 2]) // 1
 */
export function chooseBest(features: readonly (readonly number[])[], weights: readonly number[]): number {
  let best = -1;
  let top = -Infinity;
  features.forEach((x, i) => {
    const s = x.reduce((a, v, j) => a + v * (weights[j] ?? 0), 0);
    if (s > top) {
      top = s;
      best = i;
    }
  });
  return best;
}
