/**
 * The service's fusion with other exemplar-term parameters (rank/exemplars.ts), to choose them by
 * measurement: `npm run eval -- --exemplars 0,1,3,5 --scorer 'ex:w=2,half=2,d=0.5'`.
 */
import { DEFAULT_EXEMPLAR_PARAMS, type ExemplarParams } from '../../core/rank/exemplars.js';
import { DEFAULT_RANK_PARAMS } from '../../core/rank/fusion.js';
import { scoreCalls } from '../../core/rank/score-calls.js';
import type { Strategy } from './strategy.js';

const KEYS: Record<string, keyof ExemplarParams> = { w: 'weight', half: 'halfAt', toh: 'titleOnlyHalfAt', d: 'denseShare', dsd: 'minDenseSpread', lsd: 'minLexicalSpread', rs: 'rescaleFrom', rsk: 'rescaleKeep' };

/**
 * A strategy named by its parameters: `ex:w=2,d=0.3,half=1` (w weight, half halfAt, toh titleOnlyHalfAt, d denseShare,
 * dsd/lsd spread floors, rs rescaleFrom); undefined for other names.
 *
 * @example
 * exemplarStrategyByName('ex:w=1')?.name // 'ex:w=1'
 */
export function exemplarStrategyByName(name: string): Strategy | undefined {
  if (!name.startsWith('ex:')) return undefined;
  const exemplar: ExemplarParams = { ...DEFAULT_EXEMPLAR_PARAMS };
  for (const part of name.slice(3).split(',').filter(Boolean)) {
    const [k = '', v = ''] = part.split('=');
    const key = KEYS[k];
    const value = Number(v);
    if (!key || !Number.isFinite(value)) throw new Error(`bad exemplar scorer "${name}": "${part}" (keys: ${Object.keys(KEYS).join(', ')})`);
    exemplar[key] = value;
  }
  const params = { ...DEFAULT_RANK_PARAMS, exemplar };
  return { name, needsSentences: false, score: ({ corpus, draft, callIds }) => scoreCalls(corpus, draft, callIds, params) };
}
