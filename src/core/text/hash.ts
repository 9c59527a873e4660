/**
 * 53-bit FNV-1a style string hash (two 32-bit lanes), runtime-neutral and
 * synchronous. Used for content-addressed passage ids and call-set hashes,
 * not for security.
 *
 * @example
 * hashText('abc') === hashText('abc') // true; a 13-char base-36 string
 */
export function hashText(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 13;
  }
  const hi = (h2 >>> 0) & 0x1fffff;
  return (hi * 0x100000000 + (h1 >>> 0)).toString(36).padStart(11, '0');
}

/**
 * SHA-256 of bytes or text (UTF-8) as hex, with Web Crypto (the same in Node 20 and Workers). The
 * one digest helper: content hashes of fetched documents, explanation and embedding cache keys.
 *
 * @example
 * await sha256Hex('abc') // 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
 */
export async function sha256Hex(data: Uint8Array | string): Promise<string> {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  let hex = '';
  for (const b of new Uint8Array(digest)) hex += b.toString(16).padStart(2, '0');
  return hex;
}
