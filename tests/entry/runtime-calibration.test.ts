/**
 * A runtime ranks with the calibration of its own embedder, or with the embedder-independent
 * one: never another embedder's (the Worker used to apply USE-lite's weights to bge-small
 * cosines). The Worker side is checked in tests/worker/worker.test.ts (/healthz and fits).
 */
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { createUseLiteEmbedder } from '../../src/adapters/node/use-lite-embedder.js';
import { BUNDLED_CALIBRATION_FILES } from '../../src/adapters/workers/calibrations.js';
import type { Embedder } from '../../src/core/ports.js';
import { logitOf } from '../../src/core/feedback/model.js';
import { ANY_EMBEDDER, inScopeProbability } from '../../src/core/rank/calibration.js';
import { sigmoid } from '../../src/core/rank/vector-math.js';
import { createNodeRuntime } from '../../src/entry/node-runtime.js';
import { createFakeEmbedder } from '../fixtures/fake-embedder.js';
import { bundledCalls, LAM_DRAFT } from '../http/helpers.js';

async function fitsMatchCalibration(embedder: Embedder) {
  const rt = await createNodeRuntime({ calls: bundledCalls(), embedderInstance: embedder });
  try {
    const { results } = await rt.matcher.rank(LAM_DRAFT);
    const top = results[0];
    if (!top) throw new Error('no results');
    // The top call gets its calibrated probability; every call shares the draft-level part of the
    // logit (the top call's cosine, coverage and reference scores) and adds its own score, so fits
    // never rise down the list. The reference scores are not in the response: read the scored draft.
    const cal = rt.matcher.calibration;
    const { scored } = await rt.matcher.scoreDraft(LAM_DRAFT);
    const scoredTop = scored[0];
    if (!scoredTop) throw new Error('nothing scored');
    expect(scoredTop.callId).toBe(top.call_id);
    expect(top.fit).toBeCloseTo(100 * inScopeProbability(scoredTop, cal), 0);
    const topLogit = logitOf(inScopeProbability(scoredTop, cal));
    for (const r of results) {
      expect(r.fit).toBeCloseTo(100 * sigmoid(topLogit + cal.weights.score * (r.score - top.score)), 0);
    }
    for (let i = 1; i < results.length; i++) expect(results[i]?.fit).toBeLessThanOrEqual(results[i - 1]?.fit ?? 100);
    return rt.matcher.calibration;
  } finally {
    await rt.dispose();
  }
}

describe('runtime calibration', () => {
  it('USE-lite ranks with the calibration fitted for USE-lite', async () => {
    const cal = await fitsMatchCalibration(createUseLiteEmbedder());
    expect(cal.embedder).toBe('use-lite');
    expect(cal.fitted_on).toMatch(/acl .* arxiv/);
  });

  it('an embedder without a fitted calibration ranks with the embedder-independent one', async () => {
    const cal = await fitsMatchCalibration(createFakeEmbedder());
    expect(cal.embedder).toBe(ANY_EMBEDDER);
    expect(cal.weights.dense).toBe(0);
  });

  it('the Worker bundles every shipped calibration file', () => {
    const shipped = readdirSync(new URL('../../data/calibration/', import.meta.url)).filter((n) => n.endsWith('.json')).sort();
    expect([...BUNDLED_CALIBRATION_FILES].sort()).toEqual(shipped);
  });
});
