/**
 * `cfpmatch calls add page.html` through the real built binary: a saved page
 * in a non-UTF-8 charset, and bad files that must exit non-zero with one line
 * naming the problem. `--dry-run` parses without loading a model.
 */
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cfpHtml } from '../fixtures/catalogue/pages.js';
import { ensureBuilt, runCli, type CliRun } from '../fixtures/ensure-built.js';

let dir = '';
const run = (args: string[]): Promise<CliRun> => runCli(args, { env: { ...process.env, DATA_DIR: join(dir, 'data') }, cwd: dir });
const fixture = (name: string) => readFileSync(new URL(`../fixtures/cfp/html/${name}`, import.meta.url));

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'cfpmatch-html-'));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('cfpmatch calls add <page.html>', () => {
  it('parses a saved page (windows-1252, declared in a meta tag) and prints the call', { timeout: 60_000 }, async () => {
    const html = '<html><head><meta charset="windows-1252"><title>Call for Papers</title></head><body><h1>Special Issue on Caf\u00e9 Cultures and Public Life</h1>' +
      '<p>This special issue gathers historical and sociological research on caf\u00e9s as places of public debate, from the coffee houses of Vienna to today.</p>' +
      '<p>Topics include:</p><ul><li>Coffee houses and the press</li><li>Gender and public space</li></ul><p><b>Submission deadline:</b> 1 June 2027</p></body></html>';
    const file = join(dir, 'cafe.html');
    writeFileSync(file, Uint8Array.from([...html].map((c) => c.charCodeAt(0))));
    const r = await run(['calls', 'add', file, '--dry-run', '--url', 'https://journal.example.org/cafe']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const call = JSON.parse(r.stdout) as { id: string; title: string; topics: string[]; dates: Record<string, string>; field_sources: Record<string, { from: string }> };
    expect(call).toMatchObject({ id: 'cafe', title: 'Café Cultures and Public Life', topics: ['Coffee houses and the press', 'Gender and public space'] });
    expect(call.dates.submission_deadline).toBe('2027-06-01');
    expect(call.field_sources['title']?.from).toBe('html-element');
  });

  it("keeps the papers a special-issue page lists as the call's published papers, not as topics", { timeout: 60_000 }, async () => {
    const file = join(dir, 'soil.html');
    writeFileSync(file, cfpHtml({ title: 'Soil Microbiomes', deadline: '31 March 2027', topics: ['Drought', 'Warming'], papers: ['Soil carbon under drought', 'Fungal networks in warming soils'] }));
    const r = await run(['calls', 'add', file, '--dry-run', '--url', 'https://journal.example.org/si/soil']);
    expect(r.code).toBe(0);
    const call = JSON.parse(r.stdout) as { topics: string[]; papers: Array<{ title: string; doi: string; source: string }>; field_sources: Record<string, { where: string }> };
    expect(call.topics).toEqual(['Drought', 'Warming']);
    expect(call.papers.map((p) => [p.title, p.doi, p.source])).toEqual([
      ['Soil carbon under drought', '10.5555/paper.soil-carbon-under-drought', 'catalogue'],
      ['Fungal networks in warming soils', '10.5555/paper.fungal-networks-in-warming-soils', 'catalogue'],
    ]);
    expect(call.field_sources['papers']?.where).toMatch(/Published Papers/);
  });

  it.each([
    ['a binary file named .html', 'image.html', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), /binary/],
    ['a saved 404 page', 'missing.html', fixture('not-found.html'), /error or login page/],
    ['a journal home page', 'home.html', fixture('journal-home.html'), /does not look like a call for papers/],
  ])('%s exits 2 with one line naming the problem', { timeout: 60_000 }, async (_name, fileName, bytes, message) => {
    const file = join(dir, fileName);
    writeFileSync(file, bytes);
    const r = await run(['calls', 'add', file, '--dry-run']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  });
});
