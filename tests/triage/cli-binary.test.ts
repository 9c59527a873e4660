/**
 * The real built binary (`node dist/cli/main.js triage`) with USE-lite on a
 * temporary copy of the bundled calls: bad rows, summary, report and --resume.
 */
import { copySeedCalls } from '../fixtures/cfp/load.js';
import { ensureBuilt } from '../fixtures/ensure-built.js';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile, appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = join(root, 'dist/cli/main.js');
let dir: string;

const cli = async (args: string[]) => {
  try {
    const r = await run(process.execPath, [bin, ...args], {
      cwd: dir,
      env: { ...process.env, DATA_DIR: join(dir, 'data'), EMBEDDER: 'use-lite' },
      timeout: 280_000,
    });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof err.code === 'number' ? err.code : -1, stdout: err.stdout ?? '', stderr: err.stderr ?? '' };
  }
};

const row = (o: unknown) => `${JSON.stringify(o)}\n`;
const EDGE = {
  id: 'edge-1',
  title: 'Generative AI at the network edge for 6G',
  abstract: 'We deploy large generative models on edge servers in 6G networks. Model splitting between devices and edge servers reduces latency. Experiments show lower energy use for mobile generative AI services.',
};

beforeAll(async () => {
  ensureBuilt();
  dir = await mkdtemp(join(tmpdir(), 'triage-bin-'));
  copySeedCalls(join(dir, 'data/calls'));
}, 300_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('cfpmatch triage (built binary, USE-lite)', () => {
  test('triages a file, skips a bad row with its line number, prints the summary, and resumes', async () => {
    const input = join(dir, 'subs.jsonl');
    await writeFile(input, row(EDGE) + '{"id": "broken"\n' + row({ id: 'cake', title: 'Baking', abstract: 'A sourdough bread recipe with rye flour and a long cold proof.' }));
    const first = await cli(['triage', '--call', 'china-comms-6g-edge-genai', 'subs.jsonl', '--out', 'report.csv', '--json']);
    expect(first.stderr).toContain('subs.jsonl:2: not valid JSON (row skipped)');
    // A skipped row exits 2, as rank --batch does; the report is still written.
    expect(first.code).toBe(2);
    const summary = JSON.parse(first.stdout) as { triaged: number; bad_rows: number; verdicts: Record<string, number> };
    expect(summary).toMatchObject({ triaged: 2, bad_rows: 1 });
    const report = parse(await readFile(join(dir, 'report.csv'), 'utf8'), { columns: true }) as Array<Record<string, string>>;
    expect(report.map((r) => r.id)).toEqual(['edge-1', 'cake']);
    const [edge, cake] = report;
    expect(Number(edge?.probability)).toBeGreaterThan(Number(cake?.probability));
    expect(cake?.verdict).toBe('out_of_scope');
    expect(edge?.reason).toMatch(/^(In scope|Borderline|Out of scope) \(p=/);

    await appendFile(input, row({ ...EDGE, id: 'edge-2' }));
    const again = await cli(['triage', '--call', 'china-comms-6g-edge-genai', 'subs.jsonl', '--out', 'report.csv', '--resume']);
    expect(again.code).toBe(2); // the broken row 2 is still in the input
    expect(again.stdout).toMatch(/triaged 1 submissions/);
    expect(again.stdout).toMatch(/already in the report 2/);
    const after = parse(await readFile(join(dir, 'report.csv'), 'utf8'), { columns: true }) as Array<Record<string, string>>;
    expect(after.map((r) => r.id)).toEqual(['edge-1', 'cake', 'edge-2']);
  }, 600_000);

  test('a JSONL row without a title, keywords as one string, is triaged like a CSV row (title defaults to empty)', async () => {
    await writeFile(join(dir, 'untitled.jsonl'), row({ id: 'u1', abstract: EDGE.abstract, keywords: '6G; edge computing, generative AI' }));
    const r = await cli(['triage', '--call', 'china-comms-6g-edge-genai', 'untitled.jsonl', '--out', 'untitled.csv', '--json']);
    expect(r.stderr).not.toContain('row skipped');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ triaged: 1, bad_rows: 0 });
  }, 300_000);

  test('an unknown call exits 4 with UNKNOWN_CALL', async () => {
    await writeFile(join(dir, 'one.jsonl'), row(EDGE));
    const r = await cli(['triage', '--call', 'no-such-call', 'one.jsonl', '--out', 'x.jsonl']);
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('UNKNOWN_CALL');
  }, 300_000);
});
