/**
 * Load the fitted calibration for an embedder from `data/calibration/`
 * (written by `npm run calibrate`). No file means the hand-set default.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createError } from '../../core/errors.js';
import type { Calibration } from '../../core/rank/calibration.js';
import { CalibrationRecord, calibrationFileName, toCalibration } from '../../core/triage/calibration-record.js';

/** The calibrations shipped with the package (works from src/ and dist/ alike). */
export const DEFAULT_CALIBRATION_DIR = fileURLToPath(new URL('../../../data/calibration/', import.meta.url));

/**
 * The calibration fitted for `embedderId`, or undefined when none was fitted.
 * A file that exists but does not parse is a STORAGE error, never silently ignored.
 *
 * @example
 * const calibration = await loadCalibration(DEFAULT_CALIBRATION_DIR, embedder.id);
 * createMatcher({ embedder, index, store, calibration });
 */
export async function loadCalibration(dir: string, embedderId: string): Promise<Calibration | undefined> {
  const file = join(dir, calibrationFileName(embedderId));
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw createError('STORAGE', `cannot read calibration ${file}`, { cause: err });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw createError('STORAGE', `calibration ${file} is not valid JSON`, { cause: err });
  }
  const r = CalibrationRecord.safeParse(json);
  if (!r.success) throw createError('STORAGE', `calibration ${file} is invalid: ${r.error.issues[0]?.path.join('.')}: ${r.error.issues[0]?.message}`);
  return toCalibration(r.data);
}
