/**
 * The service's fusion with the lexical half built differently (eval/README.md "What we tried in
 * round 6"): another call document (the title weighted as a field of its own, BM25F-style), other
 * BM25 parameters (query-term saturation k3, length normalisation b), or per-call fusion weights
 * that follow the call's length. The strategy builds its own BM25 index and reference moments over
 * the suite's calls, so the service's corpus is left as it is and the variant is scored on the same
 * embeddings in the same run.
 */
import type { Corpus } from '../../core/corpus/corpus.js';
import { callDocument } from '../../core/corpus/passages.js';
import { createReferenceMoments, DEFAULT_REFERENCE_OPTIONS, type ReferenceOptions } from '../../core/corpus/reference.js';
import { DEFAULT_RANK_PARAMS, fuseScores, type RankParams } from '../../core/rank/fusion.js';
import { callFeature } from '../../core/rank/features.js';
import { withExemplarTerms } from '../../core/rank/exemplars.js';
import type { Call } from '../../core/schema.js';
import { createBm25Index, type Bm25Options } from '../../core/text/bm25.js';
import { tokenize } from '../../core/text/tokens.js';
import { loadReferencePopulation } from '../../adapters/node/reference-file.js';
import { mixPassages, passageMoments, type PassageMix, type PassageZ } from './dense-variant-strategy.js';
import { expandedIndex, type ExpansionOptions } from './expansion.js';
import type { Strategy } from './strategy.js';

export interface LexicalVariant {
  /** The call's BM25 document (default: the service's callDocument). */
  document?: (call: Call) => string;
  bm25?: Bm25Options;
  /** BM25 options of the exemplar papers' index (default: the corpus's own index). */
  paperBm25?: Bm25Options;
  reference?: Partial<ReferenceOptions>;
  params?: Partial<RankParams>;
  /** Per-call dense weight (the lexical weight is 1 minus it); absent: the params' weights for every call. */
  denseWeightOf?: (call: Call) => number;
  /** Call-side pseudo-relevance feedback from the reference population (expansion.ts). */
  expand?: ExpansionOptions;
  /** Mix the best passage's dense z into the whole call's (dense-variant-strategy.ts). */
  passages?: { mix: PassageMix; share: number };
}

/**
 * The call document with its title repeated `times` times: a title is the call's densest summary,
 * so in a full CFP its terms should count more than one more mention in the scope.
 *
 * @example
 * titleWeighted(2)({ title: 'T', topics: [], scope: 'S' } as Call) // 'T. T. S'
 */
export function titleWeighted(times: number): (call: Call) => string {
  return (call) => callDocument({ ...call, title: Array.from({ length: times }, () => call.title).join('. ') });
}

/**
 * @example
 * lexicalVariantStrategy('k3=0', { bm25: { k3: 0 } })
 */
export function lexicalVariantStrategy(name: string, v: LexicalVariant): Strategy {
  const p: RankParams = { ...DEFAULT_RANK_PARAMS, ...v.params };
  const docOf = v.document ?? callDocument;
  const built = new WeakMap<Corpus, { corpus: Corpus; tokens: Map<string, number>; calls: ReadonlyMap<string, Call>; passages: Map<string, PassageZ[]> | undefined }>();
  return {
    name,
    needsSentences: false,
    async prepare({ corpus, embedder }) {
      const bm25 = createBm25Index(v.bm25);
      const tokens = new Map<string, number>();
      for (const [id, call] of corpus.calls) {
        const doc = docOf(call);
        bm25.upsert(id, doc);
        tokens.set(id, tokenize(callDocument(call)).length);
      }
      const population = await loadReferencePopulation(embedder.id);
      const lexical = population && v.expand ? expandedIndex(bm25, corpus.calls.keys(), tokens, population.abstracts, v.expand) : bm25;
      let reference = corpus.reference;
      if (population) {
        const moments = createReferenceMoments({ calls: corpus.calls, passagesByCall: corpus.passagesByCall, bm25: lexical, titleField: corpus.titleField, index: corpus.index }, population, { ...DEFAULT_REFERENCE_OPTIONS, ...v.reference });
        moments.update(corpus.calls.keys());
        reference = moments;
      }
      let paperBm25 = corpus.paperBm25;
      if (v.paperBm25) {
        paperBm25 = createBm25Index(v.paperBm25);
        // As corpus.ts indexes them: one document per call, its papers' texts joined.
        for (const [id, papers] of corpus.papersByCall) paperBm25.upsert(id, papers.map((x) => x.text).join('. '));
      }
      built.set(corpus, { corpus: { ...corpus, bm25: lexical, reference, paperBm25 }, tokens, calls: corpus.calls, passages: v.passages ? await passageMoments(corpus, embedder.id) : undefined });
    },
    score({ corpus, draft, callIds }) {
      const b = built.get(corpus);
      if (!b) throw new Error(`${name}: prepare() was not run for this corpus`);
      const pm = v.passages;
      const features = callIds.map((id) => {
        const f = callFeature(b.corpus, draft, id);
        return pm && b.passages ? mixPassages(f, draft, b.passages.get(id) ?? [], pm.mix, pm.share) : f;
      });
      const fused = fuseScores(features, p).map((f) => {
        const call = b.calls.get(f.callId);
        const wd = call ? v.denseWeightOf?.(call) : undefined;
        return wd === undefined ? f : { ...f, score: wd * f.zDense + (1 - wd) * f.zLexical };
      });
      return withExemplarTerms(b.corpus, draft, fused, p.exemplar).scored;
    },
  };
}
