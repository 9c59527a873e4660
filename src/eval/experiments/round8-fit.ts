/**
 * Round 8's learned fusion (eval/README.md "Round 8"): fit linear weights over the features the
 * service already computes (round8.ts FUSION_FEATURES) by a conditional logit, P(call | paper) =
 * softmax over the suite's calls of w . x, on the in-scope papers of the training suites, with a
 * small L2 penalty; Newton steps from the service's own weights. Writes the weights for
 * `--scorer r8-lin:<out>`, which is then scored on OTHER suites only.
 *
 * Run: npm run build && node dist/eval/experiments/round8-fit.js <out.json> <calls.jsonl>:<papers.jsonl>[:mixed] ...
 * (`mixed`: a seeded half of the calls cut to their title, as `--reduce titles=0.5` with seed 1).
 */
import { writeFile } from 'node:fs/promises';
import { loadReferencePopulation } from '../../adapters/node/reference-file.js';
import { parseEmbedderKind, selectEmbedder } from '../../adapters/node/select-embedder.js';
import { prepareDraft } from '../../core/rank/draft.js';
import { callFeature } from '../../core/rank/features.js';
import { fuseScores } from '../../core/rank/fusion.js';
import { createCachedEmbedder } from '../embed-cache.js';
import { loadEvalFiles } from '../load.js';
import { reduceCalls } from '../reduce.js';
import { evalCorpus, evalDraft } from '../run.js';
import { FUSION_FEATURES, fusionFeatures, SERVICE_WEIGHTS } from '../strategies/round8.js';
import type { Embedder } from '../../core/ports.js';

/** One query: each call's feature row and the index of the paper's call. */
export interface FitQuery {
  rows: number[][];
  label: number;
}

/**
 * Mean negative log-likelihood of the conditional logit plus `l2` ||w - prior||^2, with its gradient
 * and Hessian. The penalty pulls toward `prior` (the service's weights), so a feature the training
 * suite cannot inform (title-only terms on a suite without title-only calls) keeps the service's weight.
 *
 * @example
 * conditionalLogit([{ rows: [[1], [0]], label: 0 }], [0], 0).loss // log 2
 */
export function conditionalLogit(queries: readonly FitQuery[], w: readonly number[], l2: number, prior: readonly number[] = w.map(() => 0)): { loss: number; grad: number[]; hess: number[][] } {
  const d = w.length;
  const off = w.map((x, j) => x - (prior[j] ?? 0));
  const grad = off.map((x) => 2 * l2 * x);
  const hess = w.map((_, i) => w.map((__, j) => (i === j ? 2 * l2 : 0)));
  let loss = l2 * off.reduce((s, x) => s + x * x, 0);
  const n = Math.max(1, queries.length);
  for (const q of queries) {
    const s = q.rows.map((r) => r.reduce((a, x, j) => a + x * (w[j] ?? 0), 0));
    const max = Math.max(...s);
    const e = s.map((x) => Math.exp(x - max));
    const z = e.reduce((a, x) => a + x, 0);
    const p = e.map((x) => x / z);
    loss += (Math.log(z) + max - (s[q.label] as number)) / n;
    const mean = new Array<number>(d).fill(0);
    q.rows.forEach((r, c) => r.forEach((x, j) => (mean[j] = (mean[j] as number) + (p[c] as number) * x)));
    const y = q.rows[q.label] as number[];
    for (let j = 0; j < d; j++) grad[j] = (grad[j] as number) + ((mean[j] as number) - (y[j] as number)) / n;
    q.rows.forEach((r, c) => {
      for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) (hess[i] as number[])[j] = ((hess[i] as number[])[j] as number) + ((p[c] as number) * ((r[i] as number) - (mean[i] as number)) * ((r[j] as number) - (mean[j] as number))) / n;
    });
  }
  return { loss, grad, hess };
}

/** Solve A x = b by Gaussian elimination with partial pivoting (A small and positive definite here). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i] as number]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs((m[r] as number[])[c] as number) > Math.abs((m[p] as number[])[c] as number)) p = r;
    [m[c], m[p]] = [m[p] as number[], m[c] as number[]];
    const pivot = (m[c] as number[])[c] as number;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = ((m[r] as number[])[c] as number) / pivot;
      for (let k = c; k <= n; k++) (m[r] as number[])[k] = ((m[r] as number[])[k] as number) - f * ((m[c] as number[])[k] as number);
    }
  }
  return m.map((row, i) => (row[n] as number) / (row[i] as number));
}

/**
 * Newton's method with step halving from `start`, penalised toward it.
 *
 * @example
 * fitConditionalLogit(queries, SERVICE_WEIGHTS, 1e-3).weights
 */
export function fitConditionalLogit(queries: readonly FitQuery[], start: readonly number[], l2: number, iterations = 30): { weights: number[]; loss: number } {
  let w = [...start];
  let cur = conditionalLogit(queries, w, l2, start);
  for (let it = 0; it < iterations; it++) {
    const step = solve(cur.hess, cur.grad);
    let t = 1;
    let next = w.map((x, j) => x - t * (step[j] as number));
    let at = conditionalLogit(queries, next, l2, start);
    while (at.loss > cur.loss && t > 1e-4) {
      t /= 2;
      next = w.map((x, j) => x - t * (step[j] as number));
      at = conditionalLogit(queries, next, l2, start);
    }
    if (at.loss > cur.loss) break;
    const done = cur.loss - at.loss < 1e-9;
    w = next;
    cur = at;
    if (done) break;
  }
  return { weights: w, loss: cur.loss };
}

async function suiteQueries(spec: string, embedder: Embedder): Promise<FitQuery[]> {
  const [callsPath = '', papersPath = '', mixed] = spec.split(':');
  const loaded = await loadEvalFiles(callsPath, papersPath);
  const calls = mixed === 'mixed' ? reduceCalls(loaded.calls, { titles: 0.5, seed: 1 }).calls : loaded.calls;
  const reference = await loadReferencePopulation(embedder.id);
  const { corpus, callIds, internal } = await evalCorpus(calls, embedder, reference);
  const out: FitQuery[] = [];
  for (const paper of loaded.papers) {
    if (paper.call_id === null) continue;
    const prepared = prepareDraft(evalDraft(paper));
    const [vector] = await embedder.embed([prepared.text]);
    if (!vector) throw new Error(`no vector for ${paper.id}`);
    // The service's features and fusion (round8.ts scores r8-lin the same way), in callIds order.
    const draft = { ...prepared, vector };
    const rows = fusionFeatures(fuseScores(callIds.map((id) => callFeature(corpus, draft, id))));
    out.push({ rows, label: callIds.indexOf(internal.get(paper.call_id) ?? paper.call_id) });
  }
  return out;
}

async function main(): Promise<void> {
  const [out, ...specs] = process.argv.slice(2);
  if (!out || !specs.length) throw new Error('usage: round8-fit.js <out.json> <calls.jsonl>:<papers.jsonl>[:mixed] ...');
  const { embedder: base } = await selectEmbedder({ kind: parseEmbedderKind(process.env.EMBEDDER) });
  const embedder = await createCachedEmbedder(base, 'eval/.cache');
  try {
    const queries: FitQuery[] = [];
    for (const spec of specs) queries.push(...(await suiteQueries(spec, embedder)));
    const before = conditionalLogit(queries, SERVICE_WEIGHTS, 0).loss;
    const fit = fitConditionalLogit(queries, SERVICE_WEIGHTS, 1e-3);
    console.log(`${queries.length} papers; loss service ${before.toFixed(4)} -> fitted ${fit.loss.toFixed(4)}`);
    for (const [i, f] of FUSION_FEATURES.entries()) console.log(`  ${f.padEnd(20)} ${(SERVICE_WEIGHTS[i] ?? 0).toFixed(3)} -> ${(fit.weights[i] ?? 0).toFixed(3)}`);
    await writeFile(out, `${JSON.stringify({ features: FUSION_FEATURES, weights: fit.weights.map((x) => Number(x.toFixed(4))), trained_on: specs, papers: queries.length }, null, 2)}\n`);
  } finally {
    await embedder.dispose?.();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
