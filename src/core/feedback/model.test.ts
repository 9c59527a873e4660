import { describe, expect, it } from 'vitest';
import { createRng } from '../random.js';
import { l2Normalize, sigmoid } from '../rank/vector-math.js';
import { createFeedbackKeys, submissionId } from './key.js';
import { fitFeedbackModel, logitOf, type FeedbackExample } from './model.js';
import { decodeVector, encodeVector } from './vector-codec.js';

const rng = createRng(5);
const noisy = (centre: number[], spread = 0.3) => l2Normalize(centre.map((c) => c + spread * (rng() - 0.5)));
const IN = [1, 0.2, 0, 0];
const OUT = [0.2, 1, 0, 0];

describe('fitFeedbackModel', () => {
  it('changes nothing without decisions', () => {
    const m = fitFeedbackModel([]);
    expect(m.decisions).toBe(0);
    expect(m.adjust(0.7, l2Normalize(IN))).toBe(0.7);
  });

  it('learns from decisions that contradict the calibration, and more from more of them', () => {
    // The calibration says every submission is in scope (logit 1); the editors decide by topic.
    const make = (n: number): FeedbackExample[] => Array.from({ length: n }, (_, i) => (i % 2 ? { vector: noisy(IN), logit: 1, label: 1 } : { vector: noisy(OUT), logit: 1, label: 0 }));
    const probeIn = noisy(IN);
    const probeOut = noisy(OUT);
    const gap = (n: number) => {
      const m = fitFeedbackModel(make(n));
      return sigmoid(m.adjust(1, probeIn)) - sigmoid(m.adjust(1, probeOut));
    };
    expect(gap(4)).toBeGreaterThan(0.05);
    expect(gap(40)).toBeGreaterThan(gap(4));
    const m = fitFeedbackModel(make(40));
    expect(sigmoid(m.adjust(1, probeOut))).toBeLessThan(0.5);
    expect(m).toMatchObject({ decisions: 40, inScope: 20, outOfScope: 20 });
  });

  it('decisions of one class shift the call, held back by the prior', () => {
    const outs = (n: number) => Array.from({ length: n }, () => ({ vector: noisy(OUT), logit: 0.5, label: 0 as const }));
    const few = fitFeedbackModel(outs(2)).adjust(0.5, noisy(OUT));
    const many = fitFeedbackModel(outs(30)).adjust(0.5, noisy(OUT));
    expect(few).toBeLessThan(0.5);
    expect(many).toBeLessThan(few);
    expect(Number.isFinite(many)).toBe(true);
  });

  it('logitOf stays finite at 0 and 1', () => {
    expect(Number.isFinite(logitOf(0))).toBe(true);
    expect(logitOf(0.5)).toBe(0);
  });
});

describe('feedback keys and ids', () => {
  const s = { title: 'T', abstract: 'An abstract.', keywords: ['k'] };
  it('a key verifies only for the same call, content and token', async () => {
    const keys = await createFeedbackKeys('token-a');
    const key = await keys.keyFor('c1', s);
    expect(await keys.verify(key, 'c1', s)).toBe(true);
    expect(await keys.verify(key, 'c1', { ...s, abstract: 'Another.' })).toBe(false);
    expect(await keys.verify(key, 'c2', s)).toBe(false);
    expect(await keys.verify(key.slice(0, -1), 'c1', s)).toBe(false);
    expect(await (await createFeedbackKeys('token-b')).verify(key, 'c1', s)).toBe(false);
    // Whitespace and Unicode forms do not change what was triaged.
    expect(await keys.verify(key, 'c1', { ...s, abstract: ' An  abstract. ' })).toBe(true);
  });
  it('a submission id is stable per call and says nothing readable', async () => {
    const id = await submissionId('c1', s);
    expect(id).toBe(await submissionId('c1', s));
    expect(id).not.toBe(await submissionId('c2', s));
    expect(id).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });
});

it('vectors round-trip through the stored form', () => {
  const v = new Float32Array([0.6, -0.8, 1e-7, 0]);
  expect(decodeVector(encodeVector(v))).toEqual(v);
  expect(decodeVector('%%%')).toBeUndefined();
  expect(decodeVector(btoa('abc'))).toBeUndefined();
});
