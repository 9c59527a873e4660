/**
 * The service's fusion with the reference population read differently (eval/README.md "What we
 * tried"): other reference options (the share of a call's nearest abstracts, the shrinkage), or
 * no reference at all (`hybrid-noref`, the fusion before issue #17: per-query z-scores of the raw
 * scores).
 */
import { createReferenceMoments, DEFAULT_REFERENCE_OPTIONS, type ReferenceMoments, type ReferenceOptions } from '../../core/corpus/reference.js';
import type { Corpus } from '../../core/corpus/corpus.js';
import { callFeature } from '../../core/rank/features.js';
import { DEFAULT_RANK_PARAMS, fuseScores, type RankParams } from '../../core/rank/fusion.js';
import { loadReferencePopulation } from '../../adapters/node/reference-file.js';
import type { Strategy } from './strategy.js';

/**
 * @example
 * referenceStrategy('ref-top3', { topShare: 0.03 })
 */
export function referenceStrategy(name: string, options: Partial<ReferenceOptions> | 'none', params: Partial<RankParams> = {}): Strategy {
  const p: RankParams = { ...DEFAULT_RANK_PARAMS, ...params };
  const byCorpus = new WeakMap<Corpus, ReferenceMoments | null>();
  let prepared: Promise<void> | undefined;
  return {
    name,
    needsSentences: false,
    prepare({ corpus, embedder }) {
      prepared = (async () => {
        if (options === 'none') return void byCorpus.set(corpus, null);
        const population = await loadReferencePopulation(embedder.id);
        if (!population) return void byCorpus.set(corpus, null);
        const moments = createReferenceMoments(corpus, population, { ...DEFAULT_REFERENCE_OPTIONS, ...options });
        moments.update(corpus.calls.keys());
        byCorpus.set(corpus, moments);
      })();
      return prepared;
    },
    score({ corpus, draft, callIds }) {
      const reference = byCorpus.get(corpus) ?? null;
      return fuseScores(callIds.map((id) => callFeature(corpus, draft, id, reference)), p);
    },
  };
}
