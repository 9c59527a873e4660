/** Seeded random data for contract tests, so a failure reproduces exactly. */

export { createRng as seededRandom } from '../../src/core/random.js';
import { createRng as seededRandom } from '../../src/core/random.js';

/**
 * `count` random unit vectors of `dims` dimensions (Gaussian, then normalised).
 *
 * @example
 * const [a, b] = randomUnitVectors(2, 16, 7);
 */
export function randomUnitVectors(count: number, dims: number, seed: number): Float32Array[] {
  const rand = seededRandom(seed);
  const gauss = (): number => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  return Array.from({ length: count }, () => {
    const v = Float32Array.from({ length: dims }, gauss);
    const norm = Math.hypot(...v);
    return v.map((x) => x / norm);
  });
}

/** Cosine of two unit vectors. */
export function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] as number) * (b[i] as number);
  return s;
}
