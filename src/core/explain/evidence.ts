/**
 * Evidence for the explainer, taken from what the ranker computed: the same
 * matched topics, fit and score as the ranking, plus the call topics the
 * draft is furthest from (the gaps).
 */
import type { Matcher } from '../matcher.js';
import { round } from '../rank/evidence.js';
import type { Call, Draft, TopicMatch } from '../schema.js';
import type { ExplainEvidence } from './schema.js';

const SCOPE_CHARS = 1_500;
const MAX_GAPS = 3;

export interface EvidenceSource {
  call: Call;
  score: number;
  probability: number;
  evidenceList: readonly TopicMatch[];
}

/**
 * Evidence for one scored call; matched topics use the ranker's threshold and cap.
 *
 * @example
 * evidenceOf({ call, score: 0.41, probability: 0.8, evidenceList }, { topicThreshold: 0.3, maxMatchedTopics: 5 })
 */
export function evidenceOf(s: EvidenceSource, params: { topicThreshold: number; maxMatchedTopics: number }): ExplainEvidence {
  const topics = new Set(s.call.topics);
  const matched = s.evidenceList.filter((e) => e.similarity >= params.topicThreshold).slice(0, params.maxMatchedTopics);
  const gaps = s.evidenceList
    .filter((e) => e.similarity < params.topicThreshold && topics.has(e.topic))
    .sort((a, b) => a.similarity - b.similarity)
    .slice(0, MAX_GAPS);
  return {
    call: {
      id: s.call.id,
      title: s.call.title,
      ...(s.call.venue ? { venue: s.call.venue } : {}),
      topics: s.call.topics,
      scope: s.call.scope.slice(0, SCOPE_CHARS),
    },
    fit: round(100 * s.probability, 1),
    score: round(s.score),
    matched_topics: matched.map((e) => ({ topic: e.topic, similarity: e.similarity, sentence: e.sentence })),
    gaps: gaps.map((e) => ({ topic: e.topic, similarity: e.similarity })),
  };
}

/**
 * Score a validated draft and return the evidence of the given calls, in the
 * order of `callIds` (unknown ids are skipped).
 *
 * @example
 * const [ev] = await evidenceFor(matcher, draft, ['ieee-network-lam-ioe']);
 */
export async function evidenceFor(matcher: Matcher, draft: Draft, callIds: readonly string[]): Promise<ExplainEvidence[]> {
  // Scored against all calls, as rank() does: fusion normalises across the scored set, so
  // scoring only `callIds` would give a different fit from the ranking's.
  const { scored, embedded } = await matcher.scoreDraft(draft);
  const byId = new Map(scored.map((s) => [s.callId, s]));
  // Large corpora score only search candidates; a call outside them is scored on its own.
  const missing = callIds.filter((id) => !byId.has(id) && matcher.corpus.calls.has(id));
  if (missing.length > 0) for (const s of (await matcher.scoreDraft(draft, missing)).scored) byId.set(s.callId, s);
  // Topic evidence only for the explained calls, not for every candidate.
  const found = callIds.flatMap((id) => {
    const s = byId.get(id);
    const call = matcher.corpus.calls.get(id);
    return s && call ? [{ s, call }] : [];
  });
  const withEv = await matcher.withEvidence(embedded, found.map((f) => f.s));
  return found.map(({ call, s }, i) =>
    evidenceOf({ call, score: s.score, probability: s.probability, evidenceList: withEv[i]?.evidenceList ?? [] }, matcher.params),
  );
}
