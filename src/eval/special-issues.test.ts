import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createFakeEmbedder } from '../../tests/fixtures/fake-embedder.js';
import { loadEvalFiles } from './load.js';
import { runEval } from './run.js';

/**
 * The special-issue suite (eval/special-issues) is data we keep: these checks guard its shape and
 * provenance (every record names its source) and that it runs through the eval loader. The
 * USE-lite numbers are a documented command (eval/special-issues/README.md), not a test: embedding
 * 234 abstracts takes minutes on the shared machine.
 */
const dir = fileURLToPath(new URL('../../eval/special-issues/', import.meta.url));
const callsPath = `${dir}calls.jsonl`;
const papersPath = `${dir}papers.jsonl`;

async function rawLines(path: string): Promise<Record<string, unknown>[]> {
  const text = await readFile(path, 'utf8');
  return text
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('special-issue suite', () => {
  it('loads with the eval loader: at least 15 issues of 3+ papers and 20+ out-of-scope papers', async () => {
    const { calls, papers } = await loadEvalFiles(callsPath, papersPath);
    expect(calls.length).toBeGreaterThanOrEqual(15);
    const perCall = new Map<string, number>();
    for (const p of papers) if (p.call_id !== null) perCall.set(p.call_id, (perCall.get(p.call_id) ?? 0) + 1);
    for (const c of calls) expect(perCall.get(c.id) ?? 0, c.id).toBeGreaterThanOrEqual(3);
    expect(papers.filter((p) => p.call_id === null).length).toBeGreaterThanOrEqual(20);
    for (const p of papers) expect((p.abstract ?? '').length, p.id).toBeGreaterThanOrEqual(100);
  });

  it('loads the variant with the CFPs of eval/cfp/cases as extra candidate calls', async () => {
    const { calls, papers } = await loadEvalFiles(`${dir}calls-with-distractors.jsonl`, papersPath);
    const own = await loadEvalFiles(callsPath, papersPath);
    expect(calls.length).toBeGreaterThan(own.calls.length + 100);
    expect(calls.slice(0, own.calls.length).map((c) => c.id)).toEqual(own.calls.map((c) => c.id));
    expect(papers.length).toBe(own.papers.length);
  });

  it('names the source of every call and paper, and of every call description', async () => {
    for (const c of await rawLines(callsPath)) {
      expect(c.source, String(c.id)).toMatch(/^github:[^@\s]+@[0-9a-f]{40}/);
      if (c.description) expect(c.description_source, String(c.id)).toMatch(/^https?:\/\//);
      else expect(c.description_kind, String(c.id)).toBe('title_only');
    }
    const titles = new Set<string>();
    for (const p of await rawLines(papersPath)) {
      expect(p.source, String(p.id)).toMatch(/^github:[^@\s]+@[0-9a-f]{40}/);
      const t = String(p.title).toLowerCase();
      expect(titles.has(t), `duplicate title ${t}`).toBe(false);
      titles.add(t);
    }
  });

  it('runs end to end (fake embedder) and BM25 ranks well above chance', async () => {
    const { calls, papers } = await loadEvalFiles(callsPath, papersPath);
    const res = await runEval({ calls, papers, embedder: createFakeEmbedder(64, 'fake-bow-64'), scorers: ['hybrid', 'bm25'] });
    // chance is 1/26; USE-lite hybrid and BM25 reach about 0.5 (README). A floor, not a target.
    expect(res.by_scorer.bm25?.acc_at_1 ?? 0).toBeGreaterThan(0.25);
    expect(res.metrics.n_out_of_scope).toBe(papers.filter((p) => p.call_id === null).length);
  });
});
