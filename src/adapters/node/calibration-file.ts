/**
 * The calibrations shipped in `data/calibration/` (written by `npm run calibrate`), read by the
 * Node runtime. The Worker bundles the same files (adapters/workers/calibrations.ts).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createError } from '../../core/errors.js';
import { DEFAULT_CALIBRATION, type Calibration } from '../../core/rank/calibration.js';
import { parseCalibrationRecord } from '../../core/triage/calibration-record.js';

/** The calibrations shipped with the package (works from src/ and dist/ alike). */
export const DEFAULT_CALIBRATION_DIR = fileURLToPath(new URL('../../../data/calibration/', import.meta.url));

/**
 * Every calibration in `dir` (`*.json`), then the hand-set USE-lite prior as the last resort for
 * USE-lite. A file that exists but does not parse is a STORAGE error, never silently ignored.
 *
 * @example
 * const calibrations = await loadCalibrations(DEFAULT_CALIBRATION_DIR);
 * composeMatcher({ embedder, index, store, calibrations, log });
 */
export async function loadCalibrations(dir: string = DEFAULT_CALIBRATION_DIR): Promise<Calibration[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [DEFAULT_CALIBRATION];
    throw createError('STORAGE', `cannot read the calibration folder ${dir}`, { cause: err });
  }
  const out: Calibration[] = [];
  for (const name of names) {
    const file = join(dir, name);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      throw createError('STORAGE', `cannot read calibration ${file}`, { cause: err });
    }
    out.push(parseCalibrationRecord(text, file));
  }
  return [...out, DEFAULT_CALIBRATION];
}
