/**
 * Per-topic evidence: for each topic of a call, the draft sentence closest
 * to it. This is what lets a result say which topics a draft matches and
 * which sentence supports each match.
 */
import type { TopicMatch } from '../schema.js';
import { dot } from './vector-math.js';

export interface EmbeddedText {
  text: string;
  vector: Float32Array;
}

/**
 * Best supporting sentence per topic, sorted by similarity (best first).
 *
 * @example
 * topicEvidence([{ text: 'edge AI', vector: t }], [{ text: 'We run models at the edge.', vector: s }])
 */
export function topicEvidence(topics: readonly EmbeddedText[], sentences: readonly EmbeddedText[]): TopicMatch[] {
  if (sentences.length === 0) return [];
  const out: TopicMatch[] = [];
  for (const topic of topics) {
    let best = -Infinity;
    let bestIdx = 0;
    for (let i = 0; i < sentences.length; i++) {
      const sim = dot(topic.vector, (sentences[i] as EmbeddedText).vector);
      if (sim > best) {
        best = sim;
        bestIdx = i;
      }
    }
    out.push({ topic: topic.text, similarity: round(best), sentence: sentences[bestIdx]?.text ?? '', sentence_index: bestIdx });
  }
  return out.sort((a, b) => b.similarity - a.similarity);
}

export function round(x: number, digits = 4): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
