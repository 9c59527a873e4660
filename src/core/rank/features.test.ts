import { describe, expect, it } from 'vitest';
import { createFakeEmbedder } from '../../../tests/fixtures/fake-embedder.js';
import { createCorpus } from '../corpus/corpus.js';
import { createFlatIndex } from '../flat-index.js';
import { Call } from '../schema.js';
import { prepareDraft } from './draft.js';
import { callFeature, isTitleOnly } from './features.js';

describe('isTitleOnly', () => {
  it('is true only for a call with neither topics nor scope text', () => {
    expect(isTitleOnly(Call.parse({ id: 'a', title: 'Minimal Computing' }))).toBe(true);
    expect(isTitleOnly(Call.parse({ id: 'b', title: 'Minimal Computing', scope: '   ' }))).toBe(true);
    expect(isTitleOnly(Call.parse({ id: 'c', title: 'Minimal Computing', scope: 'Small tools for the humanities.' }))).toBe(false);
    expect(isTitleOnly(Call.parse({ id: 'd', title: 'Minimal Computing', topics: ['static sites'] }))).toBe(false);
  });
});

describe('callFeature', () => {
  it('marks title-only calls, which fusion weighs differently', async () => {
    const embedder = createFakeEmbedder(16, 'fake-16');
    const corpus = createCorpus({ embedder, index: createFlatIndex({ dimensions: 16 }) });
    await corpus.upsert([
      Call.parse({ id: 'short', title: 'Machine translation' }),
      Call.parse({ id: 'long', title: 'Machine translation', scope: 'Neural machine translation for low-resource languages.' }),
    ]);
    const prepared = prepareDraft({ title: 'Low-resource translation', abstract: 'We translate between languages.', keywords: [] });
    const [vector] = await embedder.embed([prepared.text]);
    const draft = { ...prepared, vector: vector as Float32Array };
    expect(callFeature(corpus, draft, 'short').titleOnly).toBe(true);
    expect(callFeature(corpus, draft, 'long').titleOnly).toBe(false);
  });
});
