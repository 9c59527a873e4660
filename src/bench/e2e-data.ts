/**
 * Real inputs for the end-to-end benchmark, read by path from the shared evaluation suites
 * (../shared/eval, never copied into the repository): their calls as the call set, their
 * abstracts as drafts and submissions.
 */
import { join } from 'node:path';
import { internalCallIds } from '../eval/run.js';
import { callFromEval, type Call, type Draft } from '../core/schema.js';
import { loadEvalFiles } from '../eval/load.js';
import { createRng } from './rng.js';

export interface E2eData {
  calls: Call[];
  /** Abstracts of 150-250 words (the "200-word abstract"), shuffled with a fixed seed. */
  drafts: Draft[];
}

const words = (s: string) => s.split(/\s+/).filter(Boolean).length;

/**
 * @example
 * const { calls, drafts } = await loadE2eData('../shared/eval');
 */
export async function loadE2eData(evalDir: string, seed = 19): Promise<E2eData> {
  const calls: Call[] = [];
  const drafts: Draft[] = [];
  for (const suite of ['acl', 'arxiv']) {
    const dir = join(evalDir, suite);
    const { calls: suiteCalls, papers } = await loadEvalFiles(join(dir, 'calls.jsonl'), join(dir, 'papers.jsonl'));
    const ids = internalCallIds(suiteCalls);
    // The fallback ids (eval-call-<n>) of the two suites would collide: prefix them.
    for (const c of suiteCalls) calls.push(callFromEval(c, `${suite}-${ids.get(c.id) ?? c.id}`.replace(/[^A-Za-z0-9._:-]+/g, '-')));
    for (const p of papers) {
      const n = words(p.abstract ?? '');
      if (n >= 150 && n <= 250) drafts.push({ title: p.title ?? '', abstract: p.abstract ?? '', keywords: p.keywords ?? [] });
    }
  }
  const rand = createRng(seed);
  for (let i = drafts.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [drafts[i], drafts[j]] = [drafts[j] as Draft, drafts[i] as Draft];
  }
  return { calls, drafts };
}
