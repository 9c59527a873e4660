/**
 * Exemplar papers in the candidate search and in the results. Above `exactLimit` a call is scored
 * only as a candidate; the dense search for candidates leaves paper passages out (candidates.ts),
 * so the candidates, and the z-score moments estimated from them, are exactly what they are without
 * papers. Calls whose papers are near the draft are added here, afterwards, and scored against the
 * same moments, as a call outside the candidates always is.
 */
import type { Corpus } from '../corpus/corpus.js';
import { callIdOf, isPaperPassage } from '../corpus/passage-id.js';
import type { SimilarPaper } from '../schema.js';
import type { CandidateOptions } from './candidates.js';
import { round } from './evidence.js';
import { nearestPaper, type ExemplarParams } from './exemplars.js';
import type { EmbeddedDraft } from './features.js';

/**
 * Calls not among `base` whose papers are among the draft's nearest (dense) or best-matching
 * (BM25) papers; none when every call is scored anyway or no call has papers.
 *
 * @example
 * const extra = await exemplarCandidates(corpus, draft, ids, DEFAULT_CANDIDATES);
 */
export async function exemplarCandidates(corpus: Corpus, draft: EmbeddedDraft, base: readonly string[], opts: CandidateOptions): Promise<string[]> {
  if (corpus.papersByCall.size === 0 || corpus.calls.size <= opts.exactLimit) return [];
  const have = new Set(base);
  const out = new Set<string>();
  const want = Math.max(1, Math.floor(opts.candidates / 4));
  for (const h of await corpus.index.search(draft.vector, want * 2, isPaperPassage)) {
    const id = callIdOf(h.id);
    if (!have.has(id)) out.add(id);
    if (out.size >= want) break;
  }
  for (const h of corpus.paperBm25.top(draft.tokens, want, { maxDocShare: opts.lexicalMaxDocShare })) if (!have.has(h.id)) out.add(h.id);
  return [...out].filter((id) => corpus.calls.has(id));
}

/**
 * Make `corpus.index.get` answer for the papers of these calls (remote indexes only).
 *
 * @example
 * await prefetchPapers(corpus, ids);
 */
export async function prefetchPapers(corpus: Corpus, callIds: readonly string[]): Promise<void> {
  if (!corpus.index.prefetch || corpus.papersByCall.size === 0) return;
  const ids = callIds.flatMap((id) => (corpus.papersByCall.get(id) ?? []).map((p) => p.id));
  if (ids.length) await corpus.index.prefetch(ids);
}

/**
 * The call's published paper nearest to the draft, for the result's "similar published paper", when
 * it is at least `similarThreshold` close; undefined otherwise.
 *
 * @example
 * similarPaper(corpus, draft, 'c1', params.exemplar)?.title
 */
export function similarPaper(corpus: Corpus, draft: EmbeddedDraft, callId: string, params: ExemplarParams): SimilarPaper | undefined {
  const near = nearestPaper(corpus, draft, callId);
  const paper = near ? corpus.calls.get(callId)?.papers?.[near.index] : undefined;
  if (!near || !paper || near.similarity < params.similarThreshold) return undefined;
  return { id: paper.id, title: paper.title, ...(paper.doi ? { doi: paper.doi } : {}), ...(paper.url ? { url: paper.url } : {}), similarity: round(near.similarity) };
}
