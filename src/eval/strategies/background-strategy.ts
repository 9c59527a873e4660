/**
 * Per-call background normalisation before the per-query z-scores (`hybrid+bg`): each call's
 * dense and BM25 scores are first z-scored against what that call scores for the other calls'
 * passages (background.ts). Measured and not adopted (ACL acc@1 0.456 vs 0.502, eval/README.md).
 */
import { callFeatures } from '../../core/rank/features.js';
import { DEFAULT_RANK_PARAMS } from '../../core/rank/fusion.js';
import { zScores } from '../../core/rank/vector-math.js';
import { callBackgrounds } from './background.js';
import type { Strategy } from './strategy.js';

/** Background-normalised inputs are already in z units, so their spread floor is in z units too. */
const Z_UNIT_FLOOR = 0.1;

/**
 * @example
 * backgroundStrategy('hybrid+bg').score({ corpus, draft, callIds })
 */
export function backgroundStrategy(name: string, shrink = 20): Strategy {
  const p = DEFAULT_RANK_PARAMS;
  return {
    name,
    needsSentences: false,
    score({ corpus, draft, callIds }) {
      const bgs = callBackgrounds(corpus, { shrink, minDenseSpread: p.minDenseSpread, minLexicalSpread: p.minLexicalSpread });
      const features = callFeatures(corpus, draft, callIds);
      const bg = features.map((f) => bgs.get(f.callId));
      const zd = zScores(features.map((f, i) => { const b = bg[i]; return b ? (f.dense - b.dense.mean) / b.dense.sd : 0; }), Z_UNIT_FLOOR);
      const zl = zScores(features.map((f, i) => { const b = bg[i]; return b ? (f.lexical - b.lexical.mean) / b.lexical.sd : 0; }), Z_UNIT_FLOOR);
      return features.map((f, i) => ({ callId: f.callId, dense: f.dense, coverage: f.coverage, score: p.denseWeight * (zd[i] ?? 0) + p.lexicalWeight * (zl[i] ?? 0) }));
    },
  };
}
