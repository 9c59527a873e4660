/**
 * `cfpmatch triage --resume` after a crash mid-row (issue #21): the torn row is removed and triaged
 * again, whether it was cut inside a plain field (`in_`) or inside a quoted one.
 */
import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTriageBatch } from '../../src/cli/commands/triage-batch.js';
import { completeLength } from '../../src/cli/commands/triage-rows.js';
import type { Matcher } from '../../src/core/matcher.js';
import { TriageVerdict } from '../../src/core/schema.js';
import { GRID_DRAFT, PROTEIN_DRAFT, testMatcher } from '../triage/corpus.js';

let matcher: Matcher;
let dir: string;
beforeAll(async () => {
  matcher = await testMatcher();
  dir = await mkdtemp(join(tmpdir(), 'csv-resume-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const quiet = () => {
  const lines: string[] = [];
  return { lines, stderr: { isTTY: false, write: (s: string) => (lines.push(s), true) } };
};
const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
const subs = Array.from({ length: 6 }, (_, i) => ({ id: `c${i}`, ...(i % 2 ? PROTEIN_DRAFT : GRID_DRAFT) }));
const csvOf = (rows: typeof subs) => ['id,title,abstract,keywords', ...rows.map((r) => `${r.id},${q(r.title)},${q(r.abstract)},`)].join('\n') + '\n';

async function firstRun(name: string) {
  const input = join(dir, `${name}.csv`);
  const out = join(dir, `${name}-report.csv`);
  await writeFile(input, csvOf(subs.slice(0, 3)));
  await runTriageBatch({ matcher, callId: 'grid-gnn', input, out, stderr: quiet().stderr });
  await writeFile(input, csvOf(subs));
  return { input, out };
}

async function resumeAndCheck(input: string, out: string) {
  const { lines, stderr } = quiet();
  const s = await runTriageBatch({ matcher, callId: 'grid-gnn', input, out, resume: true, stderr });
  const rows = parse(await readFile(out, 'utf8'), { columns: true }) as Array<Record<string, string>>;
  expect(rows.map((r) => r.id)).toEqual(subs.map((x) => x.id));
  for (const r of rows) expect(TriageVerdict.safeParse(r.verdict).success, `${r.id}: ${r.verdict}`).toBe(true);
  return { s, err: lines.join('') };
}

describe('CSV --resume with a torn last row', () => {
  it('redoes a row cut inside a plain field (verdict "in_")', async () => {
    const { input, out } = await firstRun('plain');
    await appendFile(out, 'c3,in_');
    const { s, err } = await resumeAndCheck(input, out);
    expect(s.skipped_existing).toBe(3);
    expect(s.triaged).toBe(3);
    expect(err).toMatch(/removed a row cut off mid-write \(6 bytes\)/);
  });

  it('redoes a row cut inside a quoted field, instead of swallowing the next rows into it', async () => {
    const { input, out } = await firstRun('quoted');
    await appendFile(out, 'c3,in_scope,0.71,"graph neural networks (0.61) | load');
    const { s } = await resumeAndCheck(input, out);
    expect(s.triaged).toBe(3);
  });

  it('leaves a complete report alone, quoted line breaks included', async () => {
    const path = join(dir, 'complete.csv');
    const text = 'id,reason\nc1,"two\nlines"\nc2,plain\n';
    await writeFile(path, text);
    expect(await completeLength(path, 'csv')).toBe(Buffer.byteLength(text));
    await writeFile(path, `${text}c3,"open\nquote`);
    expect(await completeLength(path, 'csv')).toBe(Buffer.byteLength(text));
  });
});
