/**
 * Evidence for the explainer, taken from what the ranker computed: the same
 * matched topics, fit and score as the ranking, plus the call topics the
 * draft is furthest from (the gaps).
 */
import { round } from '../rank/evidence.js';
import type { ProbableCall, ScoredDraft } from '../rank/scored-draft.js';
import type { Call, TopicMatch } from '../schema.js';
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
 * The evidence of the given calls for a scored draft, in the order of `calls`: the same scores,
 * fits and topic evidence the ranking has (a call outside the candidates is scored against the
 * same moments), so nothing is embedded or scored twice.
 *
 * @example
 * const sd = await matcher.scoreDraft(draft);
 * const [ev] = await evidenceFor(sd, [matcher.getCall('ieee-network-lam-ioe')], matcher.params);
 */
export async function evidenceFor(sd: ScoredDraft, calls: readonly Call[], params: { topicThreshold: number; maxMatchedTopics: number }): Promise<ExplainEvidence[]> {
  const found: Array<{ call: Call; s: ProbableCall }> = [];
  for (const call of calls) {
    const s = await sd.scoreOf(call.id);
    if (s) found.push({ call, s });
  }
  const evidence = await sd.evidence(found.map((f) => f.call.id));
  return found.map(({ call, s }, i) => evidenceOf({ call, score: s.score, probability: s.probability, evidenceList: evidence[i] ?? [] }, params));
}
