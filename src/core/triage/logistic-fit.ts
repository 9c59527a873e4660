/**
 * Weighted L2-regularised logistic regression fitted by Newton's method
 * (IRLS). Pure and small: the calibration has three features and a bias, so
 * an exact 4x4 Newton step is cheaper and more reliable than gradient descent.
 */

export interface LabelledRow {
  /** Feature values, same length on every row. */
  x: readonly number[];
  /** 1 = in scope, 0 = not. */
  y: 0 | 1;
  /** Sample weight (class balancing); default 1. */
  w?: number;
  /** Fixed term added to the row's logit (a prior model's logit that the fit adjusts); default 0. */
  offset?: number;
}

export interface LogisticFitOptions {
  /** L2 penalty on the feature weights, relative to the mean weighted log-loss. */
  l2?: number;
  /** L2 penalty on the bias (default 0: the bias is free); with a few labels of one class it keeps the bias finite. */
  l2Bias?: number;
  maxIterations?: number;
  /** Stop when the largest Newton step is below this. */
  tolerance?: number;
  /**
   * Keep every feature weight >= 0: a feature that would get a negative
   * weight is dropped (fixed at 0) and the rest refitted, so a higher
   * similarity can never lower the probability.
   */
  nonNegative?: boolean;
}

export interface LogisticFit {
  /** One weight per feature. */
  weights: number[];
  bias: number;
  iterations: number;
  /** Mean weighted log-loss at the solution (without the penalty). */
  logLoss: number;
}

const sigmoid = (z: number): number => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

/**
 * @example
 * const fit = fitLogistic([{ x: [0.2], y: 0 }, { x: [0.9], y: 1 }, { x: [0.6], y: 1 }, { x: [0.4], y: 0 }], { l2: 0.01 });
 * fit.weights[0] > 0 // true
 */
export function fitLogistic(rows: readonly LabelledRow[], opts: LogisticFitOptions = {}): LogisticFit {
  const d = rows[0]?.x.length ?? 0;
  const active = Array.from({ length: d }, () => true);
  for (;;) {
    const fit = newton(rows, d, active, opts);
    const negative = fit.weights.findIndex((w, j) => active[j] && w < 0);
    if (!opts.nonNegative || negative < 0) return fit;
    // Drop the most negative one first; refitting may make others positive again.
    let worst = negative;
    fit.weights.forEach((w, j) => {
      if (active[j] && w < (fit.weights[worst] ?? 0)) worst = j;
    });
    active[worst] = false;
  }
}

function newton(rows: readonly LabelledRow[], d: number, active: readonly boolean[], opts: LogisticFitOptions): LogisticFit {
  const l2 = opts.l2 ?? 1e-4;
  const l2Bias = opts.l2Bias ?? 0;
  const maxIterations = opts.maxIterations ?? 100;
  const tolerance = opts.tolerance ?? 1e-9;
  const totalW = rows.reduce((s, r) => s + (r.w ?? 1), 0) || 1;
  // Parameters: [w_0..w_{d-1}, bias]; inactive features stay at 0.
  const beta = new Array<number>(d + 1).fill(0);
  const loss = (b: readonly number[]) => penalised(rows, b, d, l2, totalW) + (l2Bias / 2) * (b[d] ?? 0) ** 2;
  let current = loss(beta);
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    const g = new Array<number>(d + 1).fill(0);
    const h = Array.from({ length: d + 1 }, () => new Array<number>(d + 1).fill(0));
    for (const r of rows) {
      const w = (r.w ?? 1) / totalW;
      const xb = [...r.x, 1];
      const p = sigmoid(dotAll(xb, beta) + (r.offset ?? 0));
      const s = w * p * (1 - p);
      for (let i = 0; i <= d; i++) {
        const xi = xb[i] ?? 0;
        g[i] = (g[i] ?? 0) + w * (p - r.y) * xi;
        const hi = h[i] as number[];
        for (let j = 0; j <= d; j++) hi[j] = (hi[j] ?? 0) + s * xi * (xb[j] ?? 0);
      }
    }
    for (let j = 0; j < d; j++) {
      g[j] = (g[j] ?? 0) + l2 * (beta[j] ?? 0);
      (h[j] as number[])[j] = ((h[j] as number[])[j] ?? 0) + l2;
    }
    g[d] = (g[d] ?? 0) + l2Bias * (beta[d] ?? 0);
    (h[d] as number[])[d] = ((h[d] as number[])[d] ?? 0) + l2Bias;
    // Inactive features: identity rows and zero gradient keep them at 0.
    for (let j = 0; j < d; j++) {
      if (active[j]) continue;
      g[j] = 0;
      for (let k = 0; k <= d; k++) (h[j] as number[])[k] = (h[k] as number[])[j] = k === j ? 1 : 0;
    }
    const step = solve(h, g);
    // Step halving keeps every iteration downhill even far from the optimum.
    let t = 1;
    let next = beta.map((b, i) => b - t * (step[i] ?? 0));
    let nextLoss = loss(next);
    while (nextLoss > current + 1e-15 && t > 1e-6) {
      t /= 2;
      next = beta.map((b, i) => b - t * (step[i] ?? 0));
      nextLoss = loss(next);
    }
    const moved = Math.max(...next.map((b, i) => Math.abs(b - (beta[i] ?? 0))));
    next.forEach((b, i) => (beta[i] = b));
    current = nextLoss;
    if (moved < tolerance) break;
  }
  return { weights: beta.slice(0, d), bias: beta[d] ?? 0, iterations, logLoss: current - penalty(beta, d, l2) - (l2Bias / 2) * (beta[d] ?? 0) ** 2 };
}

function dotAll(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] ?? 0) * (b[i] ?? 0);
  return s;
}

function penalty(beta: readonly number[], d: number, l2: number): number {
  let s = 0;
  for (let j = 0; j < d; j++) s += (beta[j] ?? 0) ** 2;
  return (l2 / 2) * s;
}

function penalised(rows: readonly LabelledRow[], beta: readonly number[], d: number, l2: number, totalW: number): number {
  let s = 0;
  for (const r of rows) {
    const z = dotAll([...r.x, 1], beta) + (r.offset ?? 0);
    // log(1 + e^z) - y z, computed without overflow.
    const softplus = z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
    s += ((r.w ?? 1) / totalW) * (softplus - r.y * z);
  }
  return s + penalty(beta, d, l2);
}

/** Solve A x = b by Gaussian elimination with partial pivoting (A is small and positive definite here). */
export function solve(a: readonly (readonly number[])[], b: readonly number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i] ?? 0]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r]?.[col] ?? 0) > Math.abs(m[pivot]?.[col] ?? 0)) pivot = r;
    [m[col], m[pivot]] = [m[pivot] as number[], m[col] as number[]];
    const p = m[col] as number[];
    const pv = p[col] ?? 0;
    if (Math.abs(pv) < 1e-300) throw new Error('singular system in logistic fit');
    for (let r = col + 1; r < n; r++) {
      const row = m[r] as number[];
      const f = (row[col] ?? 0) / pv;
      for (let k = col; k <= n; k++) row[k] = (row[k] ?? 0) - f * (p[k] ?? 0);
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    const row = m[i] as number[];
    let s = row[n] ?? 0;
    for (let k = i + 1; k < n; k++) s -= (row[k] ?? 0) * (x[k] ?? 0);
    x[i] = s / (row[i] ?? 1);
  }
  return x;
}
