import { describe, expect, it } from 'vitest';
import { createFakeEmbedder } from '../../../tests/fixtures/fake-embedder.js';
import { loadReferencePopulation } from '../../adapters/node/reference-file.js';
import { createCorpus } from '../../core/corpus/corpus.js';
import { createFlatIndex } from '../../core/flat-index.js';
import { mergeExemplars } from '../../core/papers/exemplars.js';
import { ExemplarInput } from '../../core/papers/schema.js';
import { prepareDraft } from '../../core/rank/draft.js';
import { DEFAULT_RANK_PARAMS } from '../../core/rank/fusion.js';
import { scoreCalls } from '../../core/rank/score-calls.js';
import { Call } from '../../core/schema.js';
import { exemplarRound7ByName } from './exemplar-round7.js';

const embedder = createFakeEmbedder(16, 'fake-16');

const papers = (...titles: string[]) => mergeExemplars([], titles.map((title) => ExemplarInput.parse({ title, abstract: `${title}: a study with data and results.` })), 'manual').papers;

async function suite() {
  const reference = await loadReferencePopulation(embedder.id);
  const corpus = createCorpus({ embedder, index: createFlatIndex({ dimensions: 16 }), ...(reference ? { reference } : {}) });
  await corpus.upsert([
    Call.parse({ id: 'mt', title: 'Machine translation', papers: papers('Neural machine translation of comics', 'Translation quality estimation') }),
    Call.parse({ id: 'comics', title: 'Comics as scholarship', scope: 'Graphic novels, comics and their readers.', papers: papers('Reading graphic novels', 'Comics in the classroom', 'Speech balloons') }),
    Call.parse({ id: 'nlp', title: 'Low-resource NLP', scope: 'Machine translation, parsing and tagging for languages with little data.', topics: ['parsing', 'tagging'] }),
    Call.parse({ id: 'astro', title: 'Galaxies', scope: 'Galaxy clusters, dark matter and the early universe.', papers: papers('Dark matter halos') }),
  ]);
  const prepared = prepareDraft({ title: 'Translating comics', abstract: 'Machine translation of comics for languages with little data; translation quality of speech balloons.', keywords: [] });
  const [vector] = await embedder.embed([prepared.text]);
  return { corpus, draft: { ...prepared, vector: vector as Float32Array }, callIds: [...corpus.calls.keys()] };
}

const ROUND7_SERVICE = { ...DEFAULT_RANK_PARAMS, exemplar: { ...DEFAULT_RANK_PARAMS.exemplar, rescaleFrom: 0 } };

const byId = (xs: ReadonlyArray<{ callId: string; score: number }>) => Object.fromEntries(xs.map((x) => [x.callId, x.score]));

async function scored(name: string) {
  const { corpus, draft, callIds } = await suite();
  const strategy = exemplarRound7ByName(name);
  if (!strategy) throw new Error(name);
  await strategy.prepare?.({ corpus, embedder });
  // The round-7 service: the exemplar term added as it is, without session 12's map of papered calls' scores (`ex:rs=0`).
  return { variant: byId(strategy.score({ corpus, draft, callIds })), service: byId(scoreCalls(corpus, draft, callIds, ROUND7_SERVICE)) };
}

describe('round-7 exemplar variants', () => {
  it("'ex7:' with the service's options scores exactly as the service", async () => {
    const { variant, service } = await scored('ex7:');
    expect(variant).toEqual(service);
  });

  it('a variant moves only calls with papers; toh=2 (the service before round 7) moves only title-only calls with papers', async () => {
    for (const name of ['ex7:center=1', 'ex7:lex=aug', 'ex7:ref=1', 'ex7:dense=top2,lex=max']) {
      const { variant, service } = await scored(name);
      expect(variant.nlp, name).toBe(service.nlp);
      expect(variant, name).not.toEqual(service);
    }
    const { variant, service } = await scored('ex7:toh=2');
    expect(variant.mt).not.toBeCloseTo(service.mt ?? NaN, 6);
    expect(variant.comics).toBe(service.comics);
    expect(variant.nlp).toBe(service.nlp);
  });

  it('names a bad option, and ignores other prefixes', () => {
    expect(() => exemplarRound7ByName('ex7:dense=sum')).toThrow(/dense=sum/);
    expect(() => exemplarRound7ByName('ex7:q=raw')).toThrow(/needs ref=1/);
    expect(exemplarRound7ByName('exv:w=1')).toBeUndefined();
  });
});
