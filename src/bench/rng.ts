/** Seeded pseudo-random numbers, so every synthetic benchmark input is reproducible from its seed. */

import type { Rng } from '../core/random.js';

export { createRng, type Rng } from '../core/random.js';

/** Integer in [lo, hi]. */
export function intBetween(r: Rng, lo: number, hi: number): number {
  return lo + Math.floor(r() * (hi - lo + 1));
}

/** A random element of a non-empty list. */
export function pick<T>(r: Rng, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)] as T;
}

/** Standard normal sample (Box-Muller). */
export function gaussian(r: Rng): number {
  const u = Math.max(r(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r());
}

/** Random unit vector of `dims` dimensions. */
export function randomUnit(r: Rng, dims: number): Float32Array {
  const v = new Float32Array(dims);
  for (let i = 0; i < dims; i++) v[i] = gaussian(r);
  return normalizeInPlace(v);
}

/** Scale `v` to unit length (a zero vector stays zero). */
export function normalizeInPlace(v: Float32Array): Float32Array {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += (v[i] as number) * (v[i] as number);
  if (s > 0) {
    const inv = 1 / Math.sqrt(s);
    for (let i = 0; i < v.length; i++) v[i] = (v[i] as number) * inv;
  }
  return v;
}
