/**
 * A ranker of boosted regression trees over a chooser's candidate features:
 * each tree sends a candidate left or right at one feature's threshold until
 * a leaf, and the leaves' values summed over the trees are the candidate's
 * score; the best-scored candidate is chosen. Trees read interactions a
 * linear ranker cannot (a name from the page's markup is the venue unless it
 * is also the publisher's, ...). Fitted by `npm run train:venue`
 * (src/eval/cfp/tree-train.ts).
 */

/** An inner node (feature index into the model's `features`, threshold, children) or a leaf. */
export type TreeNode = { f: number; t: number; l: number; r: number } | { v: number };

export interface TreeModel {
  /** Feature names, in the order the nodes' `f` index them. */
  features: string[];
  /** Each tree's nodes, the root first. */
  trees: TreeNode[][];
}

/**
 * A candidate's score: the sum of the leaf values its features reach.
 * `at[f]` is where the model's feature `f` sits in `x` (-1: the code no longer computes it, read as 0).
 *
 * @example
 * treeScore([1], { features: ['a'], trees: [[{ f: 0, t: 0.5, l: 1, r: 2 }, { v: -1 }, { v: 1 }]] }, [0]) // 1
 */
export function treeScore(x: readonly number[], model: TreeModel, at: readonly number[]): number {
  let s = 0;
  for (const tree of model.trees) {
    let node = tree[0];
    for (let hops = 0; node && 'f' in node && hops < 64; hops++) node = tree[(x[at[node.f] ?? -1] ?? 0) <= node.t ? node.l : node.r];
    s += node && 'v' in node ? node.v : 0;
  }
  return s;
}

/**
 * Index of the best-scored candidate (the first on a tie), or -1 for none; `names` are the features in the order the code computes them.
 *
 * @example
 * chooseBestByTrees([[0], [1]], { features: ['a'], trees: [[{ f: 0, t: 0.5, l: 1, r: 2 }, { v: -1 }, { v: 1 }]] }, ['a']) // 1
 */
export function chooseBestByTrees(features: readonly (readonly number[])[], model: TreeModel, names: readonly string[]): number {
  const at = model.features.map((f) => names.indexOf(f));
  let best = -1;
  let top = -Infinity;
  features.forEach((x, i) => {
    const s = treeScore(x, model, at);
    if (s > top) {
      top = s;
      best = i;
    }
  });
  return best;
}
