/**
 * The calibrations the Worker ships: the same `data/calibration/*.json` files the Node runtime
 * reads from disk, bundled by wrangler. A test checks this list covers every file there.
 */
import { DEFAULT_CALIBRATION, type Calibration } from '../../core/rank/calibration.js';
import { CalibrationRecord, toCalibration } from '../../core/triage/calibration-record.js';
import anyEmbedder from '../../../data/calibration/any-embedder.json' with { type: 'json' };
import useLite from '../../../data/calibration/use-lite.json' with { type: 'json' };

/** File names bundled here, in `data/calibration/`. */
export const BUNDLED_CALIBRATION_FILES = ['any-embedder.json', 'use-lite.json'] as const;

/**
 * @example
 * composeMatcher({ embedder, index, store, calibrations: workerCalibrations(), log });
 */
export function workerCalibrations(): Calibration[] {
  return [...[anyEmbedder, useLite].map((json) => toCalibration(CalibrationRecord.parse(json))), DEFAULT_CALIBRATION];
}
