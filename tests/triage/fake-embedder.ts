/**
 * A tiny deterministic Embedder for triage tests: hashed bag of words into 64
 * dimensions, L2-normalised. Texts that share words are close; no model loads.
 */
import type { Embedder } from '../../src/core/ports.js';

export const FAKE_DIMENSIONS = 64;

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

const STOP = new Set(['the', 'a', 'an', 'of', 'and', 'or', 'for', 'in', 'on', 'to', 'we', 'with', 'is', 'are', 'this', 'that', 'by']);

/**
 * @example
 * const [v] = await createFakeEmbedder().embed(['graph neural networks']);
 */
export function createFakeEmbedder(): Embedder & { calls: number } {
  const e = {
    id: 'fake-bow-64',
    dimensions: FAKE_DIMENSIONS,
    calls: 0,
    async embed(texts: readonly string[]): Promise<Float32Array[]> {
      e.calls++;
      return texts.map((t) => {
        const v = new Float32Array(FAKE_DIMENSIONS);
        for (const w of t.toLowerCase().match(/[a-z0-9]+/g) ?? []) if (!STOP.has(w)) {
          const i = fnv1a(w) % FAKE_DIMENSIONS;
          v[i] = (v[i] ?? 0) + 1;
        }
        let n = Math.hypot(...v);
        if (n === 0) {
          v[0] = 1;
          n = 1;
        }
        return v.map((x) => x / n);
      });
    },
  };
  return e;
}
