/**
 * The real `cfpmatch` binary with drafts from files (a PDF, a LaTeX source made by the test),
 * filters and their empty state, triage to stdout, and empty-table messages. Three spawns embed.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copySeedCalls } from '../fixtures/cfp/load.js';
import { ensureBuilt, runCli, type CliRun } from '../fixtures/ensure-built.js';
import { makePdf, PAPER, PAPER_TEX, paperPdf } from '../fixtures/draft-files.js';

let dir = '';
const run = (args: string[], env: Record<string, string> = {}): Promise<CliRun> =>
  runCli(args, { env: { ...process.env, DATA_DIR: join(dir, 'data'), EMBEDDER: 'use-lite', MODELS_DIR: join(dir, 'models'), ...env }, cwd: dir });

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'cfpmatch-papers-'));
  copySeedCalls(join(dir, 'data/calls'));
  writeFileSync(join(dir, 'paper.pdf'), paperPdf());
  writeFileSync(join(dir, 'paper.tex'), PAPER_TEX);
  writeFileSync(join(dir, 'scan.pdf'), makePdf([], { noText: true }));
  writeFileSync(join(dir, 'fake.pdf'), 'not a pdf');
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('cfpmatch rank with a paper file', () => {
  it('reads a PDF, shows the fields found on stderr, and ranks with a call id column', { timeout: 180_000 }, async () => {
    const r = await run(['rank', 'paper.pdf', '--as-of', '2025-01-10']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('read paper.pdf (pdf, 1 page):');
    expect(r.stderr).toContain(`title: ${PAPER.title}`);
    expect(r.stderr).toContain('keywords: large AI models; edge computing; resource scheduling');
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^#\s+fit\s+id\s+call\s+/);
    expect(r.stdout).toMatch(/ieee-network-lam-ioe/);
  });

  it('says why a filtered ranking is empty and which option to drop (LaTeX draft)', { timeout: 180_000 }, async () => {
    const r = await run(['rank', 'paper.tex', '--as-of', '2025-01-10', '--open-only', '--venue', 'China Communications']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('No calls to show. No open call matches; 1 closed call does.');
    expect(r.stdout).toContain('without --open-only: show the 1 closed call');
    expect(r.stdout).not.toMatch(/^#\s+fit/m);
  });

  it.each([
    ['scan.pdf', /^cfpmatch: UNREADABLE_FILE: scan\.pdf has no text layer \(a scanned PDF\?\)/],
    ['fake.pdf', /^cfpmatch: UNSUPPORTED_FILE: fake\.pdf is named as a PDF but is text/],
    ['missing.pdf', /^cfpmatch: BAD_INPUT: cannot read missing\.pdf$/],
  ])('refuses %s before loading the model, in one line, exit 2', async (file, message) => {
    const r = await run(['rank', file]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(message);
  });
});

describe('cfpmatch triage to stdout and empty states', () => {
  it('writes the CSV report to stdout without --out, the summary to stderr, and exits 2 for a skipped row', { timeout: 180_000 }, async () => {
    writeFileSync(join(dir, 'subs.csv'), `id,title,abstract\ns1,"${PAPER.title}","${PAPER.abstract}"\ns2,No abstract,\n`);
    const r = await run(['triage', '--call', 'ieee-network-lam-ioe', 'subs.csv']);
    expect(r.code).toBe(2);
    const rows = r.stdout.trim().split('\n');
    expect(rows[0]).toBe('id,verdict,probability,matched_topics,unmatched_topics,reason,better_fit_call_id,better_fit_probability');
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatch(/^s1,(in_scope|borderline|out_of_scope),/);
    expect(r.stderr).toMatch(/subs\.csv:3: abstract: .* \(row skipped\)/);
    expect(r.stderr).toMatch(/triaged 1 submissions for ieee-network-lam-ioe in [\d.]+ s -> stdout/);
  });

  it('calls list says what to do when there are no calls, and marks closed calls', async () => {
    mkdirSync(join(dir, 'empty/calls'), { recursive: true });
    const empty = await run(['calls', 'list'], { DATA_DIR: join(dir, 'empty') });
    expect(empty.code).toBe(0);
    expect(empty.stdout).toMatch(/^No calls in .*empty\/calls yet\. Add one with: cfpmatch calls add cfp\.txt/);
    const list = await run(['calls', 'list']);
    expect(list.stdout.split('\n')[0]).toMatch(/^id\s+title\s+deadline\s+status\s+topics$/);
  });

  it('triage refuses --resume without --out and a bad --format', async () => {
    expect((await run(['triage', '--call', 'x', 'subs.csv', '--resume'])).stderr).toMatch(/--resume needs --out/);
    const bad = await run(['triage', '--call', 'x', 'subs.csv', '--format', 'xlsx']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim()).toBe('cfpmatch: BAD_INPUT: --format must be csv or jsonl (got "xlsx")');
  });
});
