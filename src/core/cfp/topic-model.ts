/**
 * The learned topic chooser: when the rules find no topic list, a logistic
 * model over each list the call writes (topic-candidates.ts: unmarked runs,
 * lines, enumerations in prose) says whether it is the call's topics, and the
 * list it rates highest is taken when its probability reaches the threshold. Trained on the
 * labelled calls by `npm run train:topics` (src/eval/cfp/train-topics.ts)
 * and shipped in data/topic-model.json, imported so the parser reads no file
 * on any runtime.
 */
import shipped from '../../../data/topic-model.json' with { type: 'json' };
import type { BulletRun } from './lists.js';
import type { Line } from './lines.js';
import type { SectionKind } from './sections.js';
import { topicCandidates, TOPIC_FEATURES, type TopicCandidate } from './topic-candidates.js';
import { probability } from './editor-model.js';
import { alignWeights } from './title-model.js';

export interface TopicModel {
  /** Feature names, in the order of `weights`. */
  features: string[];
  weights: number[];
  /** A list the rules did not take is added at this probability or above. */
  threshold: number;
}

/** The shipped weights, as `npm run train:topics` wrote them. */
export const SHIPPED_TOPIC_MODEL: TopicModel = { features: shipped.features, weights: shipped.weights, threshold: shipped.threshold };

/**
 * Each candidate's probability of being the topic list of a call whose topics the rules did not find (the model is fitted on such calls).
 *
 * @example
 * topicProbabilities(candidates, SHIPPED_TOPIC_MODEL)
 */
export function topicProbabilities(candidates: readonly TopicCandidate[], model: TopicModel = SHIPPED_TOPIC_MODEL): number[] {
  const w = alignWeights({ features: model.features, weights: model.weights }, TOPIC_FEATURES);
  return candidates.map((c) => probability(c.features, w));
}

/**
 * The call's topics: the rules' when they found any (on the labelled calls the rules' lists are right far
 * more often than a model can tell them apart); otherwise the list the model rates highest, when its
 * probability reaches the threshold, with its lines.
 *
 * @example
 * chooseTopics(candidates, []).topics
 */
export function chooseTopics(candidates: readonly TopicCandidate[], ruled: readonly string[], model: TopicModel = SHIPPED_TOPIC_MODEL): { topics: string[]; lines?: number[] } {
  if (ruled.length > 0) return { topics: [...ruled] };
  const p = topicProbabilities(candidates, model);
  let best = -1;
  p.forEach((v, i) => {
    if (v >= model.threshold && (best < 0 || v > (p[best] ?? 0))) best = i;
  });
  const chosen = candidates[best];
  if (!chosen) return { topics: [] };
  const seen = new Set<string>();
  return { topics: chosen.items.filter((t) => !seen.has(t.toLowerCase()) && seen.add(t.toLowerCase())), lines: chosen.lines };
}

export type TopicChooser = 'learned' | 'rules';

/**
 * The parser's topics: the rules' alone, or the learned chooser's over every
 * list the text writes; `onCandidates` (the trainer) sees the candidates
 * whichever chooser decides.
 *
 * @example
 * callTopics(lines, sections, runs, ruledTopics, { chooser: 'learned' }).topics
 */
export function callTopics(
  lines: readonly Line[],
  sections: readonly SectionKind[],
  runs: readonly BulletRun[],
  ruled: readonly string[],
  opts: { chooser: TopicChooser; model?: TopicModel; onCandidates?: (seen: TopicCandidate[]) => void; claimed?: ReadonlySet<number> },
): { topics: string[]; lines?: number[] } {
  const learned = opts.chooser === 'learned';
  // The chooser decides only where the rules found nothing: elsewhere no candidate is built unless the trainer asks.
  if ((!learned || ruled.length > 0) && !opts.onCandidates) return { topics: [...ruled] };
  const candidates = topicCandidates(lines, sections, runs, opts.claimed);
  opts.onCandidates?.(candidates);
  return learned ? chooseTopics(candidates, ruled, opts.model) : { topics: [...ruled] };
}
