/** Seeded random data for contract tests, so a failure reproduces exactly. */

/** mulberry32: tiny seeded PRNG returning floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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
