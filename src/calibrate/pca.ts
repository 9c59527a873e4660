/**
 * Mean and top principal directions of a set of vectors (subspace iteration on the covariance),
 * for the reference population's dense statistics (corpus/reference.ts DenseStats).
 */

export interface LowRankCovariance {
  mean: Float64Array;
  components: Float64Array[];
  variances: number[];
  /** Mean variance in the directions the components leave out. */
  residual: number;
  /** Share of the total variance the components hold. */
  explained: number;
}

/**
 * @example
 * const pca = lowRankCovariance(vectors, 64);
 */
export function lowRankCovariance(rows: readonly Float32Array[], k: number, iterations = 60): LowRankCovariance {
  const n = rows.length;
  const d = rows[0]?.length ?? 0;
  const mean = new Float64Array(d);
  for (const r of rows) for (let i = 0; i < d; i++) mean[i] = (mean[i] as number) + (r[i] as number) / n;
  const cov = Array.from({ length: d }, () => new Float64Array(d));
  for (const r of rows) {
    const c = Float64Array.from(r, (x, i) => x - (mean[i] as number));
    for (let i = 0; i < d; i++) {
      const ci = c[i] as number;
      const row = cov[i] as Float64Array;
      for (let j = i; j < d; j++) row[j] = (row[j] as number) + (ci * (c[j] as number)) / Math.max(1, n - 1);
    }
  }
  for (let i = 0; i < d; i++) for (let j = 0; j < i; j++) (cov[i] as Float64Array)[j] = (cov[j] as Float64Array)[i] as number;
  const m = Math.min(k, d);
  // Deterministic start: the first m coordinate axes, mixed a little so none is orthogonal to the top space.
  let q: Float64Array[] = Array.from({ length: m }, (_, j) => Float64Array.from({ length: d }, (_, i) => (i === j ? 1 : 0) + 0.01 * Math.sin(i * (j + 1))));
  const mul = (v: Float64Array): Float64Array => {
    const out = new Float64Array(d);
    for (let i = 0; i < d; i++) {
      const row = cov[i] as Float64Array;
      let s = 0;
      for (let j = 0; j < d; j++) s += (row[j] as number) * (v[j] as number);
      out[i] = s;
    }
    return out;
  };
  const orthonormalise = (vs: Float64Array[]): Float64Array[] => {
    for (let a = 0; a < vs.length; a++) {
      const v = vs[a] as Float64Array;
      for (let b = 0; b < a; b++) {
        const u = vs[b] as Float64Array;
        let p = 0;
        for (let i = 0; i < d; i++) p += (u[i] as number) * (v[i] as number);
        for (let i = 0; i < d; i++) v[i] = (v[i] as number) - p * (u[i] as number);
      }
      let norm = 0;
      for (let i = 0; i < d; i++) norm += (v[i] as number) ** 2;
      norm = Math.sqrt(norm) || 1;
      for (let i = 0; i < d; i++) v[i] = (v[i] as number) / norm;
    }
    return vs;
  };
  q = orthonormalise(q);
  for (let it = 0; it < iterations; it++) q = orthonormalise(q.map(mul));
  const variances = q.map((u) => {
    const cu = mul(u);
    let s = 0;
    for (let i = 0; i < d; i++) s += (u[i] as number) * (cu[i] as number);
    return s;
  });
  let trace = 0;
  for (let i = 0; i < d; i++) trace += (cov[i] as Float64Array)[i] as number;
  const top = variances.reduce((s, x) => s + x, 0);
  return { mean, components: q, variances, residual: d > m ? Math.max(0, trace - top) / (d - m) : 0, explained: trace > 0 ? top / trace : 1 };
}
