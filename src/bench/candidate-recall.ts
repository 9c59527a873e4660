/**
 * Quality of candidate selection: above `exactLimit` the ranker scores only
 * the calls its dense and lexical searches return. This compares the top 10
 * calls of that path with the top 10 when every call is scored.
 */
import type { Matcher } from '../core/matcher.js';
import type { DraftInput } from '../core/schema.js';

/**
 * Mean share of the all-calls top 10 that the candidate path also ranks in its top 10.
 *
 * @example
 * const r = await candidateRecall(matcher, drafts); // 1 = identical top-10 sets
 */
export async function candidateRecall(matcher: Matcher, drafts: readonly DraftInput[], k = 10): Promise<number> {
  const all = [...matcher.corpus.calls.keys()];
  let sum = 0;
  for (const d of drafts) {
    const fast = new Set((await matcher.scoreDraft(d)).scored.slice(0, k).map((s) => s.callId));
    const exact = (await matcher.scoreDraft(d, { only: all })).scored.slice(0, k);
    sum += exact.filter((s) => fast.has(s.callId)).length / Math.max(1, exact.length);
  }
  return Math.round((sum / Math.max(1, drafts.length)) * 10_000) / 10_000;
}
