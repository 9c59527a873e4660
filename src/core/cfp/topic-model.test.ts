import { describe, expect, it } from 'vitest';
import { parseCfp } from './parse.js';
import { TOPIC_FEATURES, type TopicCandidate } from './topic-candidates.js';
import { chooseTopics, type TopicModel } from './topic-model.js';

/** A model that reads one feature: the candidate's probability is high exactly when it is a run of lines. */
const model: TopicModel = { features: ['bias', 'kind-lines'], weights: [-4, 8], threshold: 0.5 };
const cand = (kind: TopicCandidate['kind'], items: string[]): TopicCandidate => ({
  kind, items, lines: [items.length], features: TOPIC_FEATURES.map((f) => (f === 'bias' ? 1 : f === `kind-${kind}` ? 1 : 0)),
});

describe('chooseTopics', () => {
  it("keeps the rules' topics whenever the rules found any", () => {
    expect(chooseTopics([cand('marked', ['A', 'B']), cand('lines', ['C', 'D'])], ['A', 'B'], model)).toEqual({ topics: ['A', 'B'] });
  });

  it('with no rules topics, takes the best list at the threshold or above, each topic once, with its lines', () => {
    expect(chooseTopics([cand('prose', ['x', 'y', 'z']), cand('lines', ['C', 'D', 'c'])], [], model)).toEqual({ topics: ['C', 'D'], lines: [3] });
    expect(chooseTopics([cand('prose', ['x', 'y', 'z'])], [], model)).toEqual({ topics: [] });
  });
});

describe('the parser with the shipped topic chooser', () => {
  const text = 'Special Issue on Urban Heat\n\nCities are warming faster than their surroundings. The editors seek submissions that represent diverse approaches including (but not limited to):\n\nHeat-health warning systems\n\nUrban greening\n\nCooling centres\n\nGovernance of heat adaptation\n\nHeat and labour\n\nSubmission deadline: 1 May 2027\n';

  it('reads a list copied from a page without marks or line breaks between items that the rules miss, and says where it is', () => {
    expect(parseCfp(text, { topicChooser: 'rules' }).topics).toEqual([]);
    const call = parseCfp(text);
    expect(call.topics).toEqual(['Heat-health warning systems', 'Urban greening', 'Cooling centres', 'Governance of heat adaptation', 'Heat and labour']);
    expect(call.field_sources?.topics?.where).toMatch(/^lines /);
    expect(call.dates.submission_deadline).toBe('2027-05-01');
  });

  it('leaves a background enumeration alone', () => {
    expect(parseCfp('Special Issue on Coastal Cities\n\nCoastal cities face challenges including flooding, erosion, and salinisation.\n\nWe invite original research articles.\n').topics).toEqual([]);
  });
});
