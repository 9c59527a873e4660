/**
 * Candidate calls for one draft: every call of a small corpus, else the union of the dense and
 * lexical searches' best hits. Above `exactLimit` only candidates are scored, against moments
 * estimated over every call (population.ts), so the order matches scoring them all.
 */
import type { Corpus } from '../corpus/corpus.js';
import { callIdOf, isPaperPassage } from '../corpus/passage-id.js';
import type { EmbeddedDraft } from './features.js';

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
const notPaper = (id: string): boolean => !isPaperPassage(id);

/**
 * Candidate call ids (only those in `only` when given). For indexes that keep vectors remotely,
 * the whole-call vectors scoring reads are prefetched.
 *
 * @example
 * const ids = await candidateCalls(corpus, embeddedDraft, DEFAULT_CANDIDATES);
 */
export async function candidateCalls(corpus: Corpus, draft: EmbeddedDraft, opts: CandidateOptions, only?: ReadonlySet<string>): Promise<string[]> {
  const ids = await selectCandidates(corpus, draft, opts, only);
  await prefetchWholeCall(corpus, ids);
  return ids;
}

/**
 * Make `corpus.index.get` answer for the whole-call passages of these calls (remote indexes only).
 *
 * @example
 * await prefetchWholeCall(corpus, ['c1']);
 */
export async function prefetchWholeCall(corpus: Corpus, callIds: readonly string[]): Promise<void> {
  if (!corpus.index.prefetch) return;
  await corpus.index.prefetch(callIds.flatMap((id) => (corpus.passagesByCall.get(id) ?? []).filter((p) => p.kind === 'call').map((p) => p.id)));
}

async function selectCandidates(corpus: Corpus, draft: EmbeddedDraft, opts: CandidateOptions, only: ReadonlySet<string> | undefined): Promise<string[]> {
  if (only) return [...only].filter((id) => corpus.calls.has(id));
  if (corpus.calls.size <= opts.exactLimit) return [...corpus.calls.keys()];
  const ids = new Set<string>();
  // A call has ~10 passages and the draft's nearest ones cluster by call: 2 hits a wanted call
  // were enough at 50k calls (bench: top 10 identical to scoring every call), 3 cost 1.5 ms more.
  // Papers (exemplars) are left out here, so candidates and moments do not depend on them (exemplar-candidates.ts).
  const hits = await corpus.index.search(draft.vector, opts.candidates * 2, corpus.papersByCall.size ? notPaper : undefined);
  for (const h of hits) {
    ids.add(callIdOf(h.id));
    if (ids.size >= opts.candidates) break;
  }
  // Never below LEXICAL_MIN_DF documents, so mid-sized corpora keep their moderately common terms.
  const maxDocShare = Math.max(opts.lexicalMaxDocShare, LEXICAL_MIN_DF / corpus.calls.size);
  for (const h of corpus.bm25.top(draft.tokens, opts.candidates, { maxDocShare })) ids.add(h.id);
  return [...ids].filter((id) => corpus.calls.has(id));
}
