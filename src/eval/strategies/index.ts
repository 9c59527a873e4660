/**
 * The strategies the harness knows, by name. `hybrid` is the service's own scorer; `bm25` and
 * `dense` are its two halves alone; the rest are alternatives that were measured and not adopted.
 */
import { DEFAULT_RANK_PARAMS, type RankParams } from '../../core/rank/fusion.js';
import { scoreCalls } from '../../core/rank/score-calls.js';
import { backgroundStrategy } from './background-strategy.js';
import { byFitStrategy } from './by-fit-strategy.js';
import { evidenceStrategy } from './evidence-strategy.js';
import { referenceStrategy } from './reference-strategy.js';
import { ROUND6_STRATEGIES } from './round6.js';
import { rrfStrategy } from './rrf-strategy.js';
import type { Strategy } from './strategy.js';


export type { Strategy, StrategyInput, StrategyScore } from './strategy.js';

/**
 * The service's scorer with some weights overridden.
 *
 * @example
 * weighted('bm25', { denseWeight: 0, lexicalWeight: 1 })
 */
export function weighted(name: string, overrides: Partial<RankParams> = {}): Strategy {
  const params: RankParams = { ...DEFAULT_RANK_PARAMS, ...overrides };
  return { name, needsSentences: false, score: ({ corpus, draft, callIds }) => scoreCalls(corpus, draft, callIds, params) };
}

export const STRATEGIES: readonly Strategy[] = [
  weighted('hybrid'),
  weighted('bm25', { denseWeight: 0, lexicalWeight: 1 }),
  weighted('dense', { denseWeight: 1, lexicalWeight: 0, titleOnlyDenseShare: 1 }),
  backgroundStrategy('hybrid+bg'),
  rrfStrategy('hybrid-rrf'),
  evidenceStrategy('hybrid+evidence', 0.3),
  byFitStrategy('hybrid-byfit'),
  referenceStrategy('hybrid-noref', 'none'),
  referenceStrategy('ref-all', { topShare: 1 }),
  referenceStrategy('ref-top3', { topShare: 0.03 }),
  referenceStrategy('ref-shrink0', { shrink: 0 }),
  referenceStrategy('ref-shrink05', { shrink: 0.5 }),
  referenceStrategy('ref-w55', {}, { denseWeight: 0.5, lexicalWeight: 0.5 }),
  referenceStrategy('ref-unscaled', { scaleToDraft: false }),
  // The service without its exemplar term (rank/exemplars.ts): what papers add, with --exemplars.
  weighted('hybrid-noex', { exemplar: { ...DEFAULT_RANK_PARAMS.exemplar, weight: 0 } }),
  // Round 6 (eval/README.md "What we tried in round 6"): the service before it and what was measured against it.
  ...ROUND6_STRATEGIES,
];
// Round 8's variants (eval/README.md "Round 8") run by name only (scorers.ts round8ByName): each
// builds its own index and reference moments, too many to run on every default eval.
