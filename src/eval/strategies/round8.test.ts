import { describe, expect, it } from 'vitest';
import { createFakeEmbedder } from '../../../tests/fixtures/fake-embedder.js';
import { loadReferencePopulation } from '../../adapters/node/reference-file.js';
import { CALL_BM25, createCorpus } from '../../core/corpus/corpus.js';
import { createFlatIndex } from '../../core/flat-index.js';
import { prepareDraft } from '../../core/rank/draft.js';
import { DEFAULT_RANK_PARAMS } from '../../core/rank/fusion.js';
import { scoreCalls } from '../../core/rank/score-calls.js';
import { Call } from '../../core/schema.js';
import { createBm25Index } from '../../core/text/bm25.js';
import { tokenize } from '../../core/text/tokens.js';
import { conditionalLogit, fitConditionalLogit } from '../experiments/round8-fit.js';
import { DEFAULT_SCORER_SET, pickScorers } from '../scorers.js';
import { learnedFusionStrategy, queryTokens, ROUND8_STRATEGIES, SERVICE_WEIGHTS } from './round8.js';
import { createLexicalModel } from './round8-lexical.js';

const embedder = createFakeEmbedder(16, 'fake-16');

const CALLS = [
  Call.parse({ id: 'mt', title: 'Machine translation' }),
  Call.parse({ id: 'comics', title: 'Comics as scholarship' }),
  Call.parse({ id: 'nlp', title: 'Low-resource NLP', scope: 'Machine translation, parsing and tagging for languages with little data. Translation of comics is welcome.', topics: ['parsing', 'tagging'] }),
  Call.parse({ id: 'astro', title: 'Galaxies', scope: 'Galaxy clusters, dark matter and the early universe.' }),
];

async function suite() {
  const reference = await loadReferencePopulation(embedder.id);
  const corpus = createCorpus({ embedder, index: createFlatIndex({ dimensions: 16 }), ...(reference ? { reference } : {}) });
  await corpus.upsert(CALLS);
  const prepared = prepareDraft({ title: 'Translating comics', abstract: 'Machine translation of comics for languages with little data. Translation quality of speech balloons.', keywords: [] });
  const [vector] = await embedder.embed([prepared.text]);
  return { corpus, draft: { ...prepared, vector: vector as Float32Array }, callIds: [...corpus.calls.keys()] };
}

const byId = (xs: ReadonlyArray<{ callId: string; score: number }>) => Object.fromEntries(xs.map((x) => [x.callId, x.score]));
const pick = (name: string) => {
  const s = ROUND8_STRATEGIES.find((x) => x.name === name);
  if (!s) throw new Error(name);
  return s;
};

describe('round-8 lexical model', () => {
  it('with the calls\' own IDF scores bit for bit as the service\'s BM25 index; a wide IDF does not', () => {
    const service = createBm25Index(CALL_BM25);
    const model = createLexicalModel({ kind: 'bm25' });
    const wide = createLexicalModel({ kind: 'bm25', idf: 'wide', background: [tokenize('machine learning for galaxies'), tokenize('comics and graphic novels')] });
    for (const c of CALLS) {
      const doc = `${c.title}. ${c.scope}. ${c.topics.join('. ')}`;
      service.upsert(c.id, doc);
      model.upsert(c.id, doc);
      wide.upsert(c.id, doc);
    }
    const q = tokenize('Machine translation of comics, translation of galaxies and dark matter');
    for (const c of CALLS) expect(model.lexical(q, c.id)).toEqual(service.lexical(q, c.id));
    expect(wide.score(q, 'astro')).not.toBeCloseTo(service.score(q, 'astro'), 6);
  });

  it('query likelihood ranks a document with the query\'s rare terms above one without them', () => {
    const m = createLexicalModel({ kind: 'ql', mu: 50, background: [tokenize('data and methods'), tokenize('data analysis')] });
    m.upsert('a', 'comics and graphic novels as scholarship');
    m.upsert('b', 'data analysis of galaxies');
    const q = tokenize('comics scholarship data');
    expect(m.score(q, 'a')).toBeGreaterThan(m.score(q, 'b'));
  });
});

describe('round-8 strategies', () => {
  it('r8-tt.3 (the call-title field, kept in round 8) scores bit for bit as the service; hybrid-r7, the service before it, does not', async () => {
    const { corpus, draft, callIds } = await suite();
    const service = byId(scoreCalls(corpus, draft, callIds, DEFAULT_RANK_PARAMS));
    const tt = pick('r8-tt.3');
    await tt.prepare?.({ corpus, embedder });
    expect(byId(tt.score({ corpus, draft, callIds }))).toEqual(service);
    const base = pick('hybrid-r7');
    await base.prepare?.({ corpus, embedder });
    const before = byId(base.score({ corpus, draft, callIds }));
    expect(before).not.toEqual(service);
    // The learned fusion at the service's weights is the service's fusion.
    const scores = byId(learnedFusionStrategy('lin', SERVICE_WEIGHTS).score({ corpus, draft, callIds }));
    for (const id of callIds) expect(scores[id]).toBeCloseTo(service[id] ?? NaN, 10);
    const other = byId(learnedFusionStrategy('lin', [0, 1, 0, 0, 0, 0, 0, 0]).score({ corpus, draft, callIds }));
    expect(other).not.toEqual(scores);
  });

  it('a title-weighted query changes the scores', async () => {
    const { corpus, draft, callIds } = await suite();
    const base = pick('hybrid-r7');
    const qt3 = pick('r8-qt3');
    await base.prepare?.({ corpus, embedder });
    await qt3.prepare?.({ corpus, embedder });
    expect(byId(qt3.score({ corpus, draft, callIds }))).not.toEqual(byId(base.score({ corpus, draft, callIds })));
  });

  it('r8-dtt adds the title-to-title cosine only when the draft\'s title is embedded', async () => {
    const { corpus, draft, callIds } = await suite();
    const dtt = pick('r8-dtt.3');
    const service = byId(scoreCalls(corpus, draft, callIds, DEFAULT_RANK_PARAMS));
    expect(byId(dtt.score({ corpus, draft, callIds, sentences: [] }))).toEqual(service);
    const [title] = await embedder.embed([draft.sentences[0] ?? '']);
    expect(byId(dtt.score({ corpus, draft, callIds, sentences: [{ text: draft.sentences[0] ?? '', index: 0, vector: title as Float32Array }] }))).not.toEqual(service);
  });

  it('queryTokens repeats the title and the first sentence', () => {
    const d = prepareDraft({ title: 'Comics', abstract: 'Graphic novels. Speech balloons.', keywords: [] });
    expect(queryTokens(d, { title: 3 }).filter((t) => t === 'comic')).toHaveLength(3);
    expect(queryTokens(d, { first: 2 }).filter((t) => t === 'graphic')).toHaveLength(2);
    expect(queryTokens(d, { first: 2 }).filter((t) => t === 'balloon')).toHaveLength(1);
    expect(queryTokens(d, 'title-only')).toEqual(['comic']);
    expect(queryTokens(d)).toEqual(d.tokens);
  });
});

describe('round-8 fit', () => {
  it('the conditional logit learns the feature that picks the label', () => {
    const queries = [0, 1, 2, 0, 1, 2].map((label) => ({ rows: [0, 1, 2].map((c) => [c === label ? 1 : 0, c === 0 ? 1 : 0]), label }));
    expect(conditionalLogit([{ rows: [[1], [0]], label: 0 }], [0], 0).loss).toBeCloseTo(Math.log(2), 12);
    const fit = fitConditionalLogit(queries, [0, 0], 1e-3);
    expect(fit.weights[0]).toBeGreaterThan(2);
    expect(Math.abs(fit.weights[1] ?? NaN)).toBeLessThan(0.5);
    expect(fit.loss).toBeLessThan(conditionalLogit(queries, [0, 0], 1e-3).loss);
  });
});

describe('round-8 scorers by name', () => {
  it('are found by name and stay out of the default scorer set', () => {
    expect(pickScorers(['hybrid-r7', 'r8-tt.3']).map((s) => s.name)).toEqual(['hybrid-r7', 'r8-tt.3']);
    expect(DEFAULT_SCORER_SET.some((n) => n.startsWith('r8-') || n === 'hybrid-r7')).toBe(false);
    expect(() => pickScorers(['r8-nonesuch'])).toThrow(/unknown scorer/);
  });
});
