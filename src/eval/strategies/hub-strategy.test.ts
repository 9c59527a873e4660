import { describe, expect, it } from 'vitest';
import { createFakeEmbedder } from '../../../tests/fixtures/fake-embedder.js';
import { loadReferencePopulation } from '../../adapters/node/reference-file.js';
import { createCorpus } from '../../core/corpus/corpus.js';
import { createFlatIndex } from '../../core/flat-index.js';
import { prepareDraft } from '../../core/rank/draft.js';
import { DEFAULT_RANK_PARAMS } from '../../core/rank/fusion.js';
import { scoreCalls } from '../../core/rank/score-calls.js';
import { Call } from '../../core/schema.js';
import { pickScorers } from '../scorers.js';
import { hubStrategy } from './hub-strategy.js';

const embedder = createFakeEmbedder(16, 'fake-16');
const CALLS = [
  Call.parse({ id: 'cells', title: 'Cell biology', scope: 'Cells, proteins, gene expression and disease in patients.' }),
  Call.parse({ id: 'comics', title: 'Comics as scholarship' }),
  Call.parse({ id: 'galaxies', title: 'Galaxies', scope: 'Galaxy clusters, dark matter and the early universe.' }),
];

async function suite() {
  const reference = await loadReferencePopulation(embedder.id);
  const corpus = createCorpus({ embedder, index: createFlatIndex({ dimensions: 16 }), ...(reference ? { reference } : {}) });
  await corpus.upsert(CALLS);
  const prepared = prepareDraft({ title: 'Protein folding in cells', abstract: 'Gene expression of proteins in patients with a rare disease.', keywords: [] });
  const [vector] = await embedder.embed([prepared.text]);
  return { corpus, draft: { ...prepared, vector: vector as Float32Array }, callIds: [...corpus.calls.keys()] };
}

describe('hubness-reduction prototype (hub:<lambda>)', () => {
  it('with lambda 0 scores as the service; with lambda 1 takes from each call a penalty of its own', async () => {
    const { corpus, draft, callIds } = await suite();
    const service = Object.fromEntries(scoreCalls(corpus, draft, callIds, DEFAULT_RANK_PARAMS).map((s) => [s.callId, s.score]));
    const zero = hubStrategy('hub:0', 0);
    const one = hubStrategy('hub:1', 1);
    await zero.prepare?.({ corpus, embedder });
    await one.prepare?.({ corpus, embedder });
    const a = Object.fromEntries(zero.score({ corpus, draft, callIds }).map((s) => [s.callId, s.score]));
    const b = Object.fromEntries(one.score({ corpus, draft, callIds }).map((s) => [s.callId, s.score]));
    expect(a).toEqual(service);
    // Each call pays its own mean over the population (a shift shared by every call would change no ranking).
    const penalties = callIds.map((id) => (service[id] as number) - (b[id] as number));
    expect(new Set(penalties.map((p) => p.toFixed(6))).size).toBe(callIds.length);
  });

  it('is picked by name, with an optional share of each call\'s best-scoring abstracts', () => {
    expect(pickScorers(['hub:0.5', 'hub:1,top=0.1']).map((s) => s.name)).toEqual(['hub:0.5', 'hub:1,top=0.1']);
    expect(() => pickScorers(['hub:x'])).toThrow(/unknown scorer/);
  });
});
