/**
 * One draft, embedded once and scored once against the corpus; rank, triage and explain all
 * read from this one object. Topic evidence is lazy: the draft's sentences are embedded and a
 * call's evidence computed the first time it is asked for, then kept.
 */
import type { Corpus } from '../corpus/corpus.js';
import { createError } from '../errors.js';
import type { Embedder } from '../ports.js';
import type { Draft, SimilarPaper, TopicMatch } from '../schema.js';
import { callProbabilities, type Calibration } from './calibration.js';
import { candidateCalls, prefetchWholeCall, type CandidateOptions } from './candidates.js';
import { prepareDraft } from './draft.js';
import { exemplarCandidates, prefetchPapers, similarPaper } from './exemplar-candidates.js';
import { withExemplarTerms } from './exemplars.js';
import { evidenceOfCall, evidencePassages, type EmbeddedText } from './evidence.js';
import { callFeatures, type EmbeddedDraft } from './features.js';
import { fuseScores, scoreMoments, type FusedCall, type RankParams, type ScoreMoments } from './fusion.js';
import { byScore, candidateMoments, scoreCalls } from './score-calls.js';

/** What scoring needs from a matcher. */
export interface ScoringContext {
  corpus: Corpus;
  embedder: Embedder;
  params: RankParams;
  candidates: CandidateOptions;
  calibration: Calibration;
  /**
   * Lexical only, the embedder left alone: while a first start embeds the calls (warming) a
   * request must not queue behind that work. The draft gets a zero vector and no topic evidence.
   */
  lexicalOnly?: boolean;
}

export type ProbableCall = FusedCall & { probability: number };

export interface ScoredDraft {
  readonly draft: Draft;
  readonly embedded: EmbeddedDraft;
  /** The scored calls (candidates above `exactLimit`), best first, each with its in-scope probability. */
  readonly scored: readonly ProbableCall[];
  /** The z-score moments the calls were fused with; a call scored later uses the same ones. */
  readonly moments: ScoreMoments;
  /** Milliseconds so far: embedding (the text, then the sentences once evidence is asked for) and search. */
  readonly timing: { embed: number; search: number };
  /** The call as scored for this draft: a candidate, or scored now against the same moments; undefined for an unknown call. */
  scoreOf(callId: string): Promise<ProbableCall | undefined>;
  /** `scoreOf` for many calls in one pass (one prefetch for a remote index); unknown calls are left out. */
  scoreAll(callIds: readonly string[]): Promise<ProbableCall[]>;
  /** Every topic (or scope chunk) of each call with its best draft sentence, best first; in the order of `callIds`. */
  evidence(callIds: readonly string[]): Promise<TopicMatch[][]>;
  /** The call's published paper nearest to the draft when it is close (exemplar-candidates.ts); undefined for a call without papers. */
  similarPaper(callId: string): SimilarPaper | undefined;
}

export interface ScoreDraftOptions {
  /** Score only these calls (exactly, no candidate search). */
  only?: readonly string[];
}

/**
 * @example
 * const sd = await scoreDraft(ctx, { title, abstract, keywords: [] });
 * const [evidence] = await sd.evidence([sd.scored[0].callId]);
 */
export async function scoreDraft(ctx: ScoringContext, draft: Draft, opts: ScoreDraftOptions = {}): Promise<ScoredDraft> {
  const { corpus, embedder, params, calibration } = ctx;
  const t0 = performance.now();
  const prepared = prepareDraft(draft);
  const [vector] = ctx.lexicalOnly ? [new Float32Array(embedder.dimensions)] : await embedder.embed([prepared.text]);
  if (!vector) throw createError('EMBEDDER_UNAVAILABLE', 'the embedder returned no vector');
  const embedded: EmbeddedDraft = { ...prepared, vector };
  const t1 = performance.now();
  const ids = await candidateCalls(corpus, embedded, ctx.candidates, opts.only ? new Set(opts.only) : undefined);
  const features = callFeatures(corpus, embedded, ids);
  // Candidates out of a larger corpus: z-scores against (estimated) moments over every call, so the
  // order matches scoring them all. Corpora up to exactLimit are scored whole. Remote indexes
  // (prefetch) hold no sample vectors, so they z-score over the candidates.
  const estimate = !opts.only && !corpus.index.prefetch ? candidateMoments(corpus, embedded, features, ctx.candidates.populationSample) : undefined;
  const moments = estimate ?? scoreMoments(features);
  // Calls found through their papers are scored against the same moments (exemplar-candidates.ts).
  const extra = opts.only ? [] : await exemplarCandidates(corpus, embedded, ids, ctx.candidates);
  await prefetchWholeCall(corpus, extra);
  await prefetchPapers(corpus, [...ids, ...extra]);
  const fused = fuseScores(features, params, moments);
  // One number people read: the fit is monotone in the ordering score (calibration.ts callProbabilities).
  // Its draft part is read from the fusion before the exemplar term, so papers on some calls leave
  // every other call its probability as well as its score.
  const fitOf = callProbabilities(fused, calibration);
  const probable = (f: FusedCall): ProbableCall => ({ ...f, probability: fitOf(f) });
  const withPapers = withExemplarTerms(corpus, embedded, extra.length ? [...fused, ...fuseScores(callFeatures(corpus, embedded, extra), params, moments)] : fused, params.exemplar);
  const scored = withPapers.scored.map(probable).sort(byScore);
  const timing = { embed: t1 - t0, search: performance.now() - t1 };

  const byId = new Map(scored.map((s) => [s.callId, s]));
  let sentences: Promise<EmbeddedText[]> | undefined;
  const embedSentences = async (): Promise<EmbeddedText[]> => {
    const t = performance.now();
    // The title slot is empty for a draft without a title: nothing to embed there.
    const units = prepared.sentences.map((text, index) => ({ text, index })).filter((u) => u.text);
    const vectors = await embedder.embed(units.map((u) => u.text));
    timing.embed += performance.now() - t;
    return units.map((u, i) => ({ ...u, vector: vectors[i] as Float32Array }));
  };
  const evidenceById = new Map<string, TopicMatch[]>();
  const scoreAll = async (callIds: readonly string[]): Promise<ProbableCall[]> => {
    const todo = [...new Set(callIds)].filter((id) => !byId.has(id) && corpus.calls.has(id));
    if (todo.length) {
      await prefetchWholeCall(corpus, todo);
      await prefetchPapers(corpus, todo);
      // The exemplar term against the moments of the first scoring, as the fusion's.
      for (const f of scoreCalls(corpus, embedded, todo, params, moments, withPapers.moments)) byId.set(f.callId, probable(f));
    }
    return callIds.flatMap((id) => byId.get(id) ?? []);
  };

  return {
    draft,
    embedded,
    scored,
    moments,
    timing,
    async scoreOf(callId) {
      return byId.get(callId) ?? (await scoreAll([callId]))[0];
    },
    scoreAll,
    similarPaper(callId) {
      return similarPaper(corpus, embedded, callId, params.exemplar);
    },
    async evidence(callIds) {
      if (ctx.lexicalOnly) return callIds.map(() => []);
      const todo = [...new Set(callIds)].filter((id) => !evidenceById.has(id) && corpus.calls.has(id));
      if (todo.length) {
        if (corpus.index.prefetch) {
          await corpus.index.prefetch(todo.flatMap((id) => evidencePassages(corpus.passagesByCall.get(id) ?? []).map((p) => p.id)));
        }
        sentences ??= embedSentences();
        const units = await sentences;
        for (const id of todo) evidenceById.set(id, evidenceOfCall(corpus, id, units, params.topicThreshold));
      }
      return callIds.map((id) => evidenceById.get(id) ?? []);
    },
  };
}
