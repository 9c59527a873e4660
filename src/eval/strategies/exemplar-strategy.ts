/**
 * The service's fusion plus the exemplar term with other parameters (rank/exemplars.ts), to choose
 * them by measurement (`npm run eval -- --exemplars 0,1,3,5 --scorer ...`).
 */
import { DEFAULT_EXEMPLAR_PARAMS, exemplarTerms, type ExemplarParams } from '../../core/rank/exemplars.js';
import { DEFAULT_RANK_PARAMS } from '../../core/rank/fusion.js';
import { scoreCalls } from '../../core/rank/score-calls.js';
import type { Strategy } from './strategy.js';

/**
 * @example
 * exemplarStrategy('ex-w2', { weight: 2 })
 */
export function exemplarStrategy(name: string, overrides: Partial<ExemplarParams>): Strategy {
  const params: ExemplarParams = { ...DEFAULT_EXEMPLAR_PARAMS, ...overrides };
  return {
    name,
    needsSentences: false,
    score({ corpus, draft, callIds }) {
      const terms = exemplarTerms(corpus, draft, callIds, params);
      return scoreCalls(corpus, draft, callIds, DEFAULT_RANK_PARAMS).map((f) => ({ ...f, score: f.score + (terms.get(f.callId) ?? 0) }));
    },
  };
}

const KEYS: Record<string, keyof ExemplarParams> = { w: 'weight', half: 'halfAt', d: 'denseShare', top: 'top', dsd: 'minDenseSpread', lsd: 'minLexicalSpread' };

/**
 * A strategy named by its parameters, for tuning from the command line: `ex:w=2,d=0.3,top=2,half=1`
 * (w weight, half halfAt, d denseShare, top, dsd/lsd spread floors); undefined for other names.
 *
 * @example
 * exemplarStrategyByName('ex:w=2,top=2')?.name // 'ex:w=2,top=2'
 */
export function exemplarStrategyByName(name: string): Strategy | undefined {
  if (!name.startsWith('ex:')) return undefined;
  const overrides: Partial<ExemplarParams> = {};
  for (const part of name.slice(3).split(',').filter(Boolean)) {
    const [k = '', v = ''] = part.split('=');
    const key = KEYS[k];
    const value = Number(v);
    if (!key || !Number.isFinite(value)) throw new Error(`bad exemplar scorer "${name}": "${part}" (keys: ${Object.keys(KEYS).join(', ')})`);
    overrides[key] = value;
  }
  return exemplarStrategy(name, overrides);
}
