/**
 * Per-topic evidence: for each topic of a call, the draft sentence that supports it. This is what
 * lets a result say which topics a draft matches and which sentence supports each match.
 *
 * Rules (issue #17, evidence people believe):
 * - The title (sentence 0) is a summary of the whole draft and resembles every topic a little, so
 *   it is evidence only when no sentence of the abstract reaches the topic threshold.
 * - Topics prefer distinct sentences: a topic whose best sentence already supports a stronger
 *   topic takes another sentence when one is nearly as close (within `distinctMargin`) and still
 *   reaches the threshold, so five topics do not all cite one sentence.
 */
import type { Corpus } from '../corpus/corpus.js';
import type { Passage } from '../corpus/passages.js';
import type { TopicMatch } from '../schema.js';
import { dot } from './vector-math.js';

export interface EmbeddedText {
  text: string;
  vector: Float32Array;
  /** Position among the draft's evidence units (0 = the title); default: the position in the list given. */
  index?: number;
}

export interface EvidenceOptions {
  /** Similarity at which a sentence supports a topic (RankParams.topicThreshold). */
  threshold: number;
  /** How much closer a topic's best sentence may be than a distinct one it takes instead. */
  distinctMargin: number;
}

export const DEFAULT_EVIDENCE: EvidenceOptions = { threshold: 0.45, distinctMargin: 0.05 };

interface Scored {
  topic: string;
  sims: number[];
  pick: number;
}

/**
 * Supporting sentence per topic, sorted by similarity (best first).
 *
 * @example
 * topicEvidence([{ text: 'edge AI', vector: t }], [{ text: 'Title', vector: a, index: 0 }, { text: 'We run models at the edge.', vector: s, index: 1 }])
 */
export function topicEvidence(topics: readonly EmbeddedText[], sentences: readonly EmbeddedText[], opts: EvidenceOptions = DEFAULT_EVIDENCE): TopicMatch[] {
  if (sentences.length === 0) return [];
  const idx = sentences.map((s, i) => s.index ?? i);
  const isTitle = (i: number) => idx[i] === 0 && sentences.length > 1;
  const argmax = (sims: readonly number[], ok: (i: number) => boolean) => {
    let best = -1;
    sims.forEach((x, i) => {
      if (ok(i) && (best < 0 || x > (sims[best] as number))) best = i;
    });
    return best;
  };
  const scored: Scored[] = topics.map((topic) => {
    const sims = sentences.map((s) => dot(topic.vector, s.vector));
    const body = argmax(sims, (i) => !isTitle(i));
    const title = argmax(sims, isTitle);
    // The title only when no sentence of the abstract reaches the threshold and the title does.
    const useTitle = title >= 0 && (body < 0 || ((sims[body] as number) < opts.threshold && (sims[title] as number) >= opts.threshold));
    return { topic: topic.text, sims, pick: useTitle ? title : body };
  });
  // Distinct sentences: strongest topics choose first.
  const used = new Set<number>();
  for (const t of [...scored].sort((a, b) => (b.sims[b.pick] as number) - (a.sims[a.pick] as number))) {
    const best = t.sims[t.pick] as number;
    if (used.has(t.pick) && best >= opts.threshold) {
      const alt = argmax(t.sims, (i) => !used.has(i) && !isTitle(i));
      const a = alt >= 0 ? (t.sims[alt] as number) : -Infinity;
      if (a >= opts.threshold && a >= best - opts.distinctMargin) t.pick = alt;
    }
    used.add(t.pick);
  }
  return scored
    .map((t) => ({ topic: t.topic, similarity: round(t.sims[t.pick] as number), sentence: sentences[t.pick]?.text ?? '', sentence_index: idx[t.pick] ?? 0 }))
    .sort((a, b) => b.similarity - a.similarity);
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
 * evidenceOfCall(corpus, 'c1', sentences, 0.45)[0]?.topic
 */
export function evidenceOfCall(corpus: Corpus, callId: string, sentences: readonly EmbeddedText[], threshold = DEFAULT_EVIDENCE.threshold): TopicMatch[] {
  const units = evidencePassages(corpus.passagesByCall.get(callId) ?? [])
    .map((p) => ({ text: p.text, vector: corpus.index.get(p.id) }))
    .filter((u): u is EmbeddedText => u.vector !== undefined);
  return topicEvidence(units, sentences, { ...DEFAULT_EVIDENCE, threshold });
}

export function round(x: number, digits = 4): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
