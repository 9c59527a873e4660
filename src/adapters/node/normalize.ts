/**
 * L2 normalisation shared by the embedders: the Embedder port promises unit
 * vectors whatever the model returns.
 */

/**
 * Copy `v` into a Float32Array of unit length. A zero vector stays zero.
 *
 * @example
 * l2Normalize([3, 4]); // Float32Array [0.6, 0.8]
 */
export function l2Normalize(v: ArrayLike<number>): Float32Array {
  let sum = 0;
  for (let i = 0; i < v.length; i++) sum += (v[i] as number) * (v[i] as number);
  const out = Float32Array.from(v);
  if (sum === 0) return out;
  const inv = 1 / Math.sqrt(sum);
  for (let i = 0; i < out.length; i++) out[i] = (out[i] as number) * inv;
  return out;
}
