/**
 * What a runtime provides, described once. The Node composition root (entry/node-runtime.ts)
 * and the Workers one (adapters/workers/worker-runtime.ts) each fill in a RuntimeParts with
 * their own adapters and call composeMatcher; neither builds a matcher any other way, so both
 * rank with the calibration of their own embedder.
 */
import type { ReferencePopulation } from './corpus/reference.js';
import type { Logger } from './log.js';
import { createMatcher, type Matcher } from './matcher.js';
import type { CallStore, Embedder, VectorIndex } from './ports.js';
import { calibrationFor, type Calibration } from './rank/calibration.js';
import type { CandidateOptions } from './rank/candidates.js';
import type { RankParams } from './rank/fusion.js';

export interface RuntimeParts {
  embedder: Embedder;
  index: VectorIndex;
  store: CallStore;
  /** The calibrations the runtime ships (data/calibration); the one for `embedder` is chosen. */
  calibrations: readonly Calibration[];
  log: Logger;
  /** The reference population call scores are read against (data/reference); without it scores are read raw. */
  reference?: ReferencePopulation;
  params?: Partial<RankParams>;
  candidates?: Partial<CandidateOptions>;
  today?: () => string;
}

/**
 * A matcher from a runtime's parts, ranking with the calibration of its embedder (or the
 * embedder-independent one): CALIBRATION_MISSING rather than another embedder's weights.
 *
 * @example
 * const matcher = composeMatcher({ embedder, index, store, calibrations, log });
 */
export function composeMatcher(parts: RuntimeParts): Matcher {
  const calibration = calibrationFor(parts.embedder.id, parts.calibrations);
  parts.log('calibration.selected', { embedder: parts.embedder.id, calibration: calibration.embedder });
  return createMatcher({
    embedder: parts.embedder,
    index: parts.index,
    store: parts.store,
    calibration,
    log: parts.log,
    ...(parts.reference ? { reference: parts.reference } : {}),
    ...(parts.params ? { params: parts.params } : {}),
    ...(parts.candidates ? { candidates: parts.candidates } : {}),
    ...(parts.today ? { today: parts.today } : {}),
  });
}
