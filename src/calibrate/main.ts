/**
 * Fit the in-scope calibration on labelled evaluation suites.
 *
 *   npm run calibrate -- --calls ../shared/eval/acl/calls.jsonl --papers ../shared/eval/acl/papers.jsonl \
 *     --calls ../shared/eval/arxiv/calls.jsonl --papers ../shared/eval/arxiv/papers.jsonl \
 *     --out data/calibration/use-lite.json
 *
 * Repeat --calls/--papers to pool suites. Embeddings are cached under
 * eval/.cache/ (shared with npm run eval) so re-runs only re-score.
 * Writes only coefficients and a record of the fit, never the data.
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { selectEmbedder, parseEmbedderKind } from '../adapters/node/select-embedder.js';
import { ANY_EMBEDDER, DEFAULT_CALIBRATION, inScopeProbability, type Calibration } from '../core/rank/calibration.js';
import { brierScore, expectedCalibrationError, type Prediction } from '../core/triage/calibration-metrics.js';
import type { CalibrationRecord } from '../core/triage/calibration-record.js';
import { fitLogistic } from '../core/triage/logistic-fit.js';
import { createCachedEmbedder } from '../eval/embed-cache.js';
import { pairWeights, suitePairs, type Pair } from './pairs.js';

const HELP = `Usage: npm run calibrate -- --calls <calls.jsonl> --papers <papers.jsonl> [--calls ... --papers ...] --out <file.json>
Options: --embedder auto|onnx|use-lite (default use-lite), --max-papers <n> per suite, --l2 <x> (default 1e-5, relative to the mean weighted log-loss), --cache <dir> (default eval/.cache, shared with npm run eval),
  --lexical-only (fit without the cosine feature: an embedder-independent calibration, embedder "*")`;

function predictions(pairs: readonly Pair[], weights: readonly number[], cal: Calibration): Prediction[] {
  return pairs.map((p, i) => ({ p: inScopeProbability({ dense: p.x[0], coverage: p.x[1], score: p.x[2] }, cal), y: p.y, w: weights[i] ?? 1 }));
}

const metrics = (preds: readonly Prediction[]) => ({ brier: round(brierScore(preds)), ece: round(expectedCalibrationError(preds)) });
const round = (x: number) => Math.round(x * 1e4) / 1e4;

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      calls: { type: 'string', multiple: true },
      papers: { type: 'string', multiple: true },
      out: { type: 'string' },
      embedder: { type: 'string', default: 'use-lite' },
      'max-papers': { type: 'string' },
      l2: { type: 'string', default: '1e-5' },
      cache: { type: 'string', default: 'eval/.cache' },
      'lexical-only': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const callsFiles = values.calls ?? [];
  const papersFiles = values.papers ?? [];
  if (values.help || !values.out || callsFiles.length === 0 || callsFiles.length !== papersFiles.length) {
    console.error(HELP);
    return values.help ? 0 : 2;
  }
  const { embedder: inner } = await selectEmbedder({ kind: parseEmbedderKind(values.embedder), modelsDir: process.env.MODELS_DIR ?? 'models' });
  const embedder = await createCachedEmbedder(inner, values.cache);
  const pairs: Pair[] = [];
  const suites: string[] = [];
  let papers = 0;
  let calls = 0;
  try {
    for (const [i, callsFile] of callsFiles.entries()) {
      const suite = basename(dirname(callsFile));
      const t0 = Date.now();
      const r = await suitePairs(suite, callsFile, papersFiles[i] ?? '', embedder, {
        ...(values['max-papers'] ? { maxPapers: Number(values['max-papers']) } : {}),
        onProgress: (done, total) => process.stderr.write(`\r${suite}: embedded ${done}/${total} texts`),
      });
      process.stderr.write(`\n${suite}: ${r.papers} papers x ${r.calls} calls in ${((Date.now() - t0) / 1000).toFixed(1)} s (cache hits ${embedder.stats.hits}, misses ${embedder.stats.misses})\n`);
      pairs.push(...r.pairs);
      suites.push(`${suite} (${r.papers} papers, ${r.calls} calls)`);
      papers += r.papers;
      calls += r.calls;
    }
  } finally {
    await embedder.flush();
    await embedder.dispose?.();
  }
  const weights = pairWeights(pairs);
  const train = pairs.map((p, i) => ({ p, w: weights[i] ?? 1 })).filter((r) => !r.p.heldOut);
  const test = pairs.map((p, i) => ({ p, w: weights[i] ?? 1 })).filter((r) => r.p.heldOut);
  const l2 = Number(values.l2);
  // --lexical-only: no cosine feature (dense weight 0), so the fit serves any embedder (ANY_EMBEDDER):
  // the calibration a runtime falls back to when none was fitted for its embedder (calibrationFor).
  const lexicalOnly = Boolean(values['lexical-only']);
  const embedderOfFit = lexicalOnly ? ANY_EMBEDDER : inner.id;
  const fitOn = (rows: typeof train): Calibration => {
    const f = fitLogistic(rows.map((r) => ({ x: lexicalOnly ? [r.p.x[1], r.p.x[2]] : r.p.x, y: r.p.y, w: r.w })), { l2, nonNegative: true });
    const [dense = 0, coverage = 0, score = 0] = lexicalOnly ? [0, ...f.weights] : f.weights;
    return { kind: 'logistic', embedder: embedderOfFit, weights: { dense: round(dense), coverage: round(coverage), score: round(score), bias: round(f.bias) } };
  };
  const split = fitOn(train);
  const final = fitOn(train.concat(test));
  const evalOn = (rows: typeof train, cal: Calibration) => metrics(predictions(rows.map((r) => r.p), rows.map((r) => r.w), cal));
  const record: CalibrationRecord = {
    kind: 'logistic',
    weights: final.weights,
    fitted_on: `pooled ${suites.join(' + ')}; weighted logistic regression (Newton/IRLS, L2 ${l2}, non-negative weights)`,
    embedder: embedderOfFit,
    date: new Date().toISOString().slice(0, 10),
    n: { pairs: pairs.length, papers, calls, positives: pairs.filter((p) => p.y === 1).length },
    metrics: {
      all_before: evalOn(train.concat(test), DEFAULT_CALIBRATION),
      all_after: evalOn(train.concat(test), final),
      heldout_before: evalOn(test, DEFAULT_CALIBRATION),
      heldout_after_fit_on_rest: evalOn(test, split),
    },
    notes: [
      lexicalOnly
        ? `features: coverage, score (dense weight 0: embedder-independent; the scores were computed with ${inner.id})`
        : 'features: dense, coverage, score as in src/core/rank/calibration.ts inScopeProbability',
      'one row per paper: its top-ranked call, labelled in scope (the paper belongs to some call) or out of scope',
      'weights per suite: in-scope and out-of-scope papers 1/2 each, suites equal (an even prior)',
      'Brier and ECE (10 bins) are weighted the same way; held out: papers whose id hashes to 0 mod 5',
    ],
  };
  await mkdir(dirname(values.out), { recursive: true });
  const tmp = `${values.out}.tmp`;
  await writeFile(tmp, `${JSON.stringify(record, null, 2)}\n`);
  await rename(tmp, values.out);
  console.log(JSON.stringify({ out: values.out, weights: record.weights, metrics: record.metrics, n: record.n }, null, 2));
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
