import { describe, expect, it } from 'vitest';
import { inScopeProbability } from '../core/rank/calibration.js';
import { evaluateFeatureSet, featureValue, fitFeatures, parseFeatures, predict, suiteQuality, toRuntimeCalibration } from './evaluate.js';
import { pairWeights, type Pair, type PairFeatures } from './pairs.js';

const features = (over: Partial<PairFeatures> = {}): PairFeatures => ({
  dense: 0.5,
  coverage: 0.05,
  score: 1,
  normDense: 0,
  normLexical: 0,
  denseRef: true,
  lexicalRef: true,
  margin: 0.3,
  callWords: 200,
  ...over,
});
let n = 0;
const pair = (suite: string, y: 0 | 1, over: Partial<PairFeatures> = {}): Pair => ({ suite, paperId: `p${n++}`, callId: 'c', f: features(over), y, sentTo: [], outOfScope: y === 0, heldOut: false });

/** A suite where in-scope papers score `gap` reference spreads above out-of-scope ones, with some overlap. */
function suite(name: string, shift: number, gap = 2, count = 40): Pair[] {
  const rows: Pair[] = [];
  for (let i = 0; i < count; i++) {
    const jitter = ((i * 7) % 10) / 5 - 1; // -1..+0.8, deterministic
    rows.push(pair(name, 1, { normDense: shift + gap + jitter, normLexical: shift + gap + jitter }));
    if (i % 2 === 0) rows.push(pair(name, 0, { normDense: shift + jitter, normLexical: shift + jitter }));
  }
  return rows;
}

describe('pairWeights with a prior', () => {
  it('gives in-scope papers the prior share of each suite and equal totals to suites', () => {
    const pairs = [...suite('a', 0, 2, 10), ...suite('b', 0, 2, 30)];
    const w = pairWeights(pairs, 0.75);
    const sum = (f: (p: Pair) => boolean) => pairs.reduce((s, p, i) => s + (f(p) ? (w[i] ?? 0) : 0), 0);
    expect(sum((p) => p.suite === 'a' && p.y === 1)).toBeCloseTo(3 * sum((p) => p.suite === 'a' && p.y === 0), 9);
    expect(sum((p) => p.suite === 'a')).toBeCloseTo(sum((p) => p.suite === 'b'), 9);
  });
});

describe('featureValue', () => {
  it('reads a pair feature and derives shortCall from the call length', () => {
    expect(featureValue(features({ normLexical: 2.5 }), 'normLexical')).toBe(2.5);
    expect(featureValue(features({ callWords: 300 }), 'shortCall')).toBe(0);
    expect(featureValue(features({ callWords: 1000 }), 'shortCall')).toBe(0);
    expect(featureValue(features({ callWords: 30 }), 'shortCall')).toBeCloseTo(Math.log(10), 12);
  });
});

describe('parseFeatures', () => {
  it('accepts known names and names the unknown ones', () => {
    expect(parseFeatures('coverage, normLexical')).toEqual(['coverage', 'normLexical']);
    expect(() => parseFeatures('coverage,lenght')).toThrow(/unknown feature lenght .*known: dense/);
    expect(() => parseFeatures('')).toThrow(/none given/);
  });
});

describe('fitFeatures and toRuntimeCalibration', () => {
  const pairs = suite('a', 0);
  it('weights the separating feature and the runtime calibration gives the same probabilities', () => {
    const fit = fitFeatures(pairs, pairWeights(pairs), ['coverage', 'normDense'], 1e-5);
    expect(fit.weights.normDense).toBeGreaterThan(0.5);
    const cal = toRuntimeCalibration(fit, 'use-lite');
    expect(cal.embedder).toBe('*'); // no cosine weight: embedder-independent
    for (const p of pairs.slice(0, 6)) expect(inScopeProbability(p.f, cal)).toBeCloseTo(predict(fit, p.f), 3);
  });
  it('refuses a feature the runtime does not read', () => {
    const fit = fitFeatures(pairs, pairWeights(pairs), ['normDense', 'margin'], 1e-5);
    expect(() => toRuntimeCalibration(fit, 'use-lite')).toThrow(/cannot read margin/);
  });
});

describe('suiteQuality', () => {
  it('gives triage F1 at the threshold, AUROC and in-scope recall of top-call probabilities', () => {
    const pairs = [pair('s', 1), pair('s', 1), pair('s', 1), pair('s', 0), pair('s', 0)];
    const probs = new Map(pairs.map((p, i) => [p, [0.9, 0.6, 0.3, 0.7, 0.1][i] ?? 0]));
    const q = suiteQuality(pairs, (p) => probs.get(p) ?? 0, 0.5);
    // Predicted in scope: 0.9, 0.6 (true) and 0.7 (false); missed 0.3: F1 = 4 / (4 + 1 + 1).
    expect(q.f1).toBeCloseTo(4 / 6, 4);
    // Positives over negatives: 0.9 beats both, 0.6 one, 0.3 one: 4 of 6.
    expect(q.auroc).toBeCloseTo(4 / 6, 4);
    expect(q.recall).toBeCloseTo(2 / 3, 4);
    expect(q.rejected).toBeCloseTo(1 / 2, 4);
    expect([q.in_scope, q.out_of_scope]).toEqual([3, 2]);
    expect(q.ci95.f1[0]).toBeLessThanOrEqual(q.f1);
    expect(q.ci95.f1[1]).toBeGreaterThanOrEqual(q.f1);
  });
});

describe('evaluateFeatureSet', () => {
  // Suite c sits 2 spreads lower than a and b (as arXiv does): a fit that never saw it places its boundary too high.
  const pairs = [...suite('a', 0), ...suite('b', 0), ...suite('c', -2)];
  const r = evaluateFeatureSet(pairs, ['normDense'], 1e-5, 0.5);

  it('scores each suite with a fit on the other suites only', () => {
    const rest = pairs.filter((p) => p.suite !== 'c');
    expect(r.by_suite.c?.leave_one_suite_out.fit).toEqual(fitFeatures(rest, pairWeights(rest, 0.5), ['normDense'], 1e-5));
    expect(r.pooled).toEqual(fitFeatures(pairs, pairWeights(pairs, 0.5), ['normDense'], 1e-5));
  });

  it('shows the shift the pooled fit hides', () => {
    const c = r.by_suite.c;
    if (!c) throw new Error('no suite c');
    // Most in-scope papers of c fall below the boundary learnt on a and b.
    expect(c.leave_one_suite_out.f1).toBeLessThan(c.pooled.f1);
    expect(c.leave_one_suite_out.ece).toBeGreaterThan(c.pooled.ece);
    // Ranking within the suite does not depend on the boundary.
    expect(c.leave_one_suite_out.auroc).toBeCloseTo(c.pooled.auroc, 9);
  });
});
