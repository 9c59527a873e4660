import { describe, expect, it } from 'vitest';
import { l2Normalize } from './vector-math.js';
import { topicEvidence, type EmbeddedText } from './evidence.js';
import { prepareDraft } from './draft.js';

const unit = (text: string, xs: number[], index?: number): EmbeddedText => ({ text, vector: l2Normalize(xs), ...(index !== undefined ? { index } : {}) });

describe('topicEvidence', () => {
  it('cites the title only when no sentence of the abstract reaches the threshold', () => {
    const topic = [unit('edge AI', [1, 0, 0])];
    const title = unit('Edge AI title', [1, 0.1, 0], 0);
    const good = unit('We run models at the edge.', [1, 0.6, 0], 1);
    const weak = unit('Unrelated sentence.', [0, 1, 0], 1);
    expect(topicEvidence(topic, [title, good], { threshold: 0.45, distinctMargin: 0.05 })[0]?.sentence_index).toBe(1);
    expect(topicEvidence(topic, [title, weak], { threshold: 0.45, distinctMargin: 0.05 })[0]?.sentence_index).toBe(0);
  });
  it('gives topics distinct sentences when one is nearly as close', () => {
    const topics = [unit('A', [1, 0, 0]), unit('B', [0.95, 0.3, 0])];
    const s1 = unit('s1', [1, 0.05, 0], 1);
    const s2 = unit('s2', [0.9, 0.35, 0], 2);
    const out = topicEvidence(topics, [unit('', [0, 0, 1], 0), s1, s2], { threshold: 0.45, distinctMargin: 0.05 });
    expect(new Set(out.map((m) => m.sentence_index)).size).toBe(2);
    // With no margin each topic keeps its own best sentence, even a shared one.
    const strict = topicEvidence([unit('A', [1, 0, 0]), unit('A2', [1, 0.01, 0])], [s1, unit('far', [0.6, 0.8, 0], 2)], { threshold: 0.45, distinctMargin: 0 });
    expect(strict.map((m) => m.sentence_index)).toEqual([1, 1]);
  });
});

describe('prepareDraft sentence numbering', () => {
  it('keeps index 0 for the title, so abstract sentence k has sentence_index k with or without a title', () => {
    expect(prepareDraft({ title: 'T', abstract: 'A one. B two.', keywords: [] }).sentences).toEqual(['T', 'A one.', 'B two.']);
    expect(prepareDraft({ title: '', abstract: 'A one. B two.', keywords: [] }).sentences).toEqual(['', 'A one.', 'B two.']);
  });
});
