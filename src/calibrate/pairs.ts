/**
 * Labelled (paper, call) pairs from an evaluation suite, with the features the
 * calibration uses (fusion.ts inScopeProbability): every paper is scored
 * against every call of its suite by the real matcher, so the features carry
 * whatever ranking parameters are current.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { createFlatIndex } from '../core/flat-index.js';
import { createMatcher } from '../core/matcher.js';
import { createMemoryStore } from '../core/memory-store.js';
import type { Embedder } from '../core/ports.js';
import { prepareDraft } from '../core/rank/draft.js';
import { Draft, EvalCall, callFromEval, type Call } from '../core/schema.js';

const EvalPaper = z.object({ id: z.string(), title: z.string().default(''), abstract: z.string().min(1), call_id: z.string().nullish() });
type EvalPaper = z.infer<typeof EvalPaper>;

export interface Pair {
  suite: string;
  paperId: string;
  callId: string;
  /** [denseMix, coverage, score] */
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

async function readJsonl<T>(file: string, schema: z.ZodType<T>): Promise<T[]> {
  const text = await readFile(file, 'utf8');
  return text
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      const r = schema.safeParse(JSON.parse(l));
      if (!r.success) throw new Error(`${file}:${i + 1}: ${r.error.issues[0]?.message ?? 'invalid'}`);
      return r.data;
    });
}

const hashOf = (s: string): number => createHash('sha1').update(s).digest().readUInt32BE(0);

/**
 * @example
 * const pairs = await suitePairs('acl', '../shared/eval/acl/calls.jsonl', '../shared/eval/acl/papers.jsonl', embedder);
 */
export async function suitePairs(suite: string, callsFile: string, papersFile: string, embedder: Embedder, opts: SuiteOptions = {}): Promise<{ pairs: Pair[]; calls: number; papers: number }> {
  const calls: Call[] = (await readJsonl(callsFile, EvalCall)).map(callFromEval);
  let papers: EvalPaper[] = await readJsonl(papersFile, EvalPaper);
  if (opts.maxPapers !== undefined && papers.length > opts.maxPapers) {
    papers = [...papers].sort((a, b) => hashOf(a.id) - hashOf(b.id)).slice(0, opts.maxPapers);
  }
  const matcher = createMatcher({ embedder, index: createFlatIndex({ dimensions: embedder.dimensions }), store: createMemoryStore(calls) });
  await matcher.sync();
  // Embed every paper's texts in large batches first (much faster than one draft at a time); scoring then hits the cache.
  const batch = 64;
  const texts = papers.flatMap((p) => {
    const d = prepareDraft(Draft.parse({ title: p.title, abstract: p.abstract }));
    return [d.text, ...d.sentences];
  });
  for (let i = 0; i < texts.length; i += batch) {
    await embedder.embed(texts.slice(i, i + batch));
    opts.onProgress?.(Math.min(i + batch, texts.length), texts.length);
  }
  const pairs: Pair[] = [];
  for (const p of papers) {
    const { scored } = await matcher.scoreDraft({ title: p.title, abstract: p.abstract });
    const heldOut = hashOf(`heldout:${p.id}`) % 5 === 0;
    for (const s of scored) {
      pairs.push({
        suite,
        paperId: p.id,
        callId: s.callId,
        x: [s.denseMix, s.coverage, s.score],
        y: s.callId === p.call_id ? 1 : 0,
        outOfScope: !p.call_id,
        heldOut,
      });
    }
  }
  return { pairs, calls: calls.length, papers: papers.length };
}

/**
 * Class weights: within each suite, positives carry half the weight, the
 * in-scope papers paired with other calls a quarter and the out-of-scope
 * papers a quarter; each suite carries the same total. The probability is
 * therefore calibrated to an even prior: an editor's inbox, where a
 * submission is as likely in scope as not, not a 1-in-125 lottery.
 *
 * @example
 * const w = pairWeights(pairs); // w[i] for pairs[i]
 */
export function pairWeights(pairs: readonly Pair[]): number[] {
  const groups = new Map<string, number>();
  const groupOf = (p: Pair) => `${p.suite}|${p.y ? 'pos' : p.outOfScope ? 'oos' : 'neg'}`;
  for (const p of pairs) groups.set(groupOf(p), (groups.get(groupOf(p)) ?? 0) + 1);
  const share = { pos: 0.5, neg: 0.25, oos: 0.25 } as const;
  return pairs.map((p) => {
    const g = groupOf(p);
    const kind = g.slice(g.indexOf('|') + 1) as keyof typeof share;
    // A suite without out-of-scope papers gives their share to the other negatives.
    const hasOos = groups.has(`${p.suite}|oos`);
    const s = kind === 'neg' && !hasOos ? 0.5 : share[kind];
    return (s * pairs.length) / (groups.get(g) ?? 1);
  });
}
