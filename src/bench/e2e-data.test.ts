import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseArgs } from './args.js';
import { loadE2eData } from './e2e-data.js';

const words = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`).join(' ');

describe('loadE2eData', () => {
  let dir = '';
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('reads both suites: every call with a valid, distinct id and only 150-250 word abstracts, in a seeded order', async () => {
    dir = await mkdtemp(join(tmpdir(), 'e2e-data-'));
    for (const suite of ['acl', 'arxiv']) {
      await mkdir(join(dir, suite));
      const calls = [{ id: 'cs.AI', title: 'AI', description: 'Artificial intelligence.' }, { id: 'bad id/x', title: 'X', description: 'Other.' }];
      const papers = [120, 150, 200, 250, 300].map((n, i) => ({ id: `${suite}${i}`, title: `T${n}`, abstract: words(n), call_id: null }));
      await writeFile(join(dir, suite, 'calls.jsonl'), calls.map((c) => JSON.stringify(c)).join('\n'));
      await writeFile(join(dir, suite, 'papers.jsonl'), papers.map((p) => JSON.stringify(p)).join('\n'));
    }
    const { calls, drafts } = await loadE2eData(dir);
    expect(calls.map((c) => c.id)).toEqual(['acl-cs.AI', 'acl-eval-call-0', 'arxiv-cs.AI', 'arxiv-eval-call-0']);
    expect(drafts.map((d) => d.title).sort()).toEqual(['T150', 'T150', 'T200', 'T200', 'T250', 'T250']);
    expect((await loadE2eData(dir)).drafts).toEqual(drafts);
  });

  it('parses the e2e flags', () => {
    const a = parseArgs(['--only', 'e2e', '--e2e-requests', '10,12,16', '--e2e-triage', '100', '--e2e-base', '/tmp/base']);
    expect([a.sections, a.e2eRequests, a.e2eTriageRows, a.e2eBase]).toEqual([['e2e'], [10, 12, 16], 100, '/tmp/base']);
  });
});
