/**
 * An Embedder for models that read only the start of a text (USE-lite keeps its first 128 tokens):
 * a text longer than `windowTokens` estimated tokens is cut at sentence ends into windows that fit,
 * each window is embedded, and the vectors are averaged (weighted by each window's estimated tokens)
 * into one unit vector, so the whole text counts, not its first ~100 words. Shorter texts go to the
 * inner embedder unchanged. The id changes (`<inner>+pool<N>`): the vectors differ from the inner
 * embedder's, so saved indexes, reference statistics and calibrations are per id.
 */
import type { Embedder } from '../ports.js';
import { splitSentences } from '../text/normalize.js';
import { estimateTokens, splitWindows } from './budget.js';

export interface PooledOptions {
  /** Estimated tokens a window holds at most (~0.73 model tokens each for USE-lite on English prose). */
  windowTokens: number;
}

/**
 * Sentences packed in order into windows of at most `limit` estimated tokens; a sentence longer than
 * the limit is cut by words (splitWindows).
 *
 * @example
 * sentenceWindows('One two. Three four. Five six.', 8) // ['One two. Three four.', 'Five six.']
 */
export function sentenceWindows(text: string, limit: number): string[] {
  const out: string[] = [];
  let cur = '';
  let curTokens = 0;
  for (const s of splitSentences(text)) {
    for (const piece of splitWindows(s, limit)) {
      const n = estimateTokens(piece);
      if (cur && curTokens + n > limit) {
        out.push(cur);
        cur = '';
        curTokens = 0;
      }
      cur = cur ? `${cur} ${piece}` : piece;
      curTokens += n;
    }
  }
  if (cur) out.push(cur);
  return out.length ? out : [text];
}

/**
 * @example
 * const e = createPooledEmbedder(useLite, { windowTokens: 160 }); // id 'use-lite+pool160'
 */
export function createPooledEmbedder<E extends Embedder>(inner: E, opts: PooledOptions): E {
  const limit = Math.max(8, Math.floor(opts.windowTokens));
  async function embed(texts: readonly string[]): Promise<Float32Array[]> {
    const plans = texts.map((t) => (estimateTokens(t) <= limit ? [t] : sentenceWindows(t, limit)));
    if (plans.every((p) => p.length === 1)) return inner.embed(plans.map((p) => p[0] as string));
    const vectors = await inner.embed(plans.flat());
    const out: Float32Array[] = [];
    let at = 0;
    for (const windows of plans) {
      const part = vectors.slice(at, at + windows.length);
      at += windows.length;
      if (windows.length === 1) {
        out.push(part[0] as Float32Array);
        continue;
      }
      const v = new Float32Array(inner.dimensions);
      windows.forEach((w, i) => {
        const weight = estimateTokens(w);
        const x = part[i] as Float32Array;
        for (let d = 0; d < v.length; d++) v[d] = (v[d] as number) + weight * (x[d] as number);
      });
      let norm = 0;
      for (let d = 0; d < v.length; d++) norm += (v[d] as number) ** 2;
      norm = Math.sqrt(norm) || 1;
      for (let d = 0; d < v.length; d++) v[d] = (v[d] as number) / norm;
      out.push(v);
    }
    return out;
  }
  return { ...inner, id: `${inner.id}+pool${limit}`, embed } as E;
}
