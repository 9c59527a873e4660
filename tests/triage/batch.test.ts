import { mkdtemp, readFile, writeFile, appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Matcher } from '../../src/core/matcher.js';
import { TriageResult } from '../../src/core/schema.js';
import { runTriageBatch } from '../../src/cli/commands/triage-batch.js';
import { GRID_DRAFT, PROTEIN_DRAFT, testMatcher } from './corpus.js';

let matcher: Matcher;
let dir: string;
beforeAll(async () => {
  matcher = await testMatcher();
  dir = await mkdtemp(join(tmpdir(), 'triage-batch-'));
});

const sink = () => {
  const lines: string[] = [];
  return { lines, stderr: { isTTY: false, write: (s: string) => (lines.push(s), true) } };
};
const jsonl = (rows: unknown[]) => rows.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n') + '\n';
const readJsonl = async (f: string) => (await readFile(f, 'utf8')).split('\n').filter(Boolean).map((l) => TriageResult.parse(JSON.parse(l)));

describe('runTriageBatch', () => {
  test('JSONL: bad rows are reported with their line number and skipped, the rest are written in order', async () => {
    const input = join(dir, 'subs.jsonl');
    const out = join(dir, 'report.jsonl');
    await writeFile(input, jsonl([{ id: 's1', ...GRID_DRAFT }, '{not json', { id: 's3', title: 'x', abstract: '' }, '', { ...PROTEIN_DRAFT, extra: 'ignored' }, { id: 's1', ...GRID_DRAFT }]));
    const { lines, stderr } = sink();
    const s = await runTriageBatch({ matcher, callId: 'grid-gnn', input, out, stderr, chunkSize: 2 });
    expect(s.triaged).toBe(2);
    expect(s.bad_rows).toBe(3);
    expect(s.verdicts.in_scope + s.verdicts.borderline + s.verdicts.out_of_scope).toBe(2);
    const err = lines.join('');
    expect(err).toContain('subs.jsonl:2: not valid JSON');
    expect(err).toContain('subs.jsonl:3: abstract: abstract must not be empty');
    expect(err).toContain('subs.jsonl:6: id "s1" appears twice');
    expect(err).not.toContain('Graph neural');
    const rows = await readJsonl(out);
    expect(rows.map((r) => r.id)).toEqual(['s1', 'line-5']);
    expect(rows[0]?.verdict).toBe('in_scope');
    expect(rows[1]?.better_fit?.call_id).toBe('protein');
  });

  test('JSONL saved with a byte-order mark: the first row is read, not reported as bad JSON', async () => {
    const input = join(dir, 'bom.jsonl');
    const out = join(dir, 'bom-report.jsonl');
    await writeFile(input, `\uFEFF${jsonl([{ id: 'b1', ...GRID_DRAFT }])}`);
    const s = await runTriageBatch({ matcher, callId: 'grid-gnn', input, out, stderr: sink().stderr });
    expect([s.triaged, s.bad_rows]).toEqual([1, 0]);
    expect((await readJsonl(out)).map((r) => r.id)).toEqual(['b1']);
  });

  test('--resume skips ids already in the report, survives a torn last line and adds the rest', async () => {
    const input = join(dir, 'many.jsonl');
    const out = join(dir, 'many-report.jsonl');
    const subs = Array.from({ length: 10 }, (_, i) => ({ id: `r${i}`, ...(i % 2 ? PROTEIN_DRAFT : GRID_DRAFT) }));
    await writeFile(input, jsonl(subs.slice(0, 4)));
    await runTriageBatch({ matcher, callId: 'grid-gnn', input, out, stderr: sink().stderr });
    await appendFile(out, '{"id":"r4","verd'); // a crash mid-write
    await writeFile(input, jsonl(subs));
    const s = await runTriageBatch({ matcher, callId: 'grid-gnn', input, out, resume: true, stderr: sink().stderr });
    expect(s.skipped_existing).toBe(4);
    expect(s.triaged).toBe(6);
    const text = await readFile(out, 'utf8');
    const ids = text.split('\n').filter(Boolean).flatMap((l) => {
      try {
        return [(JSON.parse(l) as { id: string }).id];
      } catch {
        return [];
      }
    });
    expect(ids).toEqual(subs.map((x) => x.id));
  });

  test('CSV in and out: quoted commas and line breaks, a bad row, a header written once across a resume', async () => {
    const input = join(dir, 'subs.csv');
    const out = join(dir, 'report.csv');
    const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
    const csv = [
      'id,title,abstract,keywords',
      `c1,${q(GRID_DRAFT.title)},${q(GRID_DRAFT.abstract.replace('. ', '.\n'))},graphs;grids`,
      'c2,Empty,,',
      `c3,${q('Proteins, "folded"')},${q(PROTEIN_DRAFT.abstract)},`,
    ].join('\n');
    await writeFile(input, `${csv}\n`);
    const { lines, stderr } = sink();
    const first = await runTriageBatch({ matcher, callId: 'grid-gnn', input, out, stderr });
    expect(first.triaged).toBe(2);
    expect(lines.join('')).toMatch(/subs\.csv:4: abstract/);
    await writeFile(input, `${csv}\nc4,${q(GRID_DRAFT.title)},${q(GRID_DRAFT.abstract)},\n`);
    const second = await runTriageBatch({ matcher, callId: 'grid-gnn', input, out, resume: true, stderr: sink().stderr });
    expect(second.triaged).toBe(1);
    const rows = parse(await readFile(out, 'utf8'), { columns: true }) as Array<Record<string, string>>;
    expect(rows.map((r) => r.id)).toEqual(['c1', 'c3', 'c4']);
    expect(rows[0]?.verdict).toBe('in_scope');
    expect(rows[1]?.better_fit_call_id).toBe('protein');
    expect(Number(rows[0]?.probability)).toBeGreaterThan(0.5);
  });

  test('an unknown call fails before anything is written', async () => {
    const input = join(dir, 'subs.jsonl');
    await expect(runTriageBatch({ matcher, callId: 'nope', input, out: join(dir, 'never.jsonl'), stderr: sink().stderr })).rejects.toMatchObject({ code: 'UNKNOWN_CALL' });
    await expect(readFile(join(dir, 'never.jsonl'))).rejects.toThrow();
  });
});
