/**
 * Sentence evidence in the score (`hybrid+evidence`): the dense feature becomes a mix of the
 * whole-call cosine and the mean of the call's best topic/sentence similarities. Needs every
 * sentence embedded (~8x the model time). Measured and not adopted (ACL acc@1 0.493 vs 0.502).
 */
import { evidenceOfCall } from '../../core/rank/evidence.js';
import { callFeatures } from '../../core/rank/features.js';
import { DEFAULT_RANK_PARAMS, fuseScores } from '../../core/rank/fusion.js';
import { mean } from '../../core/rank/vector-math.js';
import type { Strategy } from './strategy.js';

/** Mean of the `m` largest values (averaging, never summing, so long topic lists earn nothing by length). */
export function meanOfTop(values: readonly number[], m: number): number {
  if (values.length === 0) return 0;
  return mean([...values].sort((a, b) => b - a).slice(0, Math.max(1, m)));
}

/**
 * @example
 * evidenceStrategy('hybrid+evidence', 0.3).score({ corpus, draft, callIds, sentences })
 */
export function evidenceStrategy(name: string, share: number, topM = 3): Strategy {
  return {
    name,
    needsSentences: true,
    score({ corpus, draft, callIds, sentences = [] }) {
      const mixed = callFeatures(corpus, draft, callIds).map((f) => {
        const evidence = meanOfTop(evidenceOfCall(corpus, f.callId, sentences).map((e) => e.similarity), topM);
        return { ...f, dense: (1 - share) * f.dense + share * evidence };
      });
      return fuseScores(mixed, DEFAULT_RANK_PARAMS);
    },
  };
}
