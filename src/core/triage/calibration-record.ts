/**
 * The stored form of a fitted calibration (`data/calibration/<embedder>.json`):
 * the logistic coefficients plus a record of what they were fitted on.
 */
import { z } from 'zod';
import { createError } from '../errors.js';
import type { Calibration } from '../rank/calibration.js';

const Metrics = z.object({ brier: z.number(), ece: z.number() });

export const CalibrationRecord = z.object({
  kind: z.literal('logistic'),
  weights: z.object({ dense: z.number(), coverage: z.number(), score: z.number(), normDense: z.number().optional(), normLexical: z.number().optional(), bias: z.number() }),
  fitted_on: z.string(),
  embedder: z.string(),
  date: z.string(),
  /** The in-scope share of the inbox the fit is calibrated for (the class weights); absent = 0.5. */
  prior: z.number().gt(0).lt(1).optional(),
  n: z.object({ pairs: z.number().int(), papers: z.number().int(), calls: z.number().int(), positives: z.number().int() }).optional(),
  metrics: z.record(z.string(), Metrics).optional(),
  /** Per suite, with a fit on the other suites only: triage F1 at 0.5, top-call AUROC, ECE (calibrate/evaluate.ts). */
  leave_one_suite_out: z.record(z.string(), z.object({ f1: z.number(), auroc: z.number(), ece: z.number() })).optional(),
  notes: z.array(z.string()).optional(),
});
export type CalibrationRecord = z.infer<typeof CalibrationRecord>;

/**
 * The file name a calibration for an embedder is stored under (ids like `onnx:Xenova/x` become `onnx_Xenova_x`).
 *
 * @example
 * calibrationFileName('use-lite') // 'use-lite.json'
 */
export function calibrationFileName(embedderId: string): string {
  return `${embedderId.replace(/[^A-Za-z0-9._-]/g, '_')}.json`;
}

/**
 * @example
 * const cal = toCalibration(CalibrationRecord.parse(json));
 */
export function toCalibration(r: CalibrationRecord): Calibration {
  return { kind: 'logistic', embedder: r.embedder, weights: { ...r.weights }, fitted_on: `${r.fitted_on} (${r.embedder}, ${r.date})` };
}

/**
 * A stored calibration file's text as a Calibration; STORAGE error naming `where` when it is not one.
 *
 * @example
 * parseCalibrationRecord(await readFile(file, 'utf8'), file)
 */
export function parseCalibrationRecord(text: string, where: string): Calibration {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw createError('STORAGE', `calibration ${where} is not valid JSON`, { cause: err });
  }
  const r = CalibrationRecord.safeParse(json);
  if (!r.success) throw createError('STORAGE', `calibration ${where} is invalid: ${r.error.issues[0]?.path.join('.')}: ${r.error.issues[0]?.message}`);
  return toCalibration(r.data);
}
