import { describe, expect, test } from 'vitest';
import { brierScore, expectedCalibrationError } from './calibration-metrics.js';
import { fitLogistic, solve, type LabelledRow } from './logistic-fit.js';
import { createRng as rng } from '../random.js';

const gauss = (r: () => number) => Math.sqrt(-2 * Math.log(r() + 1e-12)) * Math.cos(2 * Math.PI * r());

function synthetic(n: number, w: number[], bias: number, seed: number): LabelledRow[] {
  const r = rng(seed);
  return Array.from({ length: n }, () => {
    const x = w.map(() => gauss(r));
    const z = x.reduce((s, xi, j) => s + xi * (w[j] ?? 0), bias);
    return { x, y: r() < 1 / (1 + Math.exp(-z)) ? 1 : 0 };
  });
}

describe('fitLogistic', () => {
  test('recovers known coefficients on synthetic data', () => {
    const truth = [2, -1, 0.5];
    const fit = fitLogistic(synthetic(20_000, truth, -0.7, 7), { l2: 0 });
    truth.forEach((w, j) => expect(Math.abs((fit.weights[j] ?? 0) - w)).toBeLessThan(0.12));
    expect(Math.abs(fit.bias - -0.7)).toBeLessThan(0.1);
  });

  test('sample weights act like repeated rows', () => {
    const rows = synthetic(500, [1.5], 0.2, 3);
    const weighted = fitLogistic(rows.map((r) => ({ ...r, w: 3 })), { l2: 0 });
    const repeated = fitLogistic([...rows, ...rows, ...rows], { l2: 0 });
    expect(weighted.weights[0]).toBeCloseTo(repeated.weights[0] ?? 0, 6);
    expect(weighted.bias).toBeCloseTo(repeated.bias, 6);
  });

  test('L2 shrinks the weights but never the bias toward 0 for separable data', () => {
    const rows: LabelledRow[] = [{ x: [0], y: 0 }, { x: [1], y: 1 }, { x: [0.2], y: 0 }, { x: [0.8], y: 1 }];
    const fit = fitLogistic(rows, { l2: 0.1 });
    expect(Number.isFinite(fit.weights[0])).toBe(true);
    expect(fit.weights[0]).toBeGreaterThan(0);
    expect(fit.weights[0]).toBeLessThan(fitLogistic(rows, { l2: 0.01 }).weights[0] ?? 0);
  });

  test('nonNegative drops a feature that would get a negative weight', () => {
    const rows = synthetic(5_000, [2, -1], 0, 11);
    const free = fitLogistic(rows, { l2: 0 });
    expect(free.weights[1]).toBeLessThan(0);
    const constrained = fitLogistic(rows, { l2: 0, nonNegative: true });
    expect(constrained.weights[1]).toBe(0);
    expect(constrained.weights[0]).toBeGreaterThan(1);
  });

  test('solve handles pivoting', () => {
    const x = solve([[0, 2], [3, 1]], [4, 5]);
    expect(x[0]).toBeCloseTo(1, 10);
    expect(x[1]).toBeCloseTo(2, 10);
  });
});

describe('calibration metrics', () => {
  test('Brier and ECE are 0 for perfect predictions and grow with miscalibration', () => {
    const perfect = [{ p: 1, y: 1 as const }, { p: 0, y: 0 as const }];
    expect(brierScore(perfect)).toBe(0);
    expect(expectedCalibrationError(perfect)).toBe(0);
    const over = [{ p: 0.9, y: 1 as const }, { p: 0.9, y: 0 as const }];
    expect(brierScore(over)).toBeCloseTo(0.41, 10);
    expect(expectedCalibrationError(over)).toBeCloseTo(0.4, 10);
  });

  test('a fit on well-specified data is better calibrated than a wrong model', () => {
    const rows = synthetic(5_000, [1.2, 0.8], -0.3, 5);
    const fit = fitLogistic(rows, { l2: 0 });
    const predict = (w: number[], b: number) => rows.map((r) => ({ p: 1 / (1 + Math.exp(-(r.x.reduce((s, x, j) => s + x * (w[j] ?? 0), b)))), y: r.y }));
    const good = predict(fit.weights, fit.bias);
    const bad = predict([4, 4], 2);
    expect(brierScore(good)).toBeLessThan(brierScore(bad));
    expect(expectedCalibrationError(good)).toBeLessThan(0.03);
    expect(expectedCalibrationError(bad)).toBeGreaterThan(0.1);
  });
});


describe('fitLogistic with offsets and a bias penalty', () => {
  test('an offset that already explains the labels leaves nothing to fit', () => {
    const rows = synthetic(5_000, [1.5], -0.5, 13).map((r) => ({ x: [0], y: r.y, offset: 1.5 * (r.x[0] ?? 0) - 0.5 }));
    const fit = fitLogistic(rows, { l2: 0.01 });
    expect(Math.abs(fit.bias)).toBeLessThan(0.1);
    // Without the offset the same rows need a bias near the mean logit.
    expect(fitLogistic(rows.map((r) => ({ x: r.x, y: r.y })), { l2: 0.01 }).bias).toBeLessThan(-0.3);
  });
  test('a bias penalty keeps one-class labels finite and shrinks toward 0', () => {
    const rows: LabelledRow[] = Array.from({ length: 5 }, () => ({ x: [0], y: 1 as const, offset: 0 }));
    const free = fitLogistic(rows, { l2: 1, l2Bias: 0, maxIterations: 30 });
    const held = fitLogistic(rows, { l2: 1, l2Bias: 0.5 });
    expect(held.bias).toBeGreaterThan(0);
    expect(held.bias).toBeLessThan(free.bias);
    expect(held.bias).toBeLessThan(3);
  });
});
