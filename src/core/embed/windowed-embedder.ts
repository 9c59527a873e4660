/**
 * An Embedder that never sends a model more than a bounded window of text: long texts are cut
 * into windows of at most `windowTokens` estimated tokens, embedded, and mean-pooled (weighted by
 * each window's estimated tokens) back into one unit vector. Texts within the window, which is
 * every real abstract and call passage, go to the inner embedder unchanged, so their vectors are
 * exactly the inner embedder's.
 */
import type { Embedder } from '../ports.js';
import { estimateTokens, pickEvenly, splitWindows } from './budget.js';

export interface WindowOptions {
  /**
   * Estimated tokens per window (EMBED_WINDOW_TOKENS). Default 2048 (~1,500 USE-lite tokens of prose):
   * a whole text is cheapest per token up to ~4,500 USE-lite tokens and falls off a cliff past it
   * (`npm run bench -- --only window`), and every real abstract and call passage fits in one.
   */
  windowTokens?: number;
  /** Windows kept per text, spread evenly over it (EMBED_TEXT_WINDOWS). Default 8. */
  maxWindowsPerText?: number;
  /** Estimated tokens per embed() call (EMBED_CALL_TOKENS): past it, long texts keep fewer windows. Default 8192. */
  maxTokensPerCall?: number;
  /** How a text is cut into windows of at most `maxTokens`; one window means the text goes whole. Default {@link splitWindows} (by words). */
  split?: (text: string, maxTokens: number) => string[];
}

export const DEFAULT_WINDOWS: Required<WindowOptions> = { windowTokens: 2048, maxWindowsPerText: 8, maxTokensPerCall: 8192, split: splitWindows };

/** The inner embedder's optional extras (warm-up), passed through. */
type WithReady = Embedder & { ready?(): Promise<void> };

/**
 * @example
 * const embedder = createWindowedEmbedder(createUseLiteEmbedder({ threads: 2 }));
 * const [v] = await embedder.embed([twentyThousandCharacters]); // 4 windows of <= 2048 estimated tokens, pooled
 */
export function createWindowedEmbedder<E extends WithReady>(inner: E, opts: WindowOptions = {}): E {
  const o = { ...DEFAULT_WINDOWS, ...opts };
  async function embed(texts: readonly string[]): Promise<Float32Array[]> {
    const all = texts.map((t) => o.split(t, o.windowTokens));
    if (all.every((w) => w.length === 1)) return inner.embed(texts);
    const plans = budgetWindows(all, o);
    const flat = plans.flat();
    const vectors = await inner.embed(flat);
    const out: Float32Array[] = [];
    let at = 0;
    for (const windows of plans) {
      const part = vectors.slice(at, at + windows.length);
      at += windows.length;
      out.push(windows.length === 1 ? (part[0] as Float32Array) : pool(part, windows.map(estimateTokens), inner.dimensions));
    }
    return out;
  }
  // Spread keeps the inner embedder's own fields (name, threads, workerCount...); embed is replaced.
  return { ...inner, id: inner.id, dimensions: inner.dimensions, embed } as E;
}

/** Windows per text after the per-text cap, then the per-call cap (the texts with the most windows give some up first). */
function budgetWindows(all: readonly string[][], o: Required<WindowOptions>): string[][] {
  const counts = all.map((w) => Math.min(w.length, o.maxWindowsPerText));
  const tokens = all.map((w) => w.map(estimateTokens));
  const cost = (i: number) => pickEvenly(tokens[i] as number[], counts[i] as number).reduce((s, n) => s + n, 0);
  let total = counts.reduce((s, _, i) => s + cost(i), 0);
  while (total > o.maxTokensPerCall) {
    let widest = -1;
    counts.forEach((c, i) => {
      if (c > 1 && (widest < 0 || c > (counts[widest] as number))) widest = i;
    });
    if (widest < 0) break;
    total -= cost(widest);
    counts[widest] = (counts[widest] as number) - 1;
    total += cost(widest);
  }
  return all.map((w, i) => pickEvenly(w, counts[i] as number));
}

/** Token-weighted mean of unit vectors, renormalised to unit length. */
function pool(vectors: readonly Float32Array[], weights: readonly number[], dimensions: number): Float32Array {
  const sum = new Float32Array(dimensions);
  vectors.forEach((v, k) => {
    const w = Math.max(1, weights[k] ?? 1);
    for (let i = 0; i < dimensions; i++) sum[i] = (sum[i] as number) + w * (v[i] ?? 0);
  });
  let norm = 0;
  for (const x of sum) norm += x * x;
  norm = Math.sqrt(norm);
  if (norm === 0) return vectors[0] ?? sum;
  for (let i = 0; i < dimensions; i++) sum[i] = (sum[i] as number) / norm;
  return sum;
}
