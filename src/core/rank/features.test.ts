import { describe, expect, it } from 'vitest';
import { createFakeEmbedder } from '../../../tests/fixtures/fake-embedder.js';
import { createCorpus } from '../corpus/corpus.js';
import { createFlatIndex } from '../flat-index.js';
import { Call } from '../schema.js';
import { prepareDraft } from './draft.js';
import { tokenize } from '../text/tokens.js';
import { callFeature, isTitleOnly, TITLE_FIELD_WEIGHT } from './features.js';

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

describe('the call-title field', () => {
  const texts = [
    ['Galaxy clusters', 'Dark matter in the early universe.'],
    ['Protein folding', 'Enzyme kinetics of folding proteins.'],
    ['Neural machine translation', 'Translation of low-resource languages.'],
    ['Soil erosion', 'Erosion in farmland and its measurement.'],
    ['Comics studies', 'Graphic novels as scholarship.'],
  ];
  const population = (titled: boolean) => ({ abstracts: texts.map(([t, a]) => ({ tokens: tokenize(`${t}. ${a}`), ...(titled ? { titleTokens: tokenize(t ?? '') } : {}) })) });
  const calls = [
    Call.parse({ id: 'mt', title: 'Machine translation', scope: 'Comics and graphic novels translated into other languages.' }),
    Call.parse({ id: 'comics', title: 'Comics and graphic novels', scope: 'Machine translation of comics into other languages.' }),
  ];
  const setup = async (titled: boolean) => {
    const embedder = createFakeEmbedder(16, 'fake-16');
    const corpus = createCorpus({ embedder, index: createFlatIndex({ dimensions: 16 }), reference: population(titled) });
    await corpus.upsert(calls);
    const prepared = prepareDraft({ title: 'Machine translation', abstract: 'Comics and graphic novels translated into other languages by machine translation.', keywords: [] });
    const [vector] = await embedder.embed([prepared.text]);
    return { corpus, draft: { ...prepared, vector: vector as Float32Array } };
  };

  it("lifts the call whose title the draft's title matches, read against the population's titles", async () => {
    const { corpus, draft } = await setup(true);
    expect(corpus.reference?.of('mt')?.title).toBeDefined();
    const plain = await setup(false);
    expect(plain.corpus.reference?.of('mt')?.title).toBeUndefined();
    const gap = (c: typeof corpus, d: typeof draft) => callFeature(c, d, 'mt').normLexical - callFeature(c, d, 'comics').normLexical;
    // Both calls hold the same words; only the titles differ, and the draft's title is one of them.
    expect(gap(corpus, draft)).toBeGreaterThan(gap(plain.corpus, plain.draft) + 0.1);
    // The body part is the same; the title part is mixed in at its weight.
    const body = callFeature(plain.corpus, plain.draft, 'mt').normLexical;
    expect(callFeature(corpus, draft, 'mt').normLexical).not.toBeCloseTo(body, 6);
    expect(TITLE_FIELD_WEIGHT).toBeGreaterThan(0);
  });

  it('changes no order for a draft without a title', async () => {
    const { corpus, draft } = await setup(true);
    const untitled = { ...draft, titleTokens: [] };
    const plain = await setup(false);
    const with0 = calls.map((c) => callFeature(corpus, untitled, c.id).normLexical);
    const without = calls.map((c) => callFeature(plain.corpus, plain.draft, c.id).normLexical);
    // The title part is 0 for every call: every lexical score is the body's divided by 1 + weight.
    with0.forEach((x, i) => expect(x).toBeCloseTo((without[i] ?? NaN) / (1 + TITLE_FIELD_WEIGHT), 12));
  });
});
