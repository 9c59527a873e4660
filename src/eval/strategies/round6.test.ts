import { describe, expect, it } from 'vitest';
import { createFakeEmbedder } from '../../../tests/fixtures/fake-embedder.js';
import { loadReferencePopulation } from '../../adapters/node/reference-file.js';
import { CALL_BM25, createCorpus } from '../../core/corpus/corpus.js';
import { createFlatIndex } from '../../core/flat-index.js';
import { prepareDraft } from '../../core/rank/draft.js';
import { DEFAULT_RANK_PARAMS } from '../../core/rank/fusion.js';
import { scoreCalls } from '../../core/rank/score-calls.js';
import { Call } from '../../core/schema.js';
import { tokenize } from '../../core/text/tokens.js';
import { expansionTerms } from './expansion.js';
import { lexicalVariantStrategy, titleWeighted } from './lexical-variant-strategy.js';
import { ROUND6_STRATEGIES } from './round6.js';

const embedder = createFakeEmbedder(16, 'fake-16');

async function suite() {
  const reference = await loadReferencePopulation(embedder.id);
  const corpus = createCorpus({ embedder, index: createFlatIndex({ dimensions: 16 }), ...(reference ? { reference } : {}) });
  await corpus.upsert([
    Call.parse({ id: 'mt', title: 'Machine translation' }),
    Call.parse({ id: 'comics', title: 'Comics as scholarship' }),
    Call.parse({ id: 'nlp', title: 'Low-resource NLP', scope: 'Machine translation, parsing and tagging for languages with little data. Translation of comics is welcome.', topics: ['parsing', 'tagging'] }),
    Call.parse({ id: 'astro', title: 'Galaxies', scope: 'Galaxy clusters, dark matter and the early universe.' }),
  ]);
  const prepared = prepareDraft({ title: 'Translating comics', abstract: 'Machine translation of comics for languages with little data; translation quality of speech balloons.', keywords: [] });
  const [vector] = await embedder.embed([prepared.text]);
  return { corpus, draft: { ...prepared, vector: vector as Float32Array }, callIds: [...corpus.calls.keys()] };
}

const byId = (xs: ReadonlyArray<{ callId: string; score: number }>) => Object.fromEntries(xs.map((x) => [x.callId, x.score]));

describe('round-6 ablations', () => {
  it('a variant with the service\'s own options scores exactly as the service', async () => {
    const { corpus, draft, callIds } = await suite();
    const same = lexicalVariantStrategy('same', { bm25: CALL_BM25 });
    await same.prepare?.({ corpus, embedder });
    expect(byId(same.score({ corpus, draft, callIds }))).toEqual(byId(scoreCalls(corpus, draft, callIds, DEFAULT_RANK_PARAMS)));
  });

  it('hybrid-r5 (k1 1.2, no title-only weights) scores differently from the service, and its title-only variant matches it on calls with text', async () => {
    const { corpus, draft, callIds } = await suite();
    const pick = (name: string) => {
      const s = ROUND6_STRATEGIES.find((x) => x.name === name);
      if (!s) throw new Error(name);
      return s;
    };
    const r5 = pick('hybrid-r5');
    const tow = pick('r6-tow.4');
    await r5.prepare?.({ corpus, embedder });
    await tow.prepare?.({ corpus, embedder });
    const service = byId(scoreCalls(corpus, draft, callIds, DEFAULT_RANK_PARAMS));
    const before = byId(r5.score({ corpus, draft, callIds }));
    const towScores = byId(tow.score({ corpus, draft, callIds }));
    expect(before).not.toEqual(service);
    // r6-tow.4 changes only the title-only calls' weights.
    expect(towScores.nlp).toBeCloseTo(before.nlp ?? NaN, 12);
    expect(towScores.astro).toBeCloseTo(before.astro ?? NaN, 12);
    expect(towScores.mt).not.toBeCloseTo(before.mt ?? NaN, 6);
  });

  it('titleWeighted repeats the title in the call document', () => {
    const call = Call.parse({ id: 'x', title: 'Comics', scope: 'Graphic novels.' });
    expect(tokenize(titleWeighted(3)(call))).toEqual(['comic', 'comic', 'comic', 'graphic', 'novel']);
  });

  it('expansionTerms takes the nearest abstracts\' frequent, rare-in-the-population terms', () => {
    const population = [['galaxi', 'galaxi', 'dark', 'matter'], ['galaxi', 'cluster'], ['protein', 'fold'], ['dark', 'protein']].map((tokens) => ({ tokens }));
    const df = new Map<string, number>();
    for (const a of population) for (const t of new Set(a.tokens)) df.set(t, (df.get(t) ?? 0) + 1);
    const terms = expansionTerms(population, [0, 1], df, 2);
    expect(terms[0]).toBe('galaxi');
    expect(terms).not.toContain('protein');
    expect(expansionTerms(population, [], df, 5)).toEqual([]);
  });
});
