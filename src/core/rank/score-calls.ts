/**
 * Inner ranking step: given an embedded draft and the corpus, compute the
 * features of each candidate call and fuse them. Returns scored ids; paging,
 * deadlines, timing and the topic evidence of the calls actually returned
 * ({@link withEvidence}) are the outer step's job.
 */
import type { Corpus } from '../corpus.js';
import type { TopicMatch } from '../schema.js';
import type { PreparedDraft } from './draft.js';
import type { Passage } from './passages.js';
import { topicEvidence, type EmbeddedText } from './evidence.js';
import { fuseScores, meanOfTop, type FusedCall, type RankParams, type ScoreMoments } from './fusion.js';
import { populationMoments } from './population.js';
import { callBackgrounds } from './background.js';
import { dot } from './vector-math.js';

export interface EmbeddedDraft extends PreparedDraft {
  vector: Float32Array;
  sentenceVectors: Float32Array[];
}

export interface ScoredCall extends FusedCall {
  /**
   * Every topic (or scope chunk for calls without topics) with its best sentence, best first.
   * Present only where it was computed: for every candidate when `evidenceShare > 0` (it enters
   * the score then), else only after {@link withEvidence}.
   */
  evidenceList?: TopicMatch[];
}

/** A scored call whose evidence has been computed. */
export type WithEvidence<T extends ScoredCall> = T & { evidenceList: TopicMatch[] };

export interface CandidateOptions {
  /** Up to this many calls, every call is scored exactly; above it, candidates come from the indexes. */
  exactLimit: number;
  /** Candidate calls taken from each of the dense and the lexical search. */
  candidates: number;
  /**
   * The lexical search leaves out draft terms found in more than this share of the calls (but at
   * least 500): at 50k calls their postings were 90% of the search's time (16 -> 1.6 ms a draft),
   * and on the synthetic 50k set the top 300 without them still held the full-BM25 top 200.
   * Only candidate selection: the candidates' lexical scores use every term.
   */
  lexicalMaxDocShare: number;
  /**
   * Calls sampled (besides the candidates) to estimate the z-score moments over all calls (population.ts).
   * 0: z-scores over the candidates. Not used with indexes that need `prefetch` (remote vectors).
   */
  populationSample: number;
}

// exactLimit 300 (was 2,000): with 1,000 calls, scoring all of them took longer than the candidate
// path (42 vs 24 ms a query) for the same top 10 (bench: top-10 vs all calls scored = 1 at 1k).
// Corpora up to 300 calls (the eval suites have 125) are still scored exactly, so nothing changes there.
// candidates 200 (was 300): at 50k calls, 40 drafts, the top 10 vs scoring every call was 0.9975 with
// 200, 250 and 300 (one near-tie), and the search took 7.9 instead of 10.7 ms.
export const DEFAULT_CANDIDATES: CandidateOptions = { exactLimit: 300, candidates: 200, lexicalMaxDocShare: 0.03, populationSample: 200 };

const LEXICAL_MIN_DF = 500;

/**
 * Candidate call ids: all calls for small corpora, else the union of dense and lexical top hits
 * (and, when topic evidence enters the score, of each draft sentence's nearest passages).
 * The vectors of the passages scoring reads are prefetched when the index needs it (remote indexes).
 *
 * @example
 * const ids = await candidateCalls(corpus, embeddedDraft, DEFAULT_CANDIDATES, DEFAULT_RANK_PARAMS);
 */
export async function candidateCalls(
  corpus: Corpus,
  draft: EmbeddedDraft,
  opts: CandidateOptions,
  params: RankParams,
  only?: ReadonlySet<string>,
): Promise<string[]> {
  return withVectors(corpus, await selectCandidates(corpus, draft, opts, only, params.evidenceShare > 0), scoringPassages(params));
}

async function withVectors(corpus: Corpus, callIds: string[], needed: (p: Passage) => boolean): Promise<string[]> {
  if (corpus.index.prefetch) {
    await corpus.index.prefetch(callIds.flatMap((id) => (corpus.passagesByCall.get(id) ?? []).filter(needed).map((p) => p.id)));
  }
  return callIds;
}

/**
 * The passages whose vectors scoreCalls reads with these parameters: the whole-call passage,
 * the title when it has a share, and the evidence passages only when evidence enters the score.
 */
function scoringPassages(params: RankParams): (p: Passage) => boolean {
  return (p) => p.kind === 'call' || (p.kind === 'title' && params.titleShare > 0) || (params.evidenceShare > 0 && isEvidencePassage(p));
}

function isEvidencePassage(p: Passage): boolean {
  return p.kind === 'topic' || p.kind === 'scope';
}

/** The passages a call's evidence is computed from: its topics, or its scope chunks when it lists none. */
function evidencePassages(passages: readonly Passage[]): Passage[] {
  const topics = passages.filter((p) => p.kind === 'topic');
  return topics.length ? topics : passages.filter((p) => p.kind === 'scope');
}

function draftSentences(draft: EmbeddedDraft): EmbeddedText[] {
  return draft.sentences.map((text, i) => ({ text, vector: draft.sentenceVectors[i] as Float32Array }));
}

function evidenceOfCall(corpus: Corpus, callId: string, sentences: readonly EmbeddedText[]): TopicMatch[] {
  const units = evidencePassages(corpus.passagesByCall.get(callId) ?? [])
    .map((p) => ({ text: p.text, vector: corpus.index.get(p.id) }))
    .filter((u): u is EmbeddedText => u.vector !== undefined);
  return topicEvidence(units, sentences);
}

/**
 * Attach topic evidence to the given scored calls (the few an outer step returns), computing
 * it only where scoreCalls did not. Same values as computing it for every candidate.
 *
 * @example
 * const [top] = await withEvidence(corpus, embeddedDraft, scored.slice(0, 1));
 * top.evidenceList[0]?.topic
 */
export async function withEvidence<T extends ScoredCall>(corpus: Corpus, draft: EmbeddedDraft, scored: readonly T[]): Promise<Array<WithEvidence<T>>> {
  const todo = scored.filter((s) => !s.evidenceList);
  if (todo.length && corpus.index.prefetch) {
    await corpus.index.prefetch(todo.flatMap((s) => evidencePassages(corpus.passagesByCall.get(s.callId) ?? []).map((p) => p.id)));
  }
  const sentences = draftSentences(draft);
  return scored.map((s) => (s.evidenceList ? (s as WithEvidence<T>) : { ...s, evidenceList: evidenceOfCall(corpus, s.callId, sentences) }));
}

async function selectCandidates(
  corpus: Corpus,
  draft: EmbeddedDraft,
  opts: CandidateOptions,
  only: ReadonlySet<string> | undefined,
  evidenceScored: boolean,
): Promise<string[]> {
  if (only) return [...only].filter((id) => corpus.calls.has(id));
  if (corpus.calls.size <= opts.exactLimit) return [...corpus.calls.keys()];
  const ids = new Set<string>();
  // A call has ~10 passages and the draft's nearest ones cluster by call: 2 hits a wanted call
  // were enough at 50k calls (bench: top 10 identical to scoring every call), 3 cost 1.5 ms more.
  const hits = await corpus.index.search(draft.vector, opts.candidates * 2);
  for (const h of hits) {
    ids.add(callIdOf(h.id));
    if (ids.size >= opts.candidates) break;
  }
  // Sentence-level searches find calls by one topic matching one sentence: only topic evidence
  // scores that, so they run only when it enters the score (~5 ms a draft at 50k calls otherwise).
  if (evidenceScored) {
    for (const sv of draft.sentenceVectors) {
      for (const h of await corpus.index.search(sv, 20)) ids.add(callIdOf(h.id));
    }
  }
  // Never below LEXICAL_MIN_DF documents, so mid-sized corpora keep their moderately common terms.
  const maxDocShare = Math.max(opts.lexicalMaxDocShare, LEXICAL_MIN_DF / corpus.calls.size);
  for (const h of corpus.bm25.top(draft.tokens, opts.candidates, { maxDocShare })) ids.add(h.id);
  return [...ids].filter((id) => corpus.calls.has(id));
}

/**
 * The ranking order: best score first, ties broken by call id, so equal scores rank the same on every run.
 *
 * @example
 * scored.sort(byScore);
 */
export function byScore(a: { score: number; callId: string }, b: { score: number; callId: string }): number {
  return b.score - a.score || (a.callId < b.callId ? -1 : a.callId > b.callId ? 1 : 0);
}

/**
 * The first call in {@link byScore} order, without sorting the rest; undefined for none.
 *
 * @example
 * topCall(scoreCalls(corpus, draft, ids, params))?.callId
 */
export function topCall<T extends { score: number; callId: string }>(scored: readonly T[]): T | undefined {
  let best: T | undefined;
  for (const s of scored) if (!best || byScore(s, best) < 0) best = s;
  return best;
}

export function callIdOf(passageId: string): string {
  const i = passageId.indexOf('|');
  return i < 0 ? passageId : passageId.slice(0, i);
}

export interface ScoreOptions {
  /** Compute topic evidence for every call scored. Default: only when `evidenceShare > 0`. */
  evidence?: boolean;
  /**
   * The calls scored are candidates out of `total` calls: z-score against moments estimated over
   * all of them (the candidates plus `sample`, see population.ts), as if every call were scored.
   * Ignored with `evidenceShare > 0` or `backgroundNorm` (the sample would need evidence/backgrounds).
   */
  population?: { total: number; sample: readonly string[] };
}

function denseOf(corpus: Corpus, draft: EmbeddedDraft, passages: readonly Passage[], params: RankParams): number {
  // callPassages puts the whole-call passage first; find() is the fallback (a call with no text).
  const first = passages[0];
  const whole = first?.kind === 'call' ? first : passages.find((p) => p.kind === 'call');
  const wholeVec = whole ? corpus.index.get(whole.id) : undefined;
  const titlePassage = params.titleShare > 0 ? passages.find((p) => p.kind === 'title') : undefined;
  const titleVec = titlePassage ? corpus.index.get(titlePassage.id) : undefined;
  const wholeCos = wholeVec ? dot(draft.vector, wholeVec) : 0;
  return titleVec ? (1 - params.titleShare) * wholeCos + params.titleShare * dot(draft.vector, titleVec) : wholeCos;
}

/**
 * @example
 * const scored = scoreCalls(corpus, embeddedDraft, ['call-a', 'call-b'], DEFAULT_RANK_PARAMS);
 */
export function scoreCalls(corpus: Corpus, draft: EmbeddedDraft, callIds: readonly string[], params: RankParams, opts: ScoreOptions = {}): ScoredCall[] {
  const queryTokens = draft.tokens;
  // Evidence is every topic x every draft sentence per call: the bulk of a query's cost. It only
  // enters the score when evidenceShare > 0; otherwise the outer step computes it for what it returns.
  const eager = opts.evidence ?? params.evidenceShare > 0;
  const sentences = eager ? draftSentences(draft) : [];
  const evidenceLists: Array<TopicMatch[] | undefined> = [];
  const bgs = params.backgroundNorm
    ? callBackgrounds(corpus, { shrink: params.backgroundShrink, minDenseSpread: params.minDenseSpread, minLexicalSpread: params.minLexicalSpread })
    : undefined;
  const features = callIds.map((callId) => {
    const passages = corpus.passagesByCall.get(callId) ?? [];
    const evidenceList = eager ? evidenceOfCall(corpus, callId, sentences) : undefined;
    evidenceLists.push(evidenceList);
    const dense = denseOf(corpus, draft, passages, params);
    // Per candidate, not scoreAll: the draft's common words reach nearly every call, so scoreAll is
    // O(all calls). Same sum in the same term order, so the same value.
    const { score: lex, coverage } = corpus.bm25.lexical(queryTokens, callId);
    const bg = bgs?.get(callId);
    return {
      callId,
      dense,
      // Without evidence, 0: with evidenceShare 0 it is multiplied by 0, so the score is the same.
      evidence: evidenceList ? meanOfTop(evidenceList.map((e) => e.similarity), params.evidenceTopM) : 0,
      lexical: lex,
      coverage,
      ...(bg ? { bgDense: (dense - bg.dense.mean) / bg.dense.sd, bgLexical: (lex - bg.lexical.mean) / bg.lexical.sd } : {}),
    };
  });
  let moments: ScoreMoments | undefined;
  if (opts.population && params.queryNorm && params.evidenceShare === 0 && !params.backgroundNorm) {
    moments = populationMoments(features, opts.population.total, opts.population.sample, (id) => ({
      dense: denseOf(corpus, draft, corpus.passagesByCall.get(id) ?? [], params),
      lexical: corpus.bm25.score(queryTokens, id),
    }));
  }
  return fuseScores(features, params, moments).map((f, i) => {
    const evidenceList = evidenceLists[i];
    return evidenceList ? { ...f, evidenceList } : f;
  });
}
