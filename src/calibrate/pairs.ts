/**
 * Labelled rows from an evaluation suite, with the features the calibration
 * uses (fusion.ts inScopeProbability): every paper is scored against every
 * call of its suite by the real matcher, so the features carry whatever
 * ranking parameters are current. One row per paper: its top-ranked call,
 * labelled 1 when the paper belongs to any call of the suite, 0 when it is
 * out of scope. That is the decision the fit and the editor verdict stand
 * for ("is this draft in scope here?"); fitting on every (paper, call) pair
 * instead was measured to drown the out-of-scope papers' top calls among easy
 * negatives, so the fused score got a large weight and out-of-scope papers
 * got high probabilities (ACL AUROC 0.81, out-of-scope mean 0.82).
 */
import { createHash } from 'node:crypto';
import type { Embedder } from '../core/ports.js';
import { prepareDraft, type PreparedDraft } from '../core/rank/draft.js';
import { DEFAULT_RANK_PARAMS } from '../core/rank/fusion.js';
import { scoreCalls, topCall } from '../core/rank/score-calls.js';
import { loadEvalFiles, type EvalPaper } from '../eval/load.js';
import { loadReferencePopulation } from '../adapters/node/reference-file.js';
import { evalCorpus, evalDraft } from '../eval/run.js';

export interface Pair {
  suite: string;
  paperId: string;
  callId: string;
  /** [dense, coverage, score] */
  x: [number, number, number];
  y: 0 | 1;
  /** The paper fits none of the suite's calls. */
  outOfScope: boolean;
  /** Held out from the fit (about 20% of papers, chosen by a hash of the id). */
  heldOut: boolean;
}

export interface SuiteOptions {
  /** At most this many papers (a stable hash-ordered sample); default all. */
  maxPapers?: number;
  onProgress?: (done: number, total: number) => void;
}

const hashOf = (s: string): number => createHash('sha1').update(s).digest().readUInt32BE(0);

/**
 * @example
 * const pairs = await suitePairs('acl', '../shared/eval/acl/calls.jsonl', '../shared/eval/acl/papers.jsonl', embedder);
 */
export async function suitePairs(suite: string, callsFile: string, papersFile: string, embedder: Embedder, opts: SuiteOptions = {}): Promise<{ pairs: Pair[]; calls: number; papers: number }> {
  // The evaluation's reader and draft, so the fit sees exactly the features `npm run eval` scores.
  const suiteFiles = await loadEvalFiles(callsFile, papersFile);
  let papers: readonly EvalPaper[] = suiteFiles.papers;
  if (opts.maxPapers !== undefined && papers.length > opts.maxPapers) {
    papers = [...papers].sort((a, b) => hashOf(a.id) - hashOf(b.id)).slice(0, opts.maxPapers);
  }
  // The service's reference population, as the evaluation scores with it.
  const { corpus, callIds } = await evalCorpus(suiteFiles.calls, embedder, await loadReferencePopulation(embedder.id));
  // The calibrated features need only the whole-draft vector (as in the evaluation), so sentences are not
  // embedded; the eval's embedding cache is shared, so papers `npm run eval` has seen cost nothing.
  const prepared = papers.map((p) => prepareDraft(evalDraft(p)));
  const vectors: Float32Array[] = [];
  const batch = 64;
  for (let i = 0; i < prepared.length; i += batch) {
    vectors.push(...(await embedder.embed(prepared.slice(i, i + batch).map((d) => d.text))));
    opts.onProgress?.(Math.min(i + batch, prepared.length), prepared.length);
  }
  const pairs: Pair[] = [];
  papers.forEach((p, i) => {
    const draft = { ...(prepared[i] as PreparedDraft), vector: vectors[i] as Float32Array };
    const top = topCall(scoreCalls(corpus, draft, callIds, DEFAULT_RANK_PARAMS));
    if (!top) return;
    pairs.push({
      suite,
      paperId: p.id,
      callId: top.callId,
      x: [top.dense, top.coverage, top.score],
      y: p.call_id ? 1 : 0,
      outOfScope: !p.call_id,
      heldOut: hashOf(`heldout:${p.id}`) % 5 === 0,
    });
  });
  return { pairs, calls: callIds.length, papers: papers.length };
}

/**
 * Class weights: within each suite, in-scope and out-of-scope papers carry
 * half the weight each, and each suite carries the same total. The
 * probability is therefore calibrated to an even prior: an editor's inbox,
 * where a submission is as likely in scope as not. A suite without
 * out-of-scope papers contributes nothing (it cannot teach the boundary).
 *
 * @example
 * const w = pairWeights(pairs); // w[i] for pairs[i]
 */
export function pairWeights(pairs: readonly Pair[]): number[] {
  const groups = new Map<string, number>();
  const groupOf = (p: Pair) => `${p.suite}|${p.y}`;
  for (const p of pairs) groups.set(groupOf(p), (groups.get(groupOf(p)) ?? 0) + 1);
  return pairs.map((p) => {
    const balanced = groups.has(`${p.suite}|0`) && groups.has(`${p.suite}|1`);
    return balanced ? (0.5 * pairs.length) / (groups.get(groupOf(p)) ?? 1) : 0;
  });
}
