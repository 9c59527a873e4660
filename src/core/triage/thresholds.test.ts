import { describe, expect, test } from 'vitest';
import { isCfpError } from '../errors.js';
import { DEFAULT_IN_SCOPE_THRESHOLD } from '../rank/calibration.js';
import { Call, TriageThresholds } from '../schema.js';
import { DEFAULT_TRIAGE_THRESHOLDS, resolveThresholds, verdictFor } from './thresholds.js';
import { triageReason } from './reason.js';

const errorOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected an error');
};

describe('resolveThresholds', () => {
  test('defaults follow the shared in-scope threshold', () => {
    expect(resolveThresholds({})).toEqual(DEFAULT_TRIAGE_THRESHOLDS);
    expect(DEFAULT_TRIAGE_THRESHOLDS.in_scope).toBe(DEFAULT_IN_SCOPE_THRESHOLD);
  });
  test('the call overrides the defaults and the request overrides the call', () => {
    const call = { triage: { in_scope: 0.8, borderline: 0.4 } };
    expect(resolveThresholds(call)).toEqual({ in_scope: 0.8, borderline: 0.4 });
    expect(resolveThresholds(call, { in_scope: 0.6 })).toEqual({ in_scope: 0.6, borderline: 0.4 });
    expect(resolveThresholds(call, { borderline: 0.1 })).toEqual({ in_scope: 0.8, borderline: 0.1 });
  });
  test('lowering in_scope below an inherited borderline lowers the borderline with it', () => {
    expect(resolveThresholds({}, { in_scope: 0.1 })).toEqual({ in_scope: 0.1, borderline: 0.1 });
  });
  test('a borderline set above the in_scope in force is a VALIDATION error naming the field', () => {
    const e = errorOf(() => resolveThresholds({ triage: { in_scope: 0.5 } }, { borderline: 0.7 }));
    expect(isCfpError(e) && e.code).toBe('VALIDATION');
    expect(isCfpError(e) && e.fields?.[0]?.path).toBe('thresholds.borderline');
  });
  test('the schemas reject borderline > in_scope and values outside [0, 1]', () => {
    expect(TriageThresholds.safeParse({ in_scope: 0.3, borderline: 0.6 }).success).toBe(false);
    expect(TriageThresholds.safeParse({ in_scope: 1.2 }).success).toBe(false);
    expect(Call.safeParse({ id: 'x', title: 'T', triage: { in_scope: 0.2, borderline: 0.5 } }).success).toBe(false);
    expect(Call.parse({ id: 'x', title: 'T', triage: { in_scope: 0.7 } }).triage).toEqual({ in_scope: 0.7 });
  });
});

test('verdictFor uses inclusive lower bounds', () => {
  const t = { in_scope: 0.5, borderline: 0.25 };
  expect(verdictFor(0.5, t)).toBe('in_scope');
  expect(verdictFor(0.49, t)).toBe('borderline');
  expect(verdictFor(0.25, t)).toBe('borderline');
  expect(verdictFor(0.2, t)).toBe('out_of_scope');
});

test('the reason is one line and quotes only the supporting sentence', () => {
  const m = { topic: 'Edge AI', similarity: 0.62, sentence: 'We run\nmodels at the edge.', sentence_index: 1 };
  const r = triageReason({ verdict: 'in_scope', probability: 0.81, matched: [m], closest: m, topicCount: 6, topicThreshold: 0.3, betterFit: { call_id: 'b', title: 'Other call', probability: 0.95 } });
  expect(r).toBe('In scope (p=0.81): matches 1 of 6 topics; strongest "Edge AI" (0.62), sentence 1: "We run models at the edge."; better fit: Other call (p=0.95)');
  expect(r).not.toContain('\n');
});

test("the reason's sentence number is the JSON's sentence_index, and the title is named as such", () => {
  for (const sentence_index of [0, 1, 2, 7]) {
    const m = { topic: 'Edge AI', similarity: 0.62, sentence: 'S.', sentence_index };
    const r = triageReason({ verdict: 'in_scope', probability: 0.8, matched: [m], closest: m, topicCount: 3, topicThreshold: 0.45 });
    expect(r).toContain(sentence_index === 0 ? 'the title: "S."' : `sentence ${sentence_index}: "S."`);
  }
});

test('below the in-scope threshold the reason names the nearest topic as weak, never as a match', () => {
  const m = { topic: 'Edge AI', similarity: 0.5, sentence: 'S.', sentence_index: 1 };
  const r = triageReason({ verdict: 'out_of_scope', probability: 0.1, matched: [], closest: m, topicCount: 3, topicThreshold: 0.45 });
  expect(r).toBe('Out of scope (p=0.10): topics are shown as matched only for an in-scope verdict; nearest (weak): "Edge AI" (0.50), sentence 1');
  expect(r).not.toContain('matches');
  const t = { topic: 'Robots', similarity: 0.41, sentence: 'T.', sentence_index: 0 };
  const two = triageReason({ verdict: 'borderline', probability: 0.3, matched: [], closest: m, nearest: [m, t], topicCount: 3, topicThreshold: 0.45 });
  expect(two).toBe('Borderline (p=0.30): topics are shown as matched only for an in-scope verdict; nearest (weak): "Edge AI" (0.50), sentence 1; "Robots" (0.41), the title');
});

test('a call that lists no topics: the reason says so and that the verdict rests on the title (and scope)', () => {
  const bare = triageReason({ verdict: 'in_scope', probability: 0.89, matched: [], closest: undefined, topicCount: 0, topicThreshold: 0.45 });
  expect(bare).toBe('In scope (p=0.89): the call lists no topics, so the verdict rests on its title');
  const scoped = triageReason({ verdict: 'in_scope', probability: 0.89, matched: [], closest: undefined, topicCount: 0, hasScope: true, topicThreshold: 0.45 });
  expect(scoped).toBe('In scope (p=0.89): the call lists no topics, so the verdict rests on its title and scope');
  const p = { topic: 'Work on networks', similarity: 0.3, sentence: 'S.', sentence_index: 2 };
  const out = triageReason({ verdict: 'out_of_scope', probability: 0.1, matched: [], closest: p, topicCount: 0, hasScope: true, topicThreshold: 0.45 });
  expect(out).toBe('Out of scope (p=0.10): the call lists no topics, so the verdict rests on its title and scope; nearest scope passage (weak): "Work on networks" (0.30), sentence 2');
  expect(out).not.toContain('no topic evidence');
});
