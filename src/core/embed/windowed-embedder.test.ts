import { describe, expect, it } from 'vitest';
import { testEmbedder } from '../../../tests/contracts/embedder.js';
import { createFakeEmbedder } from '../../../tests/fixtures/fake-embedder.js';
import { estimateTokens } from './budget.js';
import { createWindowedEmbedder } from './windowed-embedder.js';

testEmbedder('windowed (fake inner)', () => createWindowedEmbedder(createFakeEmbedder(64)), { dimensions: 64 });

/** A fake that records what reached the model. */
function recording() {
  const inner = createFakeEmbedder(64);
  const seen: string[][] = [];
  const spy = { ...inner, embed: (texts: readonly string[]) => (seen.push([...texts]), inner.embed(texts)) };
  return { spy, seen, inner };
}

const words = Array.from({ length: 3_000 }, (_, i) => `w${(i * 7919) % 997}x`).join(' ');

describe('createWindowedEmbedder', () => {
  it('passes texts within the window to the model unchanged, in one call', async () => {
    const { spy, seen, inner } = recording();
    const texts = ['Short abstract one.', 'Another short text.'];
    const out = await createWindowedEmbedder(spy).embed(texts);
    expect(seen).toEqual([texts]);
    expect(out).toEqual(await inner.embed(texts));
  });

  it('never sends the model more than the window, and pools a long text into one unit vector', async () => {
    const { spy, seen } = recording();
    const out = await createWindowedEmbedder(spy, { windowTokens: 256 }).embed(['short', words]);
    expect(out).toHaveLength(2);
    for (const t of seen.flat()) expect(estimateTokens(t)).toBeLessThanOrEqual(256);
    const norm = Math.sqrt([...(out[1] as Float32Array)].reduce((s, x) => s + x * x, 0));
    expect(norm).toBeCloseTo(1, 5);
  });

  it('keeps at most maxWindowsPerText windows per text, spread over it', async () => {
    const { spy, seen } = recording();
    await createWindowedEmbedder(spy, { windowTokens: 64, maxWindowsPerText: 4 }).embed([words]);
    expect(seen.flat()).toHaveLength(4);
    expect(words.startsWith(seen.flat()[0] ?? '-')).toBe(true);
    expect(words.endsWith(seen.flat()[3] ?? '-')).toBe(true);
  });

  it('keeps a call within maxTokensPerCall by giving the widest texts fewer windows', async () => {
    const { spy, seen } = recording();
    await createWindowedEmbedder(spy, { windowTokens: 128, maxWindowsPerText: 8, maxTokensPerCall: 1_024 }).embed([words, words, 'short']);
    const sent = seen.flat();
    expect(sent.reduce((s, t) => s + estimateTokens(t), 0)).toBeLessThanOrEqual(1_024);
    expect(sent).toContain('short');
  });

  it('pools to the direction of the token-weighted mean of the window vectors', async () => {
    const { spy, inner } = recording();
    const [pooled] = await createWindowedEmbedder(spy, { windowTokens: 64, maxWindowsPerText: 1_000, maxTokensPerCall: 1e9 }).embed([words]);
    const { splitWindows } = await import('./budget.js');
    const windows = splitWindows(words, 64);
    const vs = await inner.embed(windows);
    const mean = new Float32Array(64);
    vs.forEach((v, k) => v.forEach((x, i) => (mean[i] = (mean[i] as number) + x * estimateTokens(windows[k] as string))));
    const n = Math.sqrt([...mean].reduce((s, x) => s + x * x, 0));
    for (let i = 0; i < 64; i++) expect(pooled?.[i]).toBeCloseTo((mean[i] as number) / n, 5);
  });
});
