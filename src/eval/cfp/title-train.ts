/**
 * Training and cross-validation of the learned title chooser: a listwise
 * (softmax) linear ranker over each call's candidates, fitted by full-batch
 * gradient descent with an L2 penalty. Written out (about 40 lines) rather
 * than taken from a library: the model is a dot product, and the ranking
 * loss over a variable number of candidates per call is not what the npm
 * logistic-regression packages fit.
 */

/** One labelled call: each candidate's features and whether its title is right. */
export interface TitleExample {
  id: string;
  group: string;
  features: number[][];
  right: boolean[];
  /** The candidates to learn toward, when narrower than `right` (those spelling the truth's main title, not an alternative). */
  target?: boolean[];
}

export interface TrainOptions {
  epochs?: number;
  rate?: number;
  l2?: number;
}

/**
 * Weights that put the right candidates of each call above the others: the
 * softmax over a call's candidates is pulled toward its right ones, and among
 * them toward the `target` ones when a call has any (calls with no right
 * candidate teach nothing and are skipped).
 *
 * @example
 * trainTitleModel([{ id: 'a', group: 'g', features: [[1, 0], [0, 1]], right: [false, true] }], 2)[1] > 0 // true
 */
export function trainTitleModel(examples: readonly TitleExample[], dims: number, opts: TrainOptions = {}): number[] {
  const { epochs = 600, rate = 0.5, l2 = 1e-3 } = opts;
  const usable = examples.filter((e) => e.right.some(Boolean));
  const w = new Array<number>(dims).fill(0);
  for (let epoch = 0; epoch < epochs; epoch++) {
    const grad = w.map((v) => l2 * v);
    for (const e of usable) {
      const scores = e.features.map((x) => x.reduce((a, v, j) => a + v * (w[j] ?? 0), 0));
      const top = Math.max(...scores);
      const exp = scores.map((s) => Math.exp(s - top));
      const z = exp.reduce((a, b) => a + b, 0);
      const target = e.target?.some(Boolean) ? e.target : e.right;
      const nRight = target.filter(Boolean).length;
      e.features.forEach((x, i) => {
        // Gradient of the cross-entropy against a target spread evenly over the right candidates.
        const diff = (exp[i] ?? 0) / z - (target[i] ? 1 / nRight : 0);
        if (diff === 0) return;
        x.forEach((v, j) => {
          grad[j] = (grad[j] ?? 0) + (diff * v) / usable.length;
        });
      });
    }
    for (let j = 0; j < dims; j++) w[j] = (w[j] ?? 0) - rate * (grad[j] ?? 0);
  }
  return w;
}

/**
 * Calls split into `k` folds by group (a site's calls stay in one fold), the
 * largest groups placed first, each into the fold with the fewest calls so far.
 *
 * @example
 * foldsByGroup([{ group: 'a' }, { group: 'a' }, { group: 'b' }], 2) // [0, 0, 1]
 */
export function foldsByGroup(items: ReadonlyArray<{ group: string }>, k: number): number[] {
  const sizes = new Map<string, number>();
  for (const it of items) sizes.set(it.group, (sizes.get(it.group) ?? 0) + 1);
  const order = [...sizes.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const load = new Array<number>(k).fill(0);
  const foldOf = new Map<string, number>();
  for (const [g, n] of order) {
    const f = load.indexOf(Math.min(...load));
    foldOf.set(g, f);
    load[f] = (load[f] ?? 0) + n;
  }
  return items.map((it) => foldOf.get(it.group) ?? 0);
}
