/**
 * Per-call features of one draft: the evidence a ranking is built from, before any
 * normalisation across calls. Pure reads of the corpus (vectors and BM25 postings).
 */
import type { Corpus } from '../corpus/corpus.js';
import type { Passage } from '../corpus/passages.js';
import type { PreparedDraft } from './draft.js';
import { dot } from './vector-math.js';

/** A prepared draft with its whole-text vector (sentences are embedded only when evidence is asked for). */
export interface EmbeddedDraft extends PreparedDraft {
  vector: Float32Array;
}

/** What one call scores for one draft. */
export interface CallFeatures {
  callId: string;
  /** Cosine between the draft and the call's whole-call passage. */
  dense: number;
  /** Raw BM25 of the draft against the call document. */
  lexical: number;
  /** idf-weighted share of the draft's terms found in the call (0..1). */
  coverage: number;
}

/**
 * Cosine between the draft and a call's whole-call passage (0 for a call without one).
 *
 * @example
 * wholeCallCosine(corpus, draft, corpus.passagesByCall.get('c1') ?? [])
 */
export function wholeCallCosine(corpus: Corpus, draft: EmbeddedDraft, passages: readonly Passage[]): number {
  // callPassages puts the whole-call passage first; find() is the fallback (a call with no text).
  const first = passages[0];
  const whole = first?.kind === 'call' ? first : passages.find((p) => p.kind === 'call');
  const vector = whole ? corpus.index.get(whole.id) : undefined;
  return vector ? dot(draft.vector, vector) : 0;
}

/**
 * Features of the given calls, in the given order.
 *
 * @example
 * const features = callFeatures(corpus, embeddedDraft, ['call-a', 'call-b']);
 */
export function callFeatures(corpus: Corpus, draft: EmbeddedDraft, callIds: readonly string[]): CallFeatures[] {
  return callIds.map((callId) => {
    // Per candidate, not scoreAll: the draft's common words reach nearly every call, so scoreAll is
    // O(all calls). Same sum in the same term order, so the same value.
    const { score: lexical, coverage } = corpus.bm25.lexical(draft.tokens, callId);
    return { callId, dense: wholeCallCosine(corpus, draft, corpus.passagesByCall.get(callId) ?? []), lexical, coverage };
  });
}
