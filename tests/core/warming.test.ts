/**
 * A first start ranks before its calls are embedded: warm() registers them for lexical search,
 * sync() embeds in the background, and rankings and /healthz say `warming` until it is done.
 */
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/http/app.js';
import { callPassages } from '../../src/core/corpus/passages.js';
import { createFlatIndex } from '../../src/core/flat-index.js';
import { createMatcher } from '../../src/core/matcher.js';
import { createMemoryStore } from '../../src/core/memory-store.js';
import type { Embedder } from '../../src/core/ports.js';
import { createFakeEmbedder } from '../fixtures/fake-embedder.js';
import { bundledCalls, LAM_DRAFT, TODAY } from '../http/helpers.js';

const PASSAGE_TEXTS = new Set(bundledCalls().flatMap((c) => callPassages(c).map((p) => p.text)));

/** The fake embedder, except that embedding the calls' passages waits until `release()`. */
function gatedEmbedder(): Embedder & { release(): void } {
  const inner = createFakeEmbedder(64);
  let open!: () => void;
  const gate = new Promise<void>((r) => (open = r));
  return {
    id: inner.id,
    dimensions: inner.dimensions,
    // The calls' passages wait; the draft and its sentences are embedded at once.
    embed: async (texts) => (texts.some((t) => PASSAGE_TEXTS.has(t)) ? gate.then(() => inner.embed(texts)) : inner.embed(texts)),
    release: () => open(),
  };
}

describe('warming up', () => {
  it('ranks lexically and says so while the calls are embedded, then ranks as usual', async () => {
    const embedder = gatedEmbedder();
    const matcher = createMatcher({ embedder, index: createFlatIndex({ dimensions: 64 }), store: createMemoryStore(bundledCalls()), today: () => TODAY });
    const status = await matcher.warm();
    expect(status).toMatchObject({ state: 'warming', embedded: 0 });
    expect(status.total).toBeGreaterThan(10);
    const synced = matcher.sync();

    const early = await matcher.rank(LAM_DRAFT);
    expect(early.index).toMatchObject({ state: 'warming', embedded: 0 });
    expect(early.results[0]?.call_id).toBe('ieee-network-lam-ioe');
    expect(early.results.every((r) => r.components.dense === 0 && r.matched_topics.length === 0)).toBe(true);
    const health = (await (await createApp({ matcher }).request('/healthz')).json()) as { index: { state: string } };
    expect(health.index.state).toBe('warming');

    embedder.release();
    await synced;
    expect(matcher.indexStatus()).toEqual({ state: 'ready', embedded: status.total, total: status.total });
    const later = await matcher.rank(LAM_DRAFT);
    expect(later.index).toBeUndefined();
    expect(later.results[0]?.components.dense).toBeGreaterThan(0);
  });

  it('is ready at once when every passage is already in the index', async () => {
    const matcher = createMatcher({ embedder: createFakeEmbedder(64), index: createFlatIndex({ dimensions: 64 }), store: createMemoryStore(bundledCalls()), today: () => TODAY });
    await matcher.sync();
    expect((await matcher.warm()).state).toBe('ready');
    expect((await matcher.rank(LAM_DRAFT)).index).toBeUndefined();
  });
});
