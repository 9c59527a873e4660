/**
 * Binary logistic regression by full-batch gradient descent with an L2
 * penalty: the learned editor chooser's trainer. About 30 lines, written out
 * like the title chooser's ranker (title-train.ts): the model is a dot
 * product and a sigmoid, which the core applies without a library.
 */
import { probability } from "../../core/cfp/editor-model.js";



export interface LogisticOptions {
  epochs?: number;
  rate?: number;
  l2?: number;
}

/**
 * Weights that give the positive examples high probability. The classes are
 * not reweighted, so the output reads as a probability and the chooser's
 * threshold as one. The first feature is the bias and is not penalised.
 *
 * @example
 * const w = trainLogistic([{ x: [1, 1], y: true }, { x: [1, 0], y: false }], 2);
 * probability([1, 1], w) > 0.5 // true
 */
export function trainLogistic(examples: ReadonlyArray<{ x: readonly number[]; y: boolean }>, dims: number, opts: LogisticOptions = {}): number[] {
  const { epochs = 800, rate = 1, l2 = 1e-3 } = opts;
  const w = new Array<number>(dims).fill(0);
  const n = Math.max(1, examples.length);
  for (let epoch = 0; epoch < epochs; epoch++) {
    const grad = w.map((v, j) => (j === 0 ? 0 : l2 * v));
    for (const e of examples) {
      const diff = probability(e.x, w) - (e.y ? 1 : 0);
      if (diff === 0) continue;
      for (let j = 0; j < dims; j++) grad[j] = (grad[j] ?? 0) + (diff * (e.x[j] ?? 0)) / n;
    }
    for (let j = 0; j < dims; j++) w[j] = (w[j] ?? 0) - rate * (grad[j] ?? 0);
  }
  return w;
}
