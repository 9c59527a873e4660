import { describe, expect, it } from 'vitest';
import { lowRankCovariance } from './pca.js';

describe('lowRankCovariance', () => {
  it('finds the mean, the main direction and its variance', () => {
    // Points spread along (1,1,0)/sqrt2 around (1,0,0), with a little spread along z.
    const rows = [-2, -1, 0, 1, 2].flatMap((t) => [-0.1, 0.1].map((z) => Float32Array.from([1 + t / Math.SQRT2, t / Math.SQRT2, z])));
    const pca = lowRankCovariance(rows, 1);
    expect(pca.mean[0]).toBeCloseTo(1, 6);
    const u = pca.components[0] as Float64Array;
    expect(Math.abs((u[0] as number) + (u[1] as number)) / Math.SQRT2).toBeCloseTo(1, 4);
    // Sample variance of t over the 10 rows: sum t^2 = 20, / 9.
    expect(pca.variances[0]).toBeCloseTo(20 / 9, 4);
    expect(pca.residual).toBeGreaterThan(0);
    expect(pca.explained).toBeGreaterThan(0.9);
  });
});
