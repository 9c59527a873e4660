/**
 * Reciprocal-rank fusion of the dense and lexical rankings (`hybrid-rrf`): measured against the
 * weighted z-scores and not adopted (ACL acc@1 0.434 vs 0.502, eval/README.md).
 */
import { callFeatures } from '../../core/rank/features.js';
import { DEFAULT_RANK_PARAMS, fuseScores } from '../../core/rank/fusion.js';
import type { Strategy } from './strategy.js';

/** 1/(k + rank) for each value (rank 1 = largest; ties share the better rank). */
export function reciprocalRanks(xs: readonly number[], k: number): number[] {
  return xs.map((x) => 1 / (k + 1 + xs.filter((y) => y > x).length));
}

/**
 * @example
 * rrfStrategy('hybrid-rrf', 60).score({ corpus, draft, callIds })
 */
export function rrfStrategy(name: string, k = 60): Strategy {
  const p = DEFAULT_RANK_PARAMS;
  return {
    name,
    needsSentences: false,
    score({ corpus, draft, callIds }) {
      const fused = fuseScores(callFeatures(corpus, draft, callIds), p);
      const rd = reciprocalRanks(fused.map((f) => f.zDense), k);
      const rl = reciprocalRanks(fused.map((f) => f.zLexical), k);
      return fused.map((f, i) => ({ callId: f.callId, dense: f.dense, coverage: f.coverage, score: p.denseWeight * (rd[i] ?? 0) + p.lexicalWeight * (rl[i] ?? 0) }));
    },
  };
}
