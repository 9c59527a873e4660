import { describe, expect, it } from 'vitest';
import { firstSentences, lengthGroups, parseReduce, reduceCalls } from './reduce.js';

const calls = Array.from({ length: 10 }, (_, i) => ({ id: `c${i}`, title: `Call ${i}`, description: 'a long scope text', topics: ['t1', 't2'] }));

describe('reduceCalls', () => {
  it('cuts the seeded share of calls to their title, the same ones on every run', () => {
    const a = reduceCalls(calls, { titles: 0.5, seed: 1 });
    expect(a.reduced.size).toBe(5);
    expect(reduceCalls(calls, { titles: 0.5, seed: 1 }).reduced).toEqual(a.reduced);
    expect(reduceCalls(calls, { titles: 0.5, seed: 2 }).reduced).not.toEqual(a.reduced);
    for (const c of a.calls) {
      if (a.reduced.has(c.id)) expect([c.description, c.topics]).toEqual([null, []]);
      else expect(c.description).toBe('a long scope text');
    }
  });
  it('parses titles=<share> and refuses anything else', () => {
    expect(parseReduce('titles=0.25', 3)).toEqual({ titles: 0.25, seed: 3 });
    expect(() => parseReduce('titles=2')).toThrow(/titles=/);
    expect(() => parseReduce('topics=0.5')).toThrow(/titles=/);
  });
  it('parses sentences=<n> alone or with titles, and refuses a share of sentences', () => {
    expect(parseReduce('sentences=1')).toEqual({ titles: 0, seed: 1, sentences: 1 });
    expect(parseReduce('titles=0.5,sentences=2', 4)).toEqual({ titles: 0.5, seed: 4, sentences: 2 });
    expect(() => parseReduce('sentences=0.5')).toThrow(/sentences=/);
    expect(() => parseReduce('sentences=0')).toThrow(/sentences=/);
  });
});

describe('firstSentences', () => {
  it('keeps the first n sentences of an abstract, all of a shorter one', () => {
    expect(firstSentences('We parse CFPs. They are messy. We fix that.', 1)).toBe('We parse CFPs.');
    expect(firstSentences('We parse CFPs. They are messy. We fix that.', 2)).toBe('We parse CFPs. They are messy.');
    expect(firstSentences('Only one sentence here.', 3)).toBe('Only one sentence here.');
  });
});

describe('lengthGroups', () => {
  it('reports papers of cut calls apart from the rest, with the gap and ratio', () => {
    const g = lengthGroups([{ callId: 'a', rank: 1 }, { callId: 'a', rank: 1 }, { callId: 'b', rank: 3 }, { callId: 'b', rank: 1 }], new Set(['b']));
    expect(g.full.acc_at_1).toBe(1);
    expect(g.reduced.acc_at_1).toBe(0.5);
    expect(g.gap.acc_at_1).toBe(0.5);
    expect(g.ratio_acc_at_1).toBe(0.5);
    expect(g.reduced.mrr).toBeCloseTo((1 / 3 + 1) / 2, 9);
  });
});
