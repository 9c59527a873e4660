/**
 * Per-topic evidence: for each topic of a call, the draft sentence closest
 * to it. This is what lets a result say which topics a draft matches and
 * which sentence supports each match.
 */
import type { Corpus } from '../corpus/corpus.js';
import type { Passage } from '../corpus/passages.js';
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

/**
 * The passages a call's evidence is computed from: its topics, or its scope chunks when it lists none.
 *
 * @example
 * evidencePassages(corpus.passagesByCall.get('c1') ?? []).map((p) => p.text)
 */
export function evidencePassages(passages: readonly Passage[]): Passage[] {
  const topics = passages.filter((p) => p.kind === 'topic');
  return topics.length ? topics : passages.filter((p) => p.kind === 'scope');
}

/**
 * Topic evidence of one call for the draft's embedded sentences. The passages' vectors must be
 * readable with `corpus.index.get` (prefetched first for remote indexes).
 *
 * @example
 * evidenceOfCall(corpus, 'c1', sentences)[0]?.topic
 */
export function evidenceOfCall(corpus: Corpus, callId: string, sentences: readonly EmbeddedText[]): TopicMatch[] {
  const units = evidencePassages(corpus.passagesByCall.get(callId) ?? [])
    .map((p) => ({ text: p.text, vector: corpus.index.get(p.id) }))
    .filter((u): u is EmbeddedText => u.vector !== undefined);
  return topicEvidence(units, sentences);
}

export function round(x: number, digits = 4): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
