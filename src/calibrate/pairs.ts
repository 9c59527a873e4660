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
import { byScore, scoreCalls, topCall } from '../core/rank/score-calls.js';
import { countWords } from '../core/text/normalize.js';
import { loadEvalFiles, type EvalPaper } from '../eval/load.js';
import { loadReferencePopulation } from '../adapters/node/reference-file.js';
import { evalCorpus, evalDraft } from '../eval/run.js';

export interface Pair {
  suite: string;
  paperId: string;
  callId: string;
  /** The top call's features (those the calibration can read, and some measured as candidates). */
  f: PairFeatures;
  y: 0 | 1;
  /** The paper fits none of the suite's calls. */
  outOfScope: boolean;
  /**
   * The calls an author would plausibly send the paper to (its top 3 and its own call), with their
   * fused score and whether the call is the paper's own: what an editor of each of them triages.
   */
  sentTo: Array<{ score: number; own: boolean }>;
  /** Held out from the fit (about 20% of papers, chosen by a hash of the id). */
  heldOut: boolean;
}

/** Features of a paper's top call (see core/rank/calibration.ts for the ones the fit reads). */
export interface PairFeatures {
  dense: number;
  coverage: number;
  score: number;
  /** The call's dense and BM25 scores read against its own reference-population moments (length-fair); 0 without a reference. */
  normDense: number;
  normLexical: number;
  denseRef: boolean;
  lexicalRef: boolean;
  /** Fused score of the top call minus the runner-up's. */
  margin: number;
  /** Words of the call's text (title, description, topics): a title-only call has a handful. */
  callWords: number;
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
  const { corpus, callIds, internal } = await evalCorpus(suiteFiles.calls, embedder, await loadReferencePopulation(embedder.id));
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
    const scored = scoreCalls(corpus, draft, callIds, DEFAULT_RANK_PARAMS);
    const top = topCall(scored);
    if (!top) return;
    const second = scored.reduce((m, s) => (s !== top && s.score > m ? s.score : m), -Infinity);
    const call = corpus.calls.get(top.callId);
    const own = p.call_id === null ? null : (internal.get(p.call_id) ?? p.call_id);
    const top3 = new Set([...scored].sort(byScore).slice(0, 3).map((s) => s.callId));
    pairs.push({
      suite,
      paperId: p.id,
      callId: top.callId,
      f: {
        dense: top.dense,
        coverage: top.coverage,
        score: top.score,
        // As the calibration reads them (calibration.ts): 0 where there was no reference population.
        normDense: top.denseRef ? top.normDense : 0,
        normLexical: top.lexicalRef ? top.normLexical : 0,
        denseRef: top.denseRef,
        lexicalRef: top.lexicalRef,
        margin: Number.isFinite(second) ? top.score - second : 0,
        callWords: call ? countWords([call.title, call.scope, ...call.topics].join(' ')) : 0,
      },
      y: p.call_id ? 1 : 0,
      outOfScope: !p.call_id,
      sentTo: scored.filter((s) => top3.has(s.callId) || s.callId === own).map((s) => ({ score: s.score, own: s.callId === own })),
      heldOut: hashOf(`heldout:${p.id}`) % 5 === 0,
    });
  });
  return { pairs, calls: callIds.length, papers: papers.length };
}

/**
 * The in-scope share of an editor's inbox the shipped calibration is fitted for: even. A higher
 * prior raises F1 on suites that are mostly in scope by accepting their out-of-scope papers, and an
 * inbox need not look like them; editors move the threshold per call (docs/triage.md "Prior").
 */
export const DEFAULT_PRIOR = 0.5;

/**
 * Class weights: within each suite, in-scope papers carry `prior` of the weight and out-of-scope
 * papers the rest, and each suite carries the same total. The probability is thus calibrated to an
 * inbox where a submission is in scope with probability `prior`, not to the suites' base rates
 * (ACL 75%, arXiv 96%, special issues 91% in scope). A suite without out-of-scope papers
 * contributes nothing (it cannot teach the boundary).
 *
 * @example
 * const w = pairWeights(pairs); // w[i] for pairs[i]
 * const even = pairWeights(pairs, 0.5);
 */
export function pairWeights(pairs: readonly Pick<Pair, 'suite' | 'y'>[], prior = DEFAULT_PRIOR): number[] {
  const groups = new Map<string, number>();
  const groupOf = (p: Pick<Pair, 'suite' | 'y'>) => `${p.suite}|${p.y}`;
  for (const p of pairs) groups.set(groupOf(p), (groups.get(groupOf(p)) ?? 0) + 1);
  return pairs.map((p) => {
    const balanced = groups.has(`${p.suite}|0`) && groups.has(`${p.suite}|1`);
    const share = p.y === 1 ? prior : 1 - prior;
    return balanced ? (share * pairs.length) / (groups.get(groupOf(p)) ?? 1) : 0;
  });
}
