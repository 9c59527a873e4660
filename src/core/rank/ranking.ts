/**
 * Outer ranking step: a scored draft becomes the response an author sees. Paging, the
 * open-only filter, deadlines, requirement checks and the evidence of the calls shown
 * (computed for those only: for every candidate it was most of a query's time).
 */
import type { Call, CallFilters, Draft, IsoDate, RankedCall, RankResponse } from '../schema.js';
import { DEFAULT_IN_SCOPE_THRESHOLD } from './calibration.js';
import { round } from './evidence.js';
import { filterPredicate, hasFilters } from './filters.js';
import type { RankParams } from './fusion.js';
import { checkRequirements } from './requirements.js';
import { byScore } from './score-calls.js';
import type { ProbableCall, ScoredDraft } from './scored-draft.js';

/** Paging and filters of one ranking, resolved (defaults applied at the edge or by the matcher). */
export interface RankQuery extends Partial<Pick<CallFilters, 'publisher' | 'venue' | 'deadline_after' | 'deadline_before'>> {
  top_k: number;
  as_of: IsoDate;
  open_only: boolean;
}

/**
 * @example
 * const response = await rankingOf(scoredDraft, corpus.calls, { top_k: 10, as_of: '2026-01-01', open_only: false }, params, 'use-lite');
 */
export async function rankingOf(
  sd: ScoredDraft,
  calls: ReadonlyMap<string, Call>,
  q: RankQuery,
  params: RankParams,
  embedderId: string,
  startedAt: number = performance.now(),
  opts: { evidence?: boolean } = {},
): Promise<RankResponse> {
  const shown = await shownCalls(sd, calls, q);
  // Without evidence (the first part of a streamed ranking) no sentence is embedded here.
  const evidence = opts.evidence === false ? [] : await sd.evidence(shown.map((x) => x.s.callId));
  const results = shown.map((x, i) => withSimilarPaper(rankedCall(x.call, x.s, evidence[i] ?? [], x.deadline, sd.draft, params), sd));
  return {
    results,
    total_calls: calls.size,
    as_of: q.as_of,
    embedder: embedderId,
    timing_ms: { embed: round(sd.timing.embed, 1), search: round(sd.timing.search, 1), total: round(performance.now() - startedAt, 1) },
  };
}

/** Closest topics shown for a call the draft is not in scope of. */
export const NEAREST_TOPICS = 3;

type Shown = { call: Call; s: ProbableCall; deadline: RankedCall['deadline'] };

/**
 * The `top_k` best calls that pass the filters. Filters apply after scoring, so a call's fit never
 * depends on them; above the exact-scoring limit only candidates are scored, and a narrow filter
 * can leave fewer than `top_k` of them. Then every passing call outside the candidates is scored
 * with the same moments, so the page shows what scoring every call would have shown.
 */
async function shownCalls(sd: ScoredDraft, calls: ReadonlyMap<string, Call>, q: RankQuery): Promise<Shown[]> {
  const shown: Shown[] = [];
  // The deadline status of a call that passes (filters.ts caches it per call and day).
  const passes = filterPredicate(q, q.as_of);
  for (const s of sd.scored) {
    const call = calls.get(s.callId);
    const deadline = call && passes(call);
    if (!call || !deadline) continue;
    shown.push({ call, s, deadline });
    if (shown.length >= q.top_k) return shown;
  }
  if (!hasFilters(q) || sd.scored.length >= calls.size) return shown;
  const candidates = new Set(sd.scored.map((s) => s.callId));
  const rest = new Map<string, { call: Call; deadline: Shown['deadline'] }>();
  for (const call of calls.values()) {
    const deadline = candidates.has(call.id) ? undefined : passes(call);
    if (deadline) rest.set(call.id, { call, deadline });
  }
  for (const s of await sd.scoreAll([...rest.keys()])) {
    const r = rest.get(s.callId);
    if (r) shown.push({ ...r, s });
  }
  return shown.sort((a, b) => byScore(a.s, b.s)).slice(0, q.top_k);
}

function rankedCall(call: Call, s: ProbableCall, evidence: RankedCall['matched_topics'], deadline: RankedCall['deadline'], draft: Draft, params: RankParams): RankedCall {
  return {
    call_id: call.id,
    title: call.title,
    ...(call.venue ? { venue: call.venue } : {}),
    fit: round(100 * s.probability, 1),
    score: round(s.score),
    components: { dense: round(s.dense), lexical: round(s.coverage) },
    ...shownTopics(evidence, s.probability, params),
    deadline,
    requirements: checkRequirements(call, draft),
    ...(call.submission_url ? { submission_url: call.submission_url } : {}),
  };
}

/**
 * The topics a ranked call shows out of its evidence. In scope: those above the topic threshold, at
 * most `maxMatchedTopics`. Below the in-scope threshold nothing is "matched": the closest topics
 * are shown as weak evidence (`nearest_topics`).
 *
 * @example
 * const [evidence] = await sd.evidence([callId]);
 * shownTopics(evidence, (await sd.scoreOf(callId)).probability, params) // { matched_topics, nearest_topics? }
 */
export function shownTopics(evidence: RankedCall['matched_topics'], probability: number, params: RankParams): Pick<RankedCall, 'matched_topics' | 'nearest_topics'> {
  if (probability < DEFAULT_IN_SCOPE_THRESHOLD) return { matched_topics: [], nearest_topics: evidence.slice(0, NEAREST_TOPICS) };
  return { matched_topics: evidence.filter((e) => e.similarity >= params.topicThreshold).slice(0, params.maxMatchedTopics) };
}

/** A call with published papers shows the one nearest to the draft (when it is close): "similar published paper: <title>". */
function withSimilarPaper(r: RankedCall, sd: ScoredDraft): RankedCall {
  const paper = sd.similarPaper(r.call_id);
  return paper ? { ...r, similar_paper: paper } : r;
}
