/**
 * The one-line reason for a verdict, built only from the evidence: topic
 * names, similarities and at most the one supporting sentence (drafts are
 * confidential, so nothing else of the draft is quoted).
 */
import type { TopicMatch, TriageResult, TriageVerdict } from '../schema.js';

const LABEL: Record<TriageVerdict, string> = { in_scope: 'In scope', borderline: 'Borderline', out_of_scope: 'Out of scope' };
const MAX_QUOTE = 160;

const oneLine = (s: string): string => s.replace(/\s+/g, ' ').trim();

/**
 * How the reason names a supporting sentence: the JSON's own number, so they always agree
 * (`sentence_index` 0 is the title, k the k-th sentence of the abstract).
 *
 * @example
 * sentenceLabel(0) // 'the title'
 * sentenceLabel(2) // 'sentence 2'
 */
export function sentenceLabel(index: number): string {
  return index === 0 ? 'the title' : `sentence ${index}`;
}
const quote = (s: string): string => {
  const t = oneLine(s);
  return t.length <= MAX_QUOTE ? t : `${t.slice(0, MAX_QUOTE - 1)}…`;
};

/** A weak topic as the reason cites it: name, similarity and the JSON's sentence number. */
const cite = (m: TopicMatch): string => `"${quote(m.topic)}" (${m.similarity.toFixed(2)}), ${sentenceLabel(m.sentence_index)}`;
const nearestOf = (r: ReasonInput): readonly TopicMatch[] => (r.nearest?.length ? r.nearest : r.closest ? [r.closest] : []);

export interface ReasonInput {
  verdict: TriageVerdict;
  probability: number;
  matched: readonly TopicMatch[];
  /** The best evidence even when it is below the topic threshold or the verdict is not in scope. */
  closest: TopicMatch | undefined;
  /** Up to a few closest topics when the verdict is not in scope (the JSON's `nearest_topics`); defaults to `closest`. */
  nearest?: readonly TopicMatch[];
  topicCount: number;
  /** Whether the call has a scope text: a call that lists no topics is judged on its title and that text. */
  hasScope?: boolean;
  topicThreshold: number;
  betterFit?: TriageResult['better_fit'];
}

/**
 * @example
 * triageReason({ verdict: 'in_scope', probability: 0.81, matched: [m], closest: m, topicCount: 6, topicThreshold: 0.3 })
 * // 'In scope (p=0.81): matches 1 of 6 topics; strongest "Edge AI" (0.62), sentence 1: "We run models at the edge."'
 */
export function triageReason(r: ReasonInput): string {
  const head = `${LABEL[r.verdict]} (p=${r.probability.toFixed(2)})`;
  const best = r.matched[0];
  let body: string;
  if (best) {
    const of = r.topicCount > 0 ? `${r.matched.length} of ${r.topicCount} topics` : `${r.matched.length} scope passage${r.matched.length === 1 ? '' : 's'}`;
    body = `matches ${of}; strongest "${quote(best.topic)}" (${best.similarity.toFixed(2)}), ${sentenceLabel(best.sentence_index)}: "${quote(best.sentence)}"`;
  } else if (r.topicCount === 0) {
    // A call known by its title (and maybe a scope text) has no topics to match: say so, not "no evidence".
    body = `the call lists no topics, so the verdict rests on its title${r.hasScope ? ' and scope' : ''}`;
    const near = r.verdict === 'in_scope' ? [] : nearestOf(r);
    if (near.length) body += `; nearest scope passage${near.length === 1 ? '' : 's'} (weak): ${near.map(cite).join('; ')}`;
  } else if (r.closest && r.verdict !== 'in_scope') {
    body = `topics are shown as matched only for an in-scope verdict; nearest (weak): ${nearestOf(r).map(cite).join('; ')}`;
  } else if (r.closest) {
    body = `no topic reaches similarity ${r.topicThreshold.toFixed(2)}; closest "${quote(r.closest.topic)}" (${r.closest.similarity.toFixed(2)})`;
  } else {
    body = 'no topic evidence';
  }
  const better = r.betterFit ? `; better fit: ${quote(r.betterFit.title)} (p=${r.betterFit.probability.toFixed(2)})` : '';
  return `${head}: ${body}${better}`;
}
