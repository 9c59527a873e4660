/**
 * Fit the in-scope calibration on labelled evaluation suites, and measure it per suite, pooled and
 * leave-one-suite-out (evaluate.ts).
 *
 *   npm run calibrate -- --calls ../shared/eval/acl/calls.jsonl --papers ../shared/eval/acl/papers.jsonl \
 *     --calls ../shared/eval/arxiv/calls.jsonl --papers ../shared/eval/arxiv/papers.jsonl \
 *     --calls eval/special-issues/calls.jsonl --papers eval/special-issues/papers.jsonl \
 *     --out data/calibration/use-lite.json
 *
 * Repeat --calls/--papers to pool suites. Embeddings are cached under
 * eval/.cache/ (shared with npm run eval) so re-runs only re-score.
 * Writes only coefficients and a record of the fit, never the data.
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { exitCodeOf, isCfpError } from '../core/errors.js';
import { selectEmbedder, parseEmbedderKind } from '../adapters/node/select-embedder.js';
import { ANY_EMBEDDER, DEFAULT_CALIBRATION, inScopeProbability, type Calibration } from '../core/rank/calibration.js';
import { brierScore, expectedCalibrationError, type Prediction } from '../core/triage/calibration-metrics.js';
import { parseCalibrationRecord, type CalibrationRecord } from '../core/triage/calibration-record.js';
import { createCachedEmbedder } from '../eval/embed-cache.js';
import { readInputFile } from '../eval/load.js';
import {
  CALIBRATED_FEATURES,
  CANDIDATE_FEATURES,
  callLevelQuality,
  evaluateFeatureSet,
  fitFeatures,
  parseFeatures,
  suiteQuality,
  toRuntimeCalibration,
  type FeatureName,
  type CallLevelQuality,
  type FeatureSetReport,
  type SuiteQuality,
} from './evaluate.js';
import { DEFAULT_PRIOR, pairWeights, suitePairs, type Pair } from './pairs.js';

/** The shipped feature set (docs/triage.md "Length-fair triage"); --lexical-only drops the embedder's two. */
const DEFAULT_FEATURES: readonly FeatureName[] = ['dense', 'coverage', 'score', 'normDense', 'normLexical'];

/** Features that read the embedder: its cosine, and that cosine against the embedder's reference statistics. */
const EMBEDDER_FEATURES: readonly FeatureName[] = ['dense', 'normDense'];

const HELP = `Usage: npm run calibrate -- --calls <calls.jsonl> --papers <papers.jsonl> [--calls ... --papers ...] [--out <file.json>]
Options: --embedder auto|onnx|use-lite (default use-lite), --max-papers <n> per suite, --l2 <x> (default 1e-5, relative to the mean weighted log-loss), --cache <dir> (default eval/.cache, shared with npm run eval),
  --features <list> the features fitted (default ${DEFAULT_FEATURES.join(',')}; known: ${[...CALIBRATED_FEATURES, ...CANDIDATE_FEATURES].join(', ')}),
  --lexical-only (fit without dense and normDense: an embedder-independent calibration, embedder "*"),
  --compare <list> (repeatable) another feature set to measure beside it, --baseline <file.json> a stored calibration to measure as "before",
  --prior <p> the in-scope share of the inbox the fit is calibrated for (default ${DEFAULT_PRIOR}; 0.5 = even),
  --report <file.json> write the per-suite comparison (pooled fit and leave-one-suite-out: triage F1, AUROC, ECE with intervals).
Without --out nothing is written but the report.`;

function predictions(pairs: readonly Pair[], weights: readonly number[], cal: Calibration): Prediction[] {
  return pairs.map((p, i) => ({ p: inScopeProbability(p.f, cal), y: p.y, w: weights[i] ?? 1 }));
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
      features: { type: 'string' },
      compare: { type: 'string', multiple: true },
      baseline: { type: 'string' },
      report: { type: 'string' },
      prior: { type: 'string', default: String(DEFAULT_PRIOR) },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const callsFiles = values.calls ?? [];
  const papersFiles = values.papers ?? [];
  if (values.help || callsFiles.length === 0 || callsFiles.length !== papersFiles.length) {
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
  const prior = Number(values.prior);
  if (!(prior > 0 && prior < 1)) throw new Error(`--prior must be between 0 and 1 (got "${values.prior}")`);
  const weights = pairWeights(pairs, prior);
  const train = pairs.filter((p) => !p.heldOut);
  const test = pairs.filter((p) => p.heldOut);
  const l2 = Number(values.l2);
  // --lexical-only: no cosine feature (dense weight 0), so the fit serves any embedder (ANY_EMBEDDER):
  // the calibration a runtime falls back to when none was fitted for its embedder (calibrationFor).
  const lexicalOnly = Boolean(values['lexical-only']);
  const features = (values.features ? parseFeatures(values.features) : DEFAULT_FEATURES).filter((n) => !lexicalOnly || !EMBEDDER_FEATURES.includes(n));
  const embedderOfFit = lexicalOnly ? ANY_EMBEDDER : inner.id;
  const fitOn = (rows: readonly Pair[]): Calibration => toRuntimeCalibration(fitFeatures(rows, pairWeights(rows, prior), features, l2), embedderOfFit);
  // Held-out metrics keep the pooled weighting: the rows' weights over all pairs, as before.
  const weightOf = new Map(pairs.map((p, i) => [p, weights[i] ?? 1]));
  const evalOn = (rows: readonly Pair[], cal: Calibration) => metrics(predictions(rows, rows.map((r) => weightOf.get(r) ?? 1), cal));
  const split = fitOn(train);
  const final = fitOn(pairs);
  const baseline = values.baseline ? parseCalibrationRecord(await readInputFile('--baseline', values.baseline), values.baseline) : undefined;
  const sets = [features, ...(values.compare ?? []).map(parseFeatures)];
  const report = {
    baseline: baseline ? { file: values.baseline, weights: baseline.weights, by_suite: perSuite(pairs, (p) => inScopeProbability(p.f, baseline), prior, baseline.weights.score) } : undefined,
    feature_sets: sets.map((set) => evaluateFeatureSet(pairs, set, l2, prior)),
  };
  printComparison(report);
  if (values.report) await writeJson(values.report, report);
  if (!values.out) return 0;
  const shipped = report.feature_sets[0];
  const record: CalibrationRecord = {
    kind: 'logistic',
    weights: final.weights,
    fitted_on: `pooled ${suites.join(' + ')}; weighted logistic regression (Newton/IRLS, L2 ${l2}, non-negative weights) on ${features.join(', ')}, in-scope prior ${prior}`,
    prior,
    embedder: embedderOfFit,
    date: new Date().toISOString().slice(0, 10),
    n: { pairs: pairs.length, papers, calls, positives: pairs.filter((p) => p.y === 1).length },
    metrics: {
      all_before: evalOn(pairs, DEFAULT_CALIBRATION),
      all_after: evalOn(pairs, final),
      heldout_before: evalOn(test, DEFAULT_CALIBRATION),
      heldout_after_fit_on_rest: evalOn(test, split),
    },
    ...(shipped ? { leave_one_suite_out: Object.fromEntries(Object.entries(shipped.by_suite).map(([k, v]) => [k, { f1: v.leave_one_suite_out.f1, auroc: v.leave_one_suite_out.auroc, ece: v.leave_one_suite_out.ece }])) } : {}),
    notes: [
      lexicalOnly
        ? `features: ${features.join(', ')} (dense weight 0: embedder-independent; the scores were computed with ${inner.id})`
        : `features: ${features.join(', ')} as in src/core/rank/calibration.ts inScopeProbability`,
      'one row per paper: its top-ranked call, labelled in scope (the paper belongs to some call) or out of scope',
      `weights per suite: in-scope papers ${prior} of the weight, out-of-scope ${round(1 - prior)}, suites equal (an inbox ${Math.round(prior * 100)}% in scope)`,
      'Brier and ECE (10 bins) are weighted the same way; held out: papers whose id hashes to 0 mod 5',
      'leave_one_suite_out: each suite scored (triage F1 at 0.5, top-call AUROC, ECE) with a fit on the other suites only',
    ],
  };
  await writeJson(values.out, record);
  console.log(JSON.stringify({ out: values.out, weights: record.weights, metrics: record.metrics, n: record.n }, null, 2));
  return 0;
}

function perSuite(pairs: readonly Pair[], prob: (p: Pair) => number, prior: number, slope: number): Record<string, SuiteQuality & { by_call: CallLevelQuality }> {
  const suites = [...new Set(pairs.map((p) => p.suite))];
  return Object.fromEntries(
    suites.map((s) => {
      const own = pairs.filter((p) => p.suite === s);
      return [s, { ...suiteQuality(own, prob, prior), by_call: callLevelQuality(own, prob, slope) }];
    }),
  );
}

function printComparison(report: { baseline?: { by_suite: Record<string, SuiteQuality & { by_call: CallLevelQuality }> } | undefined; feature_sets: FeatureSetReport[] }): void {
  const row = (name: string, q: SuiteQuality) => `  ${name.padEnd(16)} F1 ${q.f1.toFixed(3)} (${q.ci95.f1.map((x) => x.toFixed(3)).join('-')})  AUROC ${q.auroc.toFixed(3)}  ECE ${q.ece.toFixed(3)}  recall ${q.recall.toFixed(3)}  oos rejected ${q.rejected.toFixed(3)}`;
  if (report.baseline) {
    console.error('baseline (stored calibration):');
    for (const [s, q] of Object.entries(report.baseline.by_suite)) console.error(`${row(s, q)}  per call F1 ${q.by_call.f1.toFixed(3)} AUROC ${q.by_call.auroc.toFixed(3)}`);
  }
  for (const r of report.feature_sets) {
    console.error(`${r.features.join(',')} (prior ${r.prior}): pooled ${JSON.stringify(r.pooled.weights)} bias ${r.pooled.bias}`);
    for (const [s, q] of Object.entries(r.by_suite)) {
      console.error(`${row(`${s} pooled`, q.pooled)}  per call F1 ${q.pooled.by_call.f1.toFixed(3)} AUROC ${q.pooled.by_call.auroc.toFixed(3)}`);
      console.error(row(`${s} loso`, q.leave_one_suite_out));
    }
  }
}

async function writeJson(file: string, value: unknown): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const tmp = `${file}.tmp`;
  await writeFile(tmp, `${JSON.stringify(value, null, 2)}\n`);
  await rename(tmp, file);
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (err) {
  // A suite path that cannot be read is BAD_INPUT (exit 2, flag and path named), not a stack trace.
  console.error(`calibrate: ${isCfpError(err) ? `${err.code}: ` : ''}${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = exitCodeOf(err);
}
