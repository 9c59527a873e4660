/** Seeded pseudo-random numbers: reproducible synthetic data for benchmarks and tests (not for security). */

export type Rng = () => number;

/**
 * mulberry32: small, fast, and the same sequence for the same seed on every run.
 *
 * @example
 * const r = createRng(42);
 * r(); // same value on every run, in [0, 1)
 */
export function createRng(seed: number): Rng {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
