/**
 * Per-call features of one draft: the evidence a ranking is built from, before any
 * normalisation across calls. Pure reads of the corpus (vectors and BM25 postings).
 */
import type { Corpus } from '../corpus/corpus.js';
import type { Passage } from '../corpus/passages.js';
import type { ReferenceMoments } from '../corpus/reference.js';
import type { Call } from '../schema.js';
import type { PreparedDraft } from './draft.js';
import { dot } from './vector-math.js';

/**
 * Weight of the call-title field in a call's lexical score, beside the whole call's BM25 (weight 1):
 * the draft's title against the call's title, each read against its own reference moments (the
 * population's titles). Every call has a title, so this part means the same for a title-only call
 * and a full CFP. 0.3: eval/README.md "Round 8" (special issues against long CFPs and ACL with half
 * its calls cut to their title gained beyond noise; 0.2 and 0.5 measured beside it).
 */
export const TITLE_FIELD_WEIGHT = 0.3;

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
  /**
   * `dense` and `lexical` as fusion reads them: z-scores against the call's moments over the
   * reference population (corpus/reference.ts), so they mean the same for a title-only call and a
   * full CFP; the raw scores where the corpus has no reference (`denseRef`/`lexicalRef` false).
   */
  normDense: number;
  normLexical: number;
  denseRef: boolean;
  lexicalRef: boolean;
  /** The call has no text besides its title (no topics, no scope): fusion weighs its halves differently (fusion.ts). */
  titleOnly?: boolean;
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
 * Whether a call is known by its title alone, as publisher listings give most calls.
 *
 * @example
 * isTitleOnly({ title: 'Minimal Computing', topics: [], scope: '' }) // true
 */
export function isTitleOnly(call: Pick<Call, 'topics' | 'scope'>): boolean {
  return call.topics.length === 0 && !call.scope.trim();
}

/**
 * Features of the given calls, in the given order.
 *
 * @example
 * const features = callFeatures(corpus, embeddedDraft, ['call-a', 'call-b']);
 */
export function callFeatures(corpus: Corpus, draft: EmbeddedDraft, callIds: readonly string[]): CallFeatures[] {
  return callIds.map((callId) => callFeature(corpus, draft, callId));
}

/**
 * The features of one call (`reference`: the corpus's own by default; null reads raw scores).
 *
 * @example
 * callFeature(corpus, embeddedDraft, 'call-a').normLexical
 */
export function callFeature(corpus: Corpus, draft: EmbeddedDraft, callId: string, reference: ReferenceMoments | null = corpus.reference ?? null): CallFeatures {
  // Per candidate, not scoreAll: the draft's common words reach nearly every call, so scoreAll is
  // O(all calls). Same sum in the same term order, so the same value.
  const { score: lexical, coverage } = corpus.bm25.lexical(draft.tokens, callId);
  const dense = wholeCallCosine(corpus, draft, corpus.passagesByCall.get(callId) ?? []);
  const ref = reference?.of(callId);
  const call = corpus.calls.get(callId);
  const d = ref?.dense;
  const l = ref?.lexical;
  let normLexical = l ? (lexical - (reference?.lexicalScale(draft.tokens.length) ?? 1) * l.mean) / l.sd : lexical;
  const t = l ? ref?.title : undefined;
  if (t && reference) {
    // The call-title field, read on its own reference scale (one more BM25 lookup on a title-sized document).
    const zTitle = (corpus.titleField.score(draft.titleTokens, callId) - reference.titleScale(draft.titleTokens.length) * t.mean) / t.sd;
    normLexical = (normLexical + TITLE_FIELD_WEIGHT * zTitle) / (1 + TITLE_FIELD_WEIGHT);
  }
  return {
    callId,
    dense,
    lexical,
    coverage,
    normDense: d ? (dense - d.mean) / d.sd : dense,
    normLexical,
    denseRef: d !== undefined,
    lexicalRef: l !== undefined,
    titleOnly: call ? isTitleOnly(call) : false,
  };
}
