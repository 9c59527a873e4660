import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { DEFAULT_CALIBRATION_DIR, loadCalibrations } from '../../src/adapters/node/calibration-file.js';
import { ANY_EMBEDDER, calibrationFor, DEFAULT_CALIBRATION, inScopeProbability, type Calibration } from '../../src/core/rank/calibration.js';
import { calibrationFileName } from '../../src/core/triage/calibration-record.js';

const shipped = await loadCalibrations(DEFAULT_CALIBRATION_DIR);
const stored = calibrationFor('use-lite', shipped);

describe('loadCalibrations', () => {
  test('loads the shipped use-lite fit (before the hand-set prior) and an embedder-independent one', () => {
    expect(stored.kind).toBe('logistic');
    expect(stored.embedder).toBe('use-lite');
    expect(stored.fitted_on).toMatch(/acl .* arxiv/);
    const any = calibrationFor('onnx:no/such-model', shipped);
    expect(any.embedder).toBe(ANY_EMBEDDER);
    expect(any.weights.dense).toBe(0);
    expect(shipped.at(-1)).toBe(DEFAULT_CALIBRATION);
  });
  test('a broken file is a STORAGE error, not a silent default', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cal-'));
    await writeFile(join(dir, calibrationFileName('x:y/z')), JSON.stringify({ kind: 'logistic', weights: { dense: 1 } }));
    await expect(loadCalibrations(dir)).rejects.toMatchObject({ code: 'STORAGE' });
  });
  test('a missing folder leaves only the hand-set prior', async () => {
    expect(await loadCalibrations(join(tmpdir(), 'no-such-calibration-dir'))).toEqual([DEFAULT_CALIBRATION]);
  });
});

describe.each([
  ['hand-set default', DEFAULT_CALIBRATION],
  ['fitted use-lite', stored],
  ['embedder-independent', calibrationFor('any-other-embedder', shipped)],
])('inScopeProbability with the %s calibration', (_name, cal: Calibration) => {
  const feature = fc.record({ dense: fc.double({ min: -1, max: 1, noNaN: true }), coverage: fc.double({ min: 0, max: 1, noNaN: true }), score: fc.double({ min: -6, max: 6, noNaN: true }) });

  test('is a probability in [0, 1]', () => {
    fc.assert(fc.property(feature, (f) => {
      const p = inScopeProbability(f, cal);
      return p >= 0 && p <= 1;
    }));
  });

  test.each(['dense', 'coverage', 'score'] as const)('never falls when %s rises', (key) => {
    fc.assert(fc.property(feature, fc.double({ min: 0, max: 2, noNaN: true }), (f, d) => inScopeProbability({ ...f, [key]: f[key] + d }, cal) >= inScopeProbability(f, cal)));
  });
});
