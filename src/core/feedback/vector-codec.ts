/** Unit vectors as stored in feedback records: float32 little-endian, base64 (runtime-neutral: atob/btoa). */

/**
 * @example
 * decodeVector(encodeVector(new Float32Array([0.6, 0.8]))) // Float32Array [0.6, 0.8]
 */
export function encodeVector(v: Float32Array): string {
  const bytes = new Uint8Array(v.length * 4);
  const view = new DataView(bytes.buffer);
  v.forEach((x, i) => view.setFloat32(i * 4, x, true));
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/**
 * The vector of {@link encodeVector}; undefined when the text is not one.
 *
 * @example
 * decodeVector('AACAPw==') // Float32Array [1]
 */
export function decodeVector(text: string): Float32Array | undefined {
  let s: string;
  try {
    s = atob(text);
  } catch {
    return undefined;
  }
  if (s.length === 0 || s.length % 4) return undefined;
  const view = new DataView(new ArrayBuffer(s.length));
  for (let i = 0; i < s.length; i++) view.setUint8(i, s.charCodeAt(i));
  const out = new Float32Array(s.length / 4);
  for (let i = 0; i < out.length; i++) out[i] = view.getFloat32(i * 4, true);
  return out;
}
