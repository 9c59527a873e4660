/**
 * `npm run bench -- --only window`: USE-lite's cost by text length, in one thread, and the same texts
 * through the token-window embedder; the numbers behind EMBED_WINDOW_TOKENS (docs/reliability.md).
 * Texts are real CFP prose from data/calls. `embed whole ms` is the model's own embed() of the whole
 * text, which tokenizes it again inside.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadUseModel } from '../adapters/node/use-lite-model.js';
import { createUseLiteEmbedder } from '../adapters/node/use-lite-embedder.js';
import { estimateTokens } from '../core/embed/budget.js';
import { createWindowedEmbedder } from '../core/embed/windowed-embedder.js';

export interface WindowRow {
  chars: number;
  /** USE-lite's own tokens, and the estimate the windows are cut by. */
  tokens: number;
  estimated: number;
  tokenizeMs: number;
  /** One embed() of the whole text (tokenizing again inside). */
  modelMs: number;
  /** The same text through createWindowedEmbedder (1,024 estimated tokens a window). */
  windowedMs: number;
  windows: number;
}

export interface WindowResult {
  rows: WindowRow[];
  maxChars: number;
}

async function prose(dataDir = 'data/calls'): Promise<string> {
  const parts: string[] = [];
  for (const name of (await readdir(dataDir)).filter((n) => n.endsWith('.txt')).sort()) parts.push(await readFile(join(dataDir, name), 'utf8'));
  return parts.join('\n').replace(/\s+/g, ' ');
}

/**
 * @example
 * const r = await benchWindows(16_000); // about a minute; 20,000+ characters take far longer unwindowed
 */
export async function benchWindows(maxChars = 16_000): Promise<WindowResult> {
  let text = await prose();
  while (text.length < maxChars) text += ` ${text}`;
  const use = await loadUseModel();
  await use.embed(['warm up the model']);
  const windowed = createWindowedEmbedder(createUseLiteEmbedder({ threads: 1 }));
  await windowed.embed(['warm up the model']);
  const rows: WindowRow[] = [];
  for (const chars of [250, 500, 1_000, 2_000, 4_000, 8_000, 12_000, 16_000, 20_000, 24_000].filter((c) => c <= maxChars)) {
    const t = text.slice(0, chars);
    let t0 = performance.now();
    const tokens = use.tokenizer.encode(t).length;
    const tokenizeMs = Math.round(performance.now() - t0);
    t0 = performance.now();
    await use.embed([t]);
    const modelMs = Math.round(performance.now() - t0);
    t0 = performance.now();
    await windowed.embed([t]);
    const windowedMs = Math.round(performance.now() - t0);
    const estimated = estimateTokens(t);
    rows.push({ chars, tokens, estimated, tokenizeMs, modelMs, windowedMs, windows: Math.max(1, Math.ceil(estimated / 1_024)) });
  }
  use.model.dispose();
  await windowed.dispose?.();
  return { rows, maxChars };
}
