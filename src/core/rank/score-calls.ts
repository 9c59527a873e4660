/**
 * Inner ranking step: given an embedded draft and the corpus, compute the
 * features of each candidate call and fuse them. Returns scored ids with
 * evidence; paging, deadlines and timing are the matcher's job.
 */
import type { Corpus } from '../corpus.js';
import type { TopicMatch } from '../schema.js';
import { tokenize } from '../text/tokens.js';
import type { PreparedDraft } from './draft.js';
import { topicEvidence, type EmbeddedText } from './evidence.js';
import { fuseScores, meanOfTop, type FusedCall, type RankParams } from './fusion.js';
import { callBackgrounds } from './background.js';
import { dot } from './vector-math.js';

export interface EmbeddedDraft extends PreparedDraft {
  vector: Float32Array;
  sentenceVectors: Float32Array[];
}

export interface ScoredCall extends FusedCall {
  /** Every topic (or scope chunk for calls without topics) with its best sentence, best first. */
  evidenceList: TopicMatch[];
}

export interface CandidateOptions {
  /** Up to this many calls, every call is scored exactly; above it, candidates come from the indexes. */
  exactLimit: number;
  /** Candidate calls taken from each of the dense and the lexical search. */
  candidates: number;
}

export const DEFAULT_CANDIDATES: CandidateOptions = { exactLimit: 2_000, candidates: 300 };

/**
 * Candidate call ids: all calls for small corpora, else the union of dense and lexical top hits.
 * The vectors of the candidates' passages are prefetched when the index needs it (remote indexes).
 */
export async function candidateCalls(corpus: Corpus, draft: EmbeddedDraft, opts: CandidateOptions, only?: ReadonlySet<string>): Promise<string[]> {
  return withVectors(corpus, await selectCandidates(corpus, draft, opts, only));
}

async function withVectors(corpus: Corpus, callIds: string[]): Promise<string[]> {
  if (corpus.index.prefetch) {
    await corpus.index.prefetch(callIds.flatMap((id) => (corpus.passagesByCall.get(id) ?? []).map((p) => p.id)));
  }
  return callIds;
}

async function selectCandidates(corpus: Corpus, draft: EmbeddedDraft, opts: CandidateOptions, only?: ReadonlySet<string>): Promise<string[]> {
  if (only) return [...only].filter((id) => corpus.calls.has(id));
  if (corpus.calls.size <= opts.exactLimit) return [...corpus.calls.keys()];
  const ids = new Set<string>();
  const hits = await corpus.index.search(draft.vector, opts.candidates * 3);
  for (const h of hits) {
    ids.add(callIdOf(h.id));
    if (ids.size >= opts.candidates) break;
  }
  for (const sv of draft.sentenceVectors) {
    for (const h of await corpus.index.search(sv, 20)) ids.add(callIdOf(h.id));
  }
  for (const h of corpus.bm25.top(draft.text, opts.candidates)) ids.add(h.id);
  return [...ids].filter((id) => corpus.calls.has(id));
}

export function callIdOf(passageId: string): string {
  const i = passageId.indexOf('|');
  return i < 0 ? passageId : passageId.slice(0, i);
}

/**
 * @example
 * const scored = scoreCalls(corpus, embeddedDraft, ['call-a', 'call-b'], DEFAULT_RANK_PARAMS);
 */
export function scoreCalls(corpus: Corpus, draft: EmbeddedDraft, callIds: readonly string[], params: RankParams): ScoredCall[] {
  const queryTokens = tokenize(draft.text);
  const lexical = corpus.bm25.scoreAll(draft.text);
  const sentences: EmbeddedText[] = draft.sentences.map((text, i) => ({ text, vector: draft.sentenceVectors[i] as Float32Array }));
  const evidenceLists: TopicMatch[][] = [];
  const bgs = params.backgroundNorm
    ? callBackgrounds(corpus, { shrink: params.backgroundShrink, minDenseSpread: params.minDenseSpread, minLexicalSpread: params.minLexicalSpread })
    : undefined;
  const features = callIds.map((callId) => {
    const passages = corpus.passagesByCall.get(callId) ?? [];
    const whole = passages.find((p) => p.kind === 'call');
    const wholeVec = whole ? corpus.index.get(whole.id) : undefined;
    const topicPassages = passages.filter((p) => p.kind === 'topic');
    const evidenceUnits = (topicPassages.length ? topicPassages : passages.filter((p) => p.kind === 'scope'))
      .map((p) => ({ text: p.text, vector: corpus.index.get(p.id) }))
      .filter((u): u is EmbeddedText => u.vector !== undefined);
    const evidenceList = topicEvidence(evidenceUnits, sentences);
    evidenceLists.push(evidenceList);
    const titlePassage = params.titleShare > 0 ? passages.find((p) => p.kind === 'title') : undefined;
    const titleVec = titlePassage ? corpus.index.get(titlePassage.id) : undefined;
    const wholeCos = wholeVec ? dot(draft.vector, wholeVec) : 0;
    const dense = titleVec ? (1 - params.titleShare) * wholeCos + params.titleShare * dot(draft.vector, titleVec) : wholeCos;
    const lex = lexical.get(callId) ?? 0;
    const bg = bgs?.get(callId);
    return {
      callId,
      dense,
      evidence: meanOfTop(evidenceList.map((e) => e.similarity), params.evidenceTopM),
      lexical: lex,
      coverage: corpus.bm25.coverage(queryTokens, callId),
      ...(bg ? { bgDense: (dense - bg.dense.mean) / bg.dense.sd, bgLexical: (lex - bg.lexical.mean) / bg.lexical.sd } : {}),
    };
  });
  return fuseScores(features, params).map((f, i) => ({ ...f, evidenceList: evidenceLists[i] ?? [] }));
}
