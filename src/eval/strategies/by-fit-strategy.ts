/**
 * The service's scores, ordered by the calibrated fit instead of the fused score (`hybrid-byfit`):
 * measures what ordering the list by the number people read would cost (issue #17, "fit and
 * order agree").
 */
import { loadCalibrations } from '../../adapters/node/calibration-file.js';
import { calibrationFor, inScopeProbability, type Calibration } from '../../core/rank/calibration.js';
import { DEFAULT_RANK_PARAMS } from '../../core/rank/fusion.js';
import { scoreCalls } from '../../core/rank/score-calls.js';
import type { Strategy } from './strategy.js';

export function byFitStrategy(name: string): Strategy {
  let calibration: Calibration | undefined;
  return {
    name,
    needsSentences: false,
    async prepare({ embedder }) {
      calibration = calibrationFor(embedder.id, await loadCalibrations());
    },
    score({ corpus, draft, callIds }) {
      return scoreCalls(corpus, draft, callIds, DEFAULT_RANK_PARAMS).map((f) => ({ ...f, score: inScopeProbability(f, calibration) }));
    },
  };
}
