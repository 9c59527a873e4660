import { describe, expect, it } from 'vitest';
import { createUseLiteEmbedder } from '../../src/adapters/node/use-lite-embedder.js';
import { testEmbedder } from '../contracts/embedder.js';

testEmbedder('use-lite', () => createUseLiteEmbedder({ batchSize: 16 }), { dimensions: 512, semantic: true });

describe('createUseLiteEmbedder', () => {
  it('does not load the model until it is needed, and concurrent first calls agree', async () => {
    const embedder = createUseLiteEmbedder();
    expect(embedder.dimensions).toBe(512); // known before any load
    const [a, b] = await Promise.all([embedder.embed(['power grids']), embedder.embed(['power grids'])]);
    expect(Array.from(a[0] ?? [])).toEqual(Array.from(b[0] ?? []));
    await embedder.dispose();
    // After dispose, a new call loads again rather than using a disposed model.
    expect(await embedder.embed(['again'])).toHaveLength(1);
    await embedder.dispose();
  });
});
