import { describe, expect, it } from 'vitest';
import { createSyntheticEmbedder, syntheticCall, syntheticCalls } from '../../src/bench/synthetic-calls.js';
import { createWorld } from '../../src/bench/synthetic-world.js';
import { createCorpus } from '../../src/core/corpus/corpus.js';
import { createFlatIndex } from '../../src/core/flat-index.js';
import type { Embedder } from '../../src/core/ports.js';
import { callPassages } from '../../src/core/corpus/passages.js';

/** Records every text it is asked to embed. */
function recording(inner: Embedder): Embedder & { seen: string[] } {
  const seen: string[] = [];
  return { id: inner.id, dimensions: inner.dimensions, seen, embed: (texts) => (seen.push(...texts), inner.embed(texts)) };
}

describe('incremental indexing (the index is the embedding cache)', () => {
  const world = createWorld({ seed: 3, dims: 16 });

  it('embeds only the passages of an added call, also after a save and restore', async () => {
    const calls = syntheticCalls(world, 20);
    const embedder = recording(createSyntheticEmbedder(world));
    const index = createFlatIndex({ dimensions: 16 });
    const corpus = createCorpus({ embedder, index });
    const first = await corpus.upsert(calls);
    expect(first.embedded).toBe(calls.reduce((n, c) => n + callPassages(c).length, 0));

    const added = syntheticCall(world, 20);
    embedder.seen.length = 0;
    const second = await corpus.upsert([...calls, added]);
    expect(second.embedded).toBe(callPassages(added).length);
    expect(embedder.seen.sort()).toEqual(callPassages(added).map((p) => p.text).sort());

    // A restart: the saved index already holds every passage, so nothing is embedded again.
    const restarted = recording(createSyntheticEmbedder(world));
    const again = createCorpus({ embedder: restarted, index: createFlatIndex({ dimensions: 16 }, await index.save()) });
    expect((await again.upsert([...calls, added])).embedded).toBe(0);
    const next = syntheticCall(world, 21);
    expect((await again.upsert([next])).embedded).toBe(callPassages(next).length);
    expect(restarted.seen.length).toBe(callPassages(next).length);
  });

  it('re-embeds only the edited topic and the whole-call passage when one topic changes', async () => {
    const call = syntheticCall(world, 5);
    const embedder = recording(createSyntheticEmbedder(world));
    const corpus = createCorpus({ embedder, index: createFlatIndex({ dimensions: 16 }) });
    await corpus.upsert([call]);
    embedder.seen.length = 0;
    const edited = { ...call, topics: call.topics.map((t, i) => (i === 1 ? `${t} extra` : t)) };
    expect((await corpus.upsert([edited])).embedded).toBe(2);
    expect(corpus.index.size()).toBe(callPassages(edited).length);
  });
});
