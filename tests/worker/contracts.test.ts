/**
 * The port contracts (tests/contracts) run against the Workers adapters, in Node, with the same
 * binding fakes the workerd tests load: Vectorize (exact in-memory cosine with the real limits),
 * Workers AI (hashed bag of words, not unit length) and a real local D1 from Miniflare.
 */
import { Miniflare } from 'miniflare';
import { afterAll } from 'vitest';
import type { D1Like } from '../../src/adapters/workers/bindings.js';
import { createD1FeedbackStore } from '../../src/adapters/workers/d1-feedback-store.js';
import { createD1Store } from '../../src/adapters/workers/d1-store.js';
import { createVectorizeIndex } from '../../src/adapters/workers/vectorize-index.js';
import { createWorkersAiEmbedder } from '../../src/adapters/workers/workers-ai-embedder.js';
import { testCallStore } from '../contracts/call-store.js';
import { testEmbedder } from '../contracts/embedder.js';
import { testFeedbackStore } from '../contracts/feedback-store.js';
import { testVectorIndex } from '../contracts/vector-index.js';
import makeFakeAi from './bindings/fake-ai.js';
import { createFakeVectorize } from './bindings/fake-vectorize.js';
import { d1OverFetch, d1SqlWorker } from './d1-over-fetch.js';
import { migrate } from './start-worker.js';

testVectorIndex(
  'vectorize (fake binding)',
  (dims) => {
    const registry = new Set<string>();
    return createVectorizeIndex({
      vectorize: createFakeVectorize(dims),
      dimensions: dims,
      registry: { add: async (ids) => void ids.forEach((id) => registry.add(id)), remove: async (ids) => void ids.forEach((id) => registry.delete(id)) },
    });
  },
  undefined,
  { selectiveFilter: false },
);

testEmbedder('workers-ai (fake binding)', () => createWorkersAiEmbedder({ ai: makeFakeAi(), batchSize: 7 }), { dimensions: 384 });

const mf = new Miniflare({ workers: [d1SqlWorker('contracts')] });
let migrated: Promise<D1Like> | undefined;
afterAll(() => mf.dispose());

testCallStore('d1 (Miniflare D1)', async () => {
  migrated ??= (async () => {
    const db = d1OverFetch(mf);
    await migrate(db);
    return db;
  })();
  const db = await migrated;
  // Each contract case starts from an empty store.
  await db.prepare('DELETE FROM calls').run();
  return createD1Store({ db });
});

testFeedbackStore('d1 (Miniflare D1)', async () => {
  migrated ??= (async () => {
    const db = d1OverFetch(mf);
    await migrate(db);
    return db;
  })();
  const db = await migrated;
  await db.prepare('DELETE FROM feedback').run();
  return createD1FeedbackStore({ db });
});
