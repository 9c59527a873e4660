/** Scores for how well predicted probabilities match outcomes (weighted). */

export interface Prediction {
  p: number;
  y: 0 | 1;
  w?: number;
}

/**
 * Weighted Brier score: mean squared error of the probabilities (0 is perfect).
 *
 * @example
 * brierScore([{ p: 0.9, y: 1 }, { p: 0.2, y: 0 }]) // 0.025
 */
export function brierScore(preds: readonly Prediction[]): number {
  let s = 0;
  let tw = 0;
  for (const r of preds) {
    const w = r.w ?? 1;
    s += w * (r.p - r.y) ** 2;
    tw += w;
  }
  return tw ? s / tw : 0;
}

/**
 * Weighted expected calibration error over equal-width bins: the weighted mean
 * gap between the mean predicted probability and the observed rate per bin.
 *
 * @example
 * expectedCalibrationError([{ p: 0.8, y: 1 }, { p: 0.8, y: 0 }], 10) // 0.3
 */
export function expectedCalibrationError(preds: readonly Prediction[], bins = 10): number {
  const sumP = new Array<number>(bins).fill(0);
  const sumY = new Array<number>(bins).fill(0);
  const sumW = new Array<number>(bins).fill(0);
  let tw = 0;
  for (const r of preds) {
    const w = r.w ?? 1;
    const b = Math.min(bins - 1, Math.max(0, Math.floor(r.p * bins)));
    sumP[b] = (sumP[b] ?? 0) + w * r.p;
    sumY[b] = (sumY[b] ?? 0) + w * r.y;
    sumW[b] = (sumW[b] ?? 0) + w;
    tw += w;
  }
  if (!tw) return 0;
  let ece = 0;
  for (let b = 0; b < bins; b++) {
    const w = sumW[b] ?? 0;
    if (w > 0) ece += (w / tw) * Math.abs((sumP[b] ?? 0) / w - (sumY[b] ?? 0) / w);
  }
  return ece;
}
