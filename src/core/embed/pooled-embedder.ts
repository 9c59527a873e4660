/**
 * An Embedder for models that read only the start of a text (USE-lite keeps its first 128 tokens):
 * a text longer than `windowTokens` estimated tokens is cut at sentence ends into windows that fit,
 * each window is embedded, and the vectors are averaged (weighted by each window's estimated tokens)
 * into one unit vector, so the whole text counts, not its first ~100 words. Shorter texts go to the
 * inner embedder unchanged. The id changes (`<inner>+pool<N>`): the vectors differ from the inner
 * embedder's, so saved indexes, reference statistics and calibrations are per id. The windowed
 * embedder does the embedding and pooling; this only chooses the windows (sentences, not word runs).
 */
import type { Embedder } from '../ports.js';
import { splitSentences } from '../text/normalize.js';
import { createError } from '../errors.js';
import { estimateTokens, splitWindows } from './budget.js';
import { createWindowedEmbedder } from './windowed-embedder.js';

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
 * The windowed embedder with sentence windows and no window caps, under its own id.
 *
 * @example
 * const e = createPooledEmbedder(useLite, { windowTokens: 160 }); // id 'use-lite+pool160'
 */
export function createPooledEmbedder<E extends Embedder>(inner: E, opts: PooledOptions): E {
  const limit = Math.max(8, Math.floor(opts.windowTokens));
  // A text within the limit goes whole (as written, not re-joined from its sentences).
  const split = (text: string, max: number) => (estimateTokens(text) <= max ? [text] : sentenceWindows(text, max));
  const windowed = createWindowedEmbedder(inner, { windowTokens: limit, maxWindowsPerText: Infinity, maxTokensPerCall: Infinity, split });
  return { ...windowed, id: `${inner.id}+pool${limit}` };
}

/**
 * The evaluation's `EVAL_POOL_TOKENS` setting applied to an embedder: unset leaves it as it is; a
 * whole number of at least 8 pools windows of that many estimated tokens.
 *
 * @example
 * const embedder = pooledIfAsked(base, process.env.EVAL_POOL_TOKENS);
 */
export function pooledIfAsked<E extends Embedder>(inner: E, setting: string | undefined): E {
  if (setting === undefined || setting.trim() === '') return inner;
  const n = Number(setting);
  if (!Number.isInteger(n) || n < 8) throw createError('BAD_INPUT', `EVAL_POOL_TOKENS must be a whole number of at least 8 (got "${setting}")`);
  return createPooledEmbedder(inner, { windowTokens: n });
}
