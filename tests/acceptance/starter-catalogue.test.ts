/**
 * The bundled starter catalogue (issue #15): `npm run catalogue:build` rebuilds data/calls from the
 * saved sources in data/catalogue alone (from the three seeds, no earlier build), to the very files
 * committed; and the catalogue meets the floor (≥ 150 calls, ≥ 8 publishers, ≥ 6 fields),
 * every imported call with its provenance. After a parser change, run `npm run catalogue:build`
 * and commit what it changed.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Call } from '../../src/core/schema.js';
import { copySeedCalls } from '../fixtures/cfp/load.js';
import { ensureBuilt, ROOT } from '../fixtures/ensure-built.js';

const CALLS = join(ROOT, 'data/calls');
let dir = '';

interface Report {
  totals: { calls: number; imported: number; seeds: number };
  by_publisher: Record<string, number>;
  by_field: Record<string, number>;
  failures: Array<{ code: string; message: string; url: string }>;
}

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'cfpmatch-catalogue-build-'));
  copySeedCalls(join(dir, 'data/calls'));
  cpSync(join(ROOT, 'data/catalogue'), join(dir, 'data/catalogue'), { recursive: true, filter: (p) => !p.endsWith('build-report.json') });
  execFileSync(process.execPath, [join(ROOT, 'dist/catalogue-build/main.js'), dir], { cwd: ROOT, stdio: 'pipe' });
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the starter catalogue', () => {
  it('is rebuilt from its saved sources to the committed files, byte for byte', { timeout: 120_000 }, () => {
    const built = readdirSync(join(dir, 'data/calls')).sort();
    expect(built).toEqual(readdirSync(CALLS).sort());
    const differ = built.filter((n) => readFileSync(join(dir, 'data/calls', n), 'utf8') !== readFileSync(join(CALLS, n), 'utf8'));
    expect(differ, 'run `npm run catalogue:build` and commit data/calls').toEqual([]);
    expect(readFileSync(join(dir, 'data/catalogue/build-report.json'), 'utf8')).toBe(readFileSync(join(ROOT, 'data/catalogue/build-report.json'), 'utf8'));
  });

  it('has at least 150 calls, 8 publishers and 6 fields, and every imported call names its sources', () => {
    const report = JSON.parse(readFileSync(join(dir, 'data/catalogue/build-report.json'), 'utf8')) as Report;
    expect(report.totals.calls).toBeGreaterThanOrEqual(150);
    // The only records refused are the listing's two copies of a call whose title names only its journal (records.ts).
    expect(report.failures.map((f) => f.code)).toEqual(['VALIDATION', 'VALIDATION']);
    expect(report.failures.every((f) => /"Call for papers for a Special Issue of Information & Management" names no issue/.test(f.message))).toBe(true);
    // IEEE societies count as one publisher, so the floor is not met by one publisher's many names.
    const publishers = new Set(Object.keys(report.by_publisher).filter((p) => p !== '(unknown)').map((p) => (/\bIEEE\b/.test(p) ? 'IEEE' : p)));
    expect(publishers.size).toBeGreaterThanOrEqual(8);
    expect(Object.keys(report.by_field).filter((f) => f !== '(unknown)' && !f.endsWith('(seed)')).length).toBeGreaterThanOrEqual(6);

    const calls = readdirSync(CALLS).filter((n) => n.endsWith('.json')).map((n) => Call.parse(JSON.parse(readFileSync(join(CALLS, n), 'utf8'))));
    expect(calls).toHaveLength(report.totals.calls);
    const imported = calls.filter((c) => c.sources);
    expect(imported).toHaveLength(report.totals.imported);
    for (const c of imported) {
      expect(c.sources?.length, c.id).toBeGreaterThan(0);
      for (const s of c.sources ?? []) {
        expect(s.url, c.id).toMatch(/^https?:\/\//);
        expect(s.fetched_at, c.id).toBeTruthy();
        expect(s.content_hash, c.id).toMatch(/^[0-9a-f]{64}$/);
        expect(s.licence, c.id).toBeTruthy();
      }
    }
  });

  it('carries no "not found" warning for a field the call has (a catalogue override that sets it settles it)', () => {
    const calls = readdirSync(CALLS).filter((n) => n.endsWith('.json')).map((n) => Call.parse(JSON.parse(readFileSync(join(CALLS, n), 'utf8'))));
    for (const c of calls) {
      if (c.venue) expect(c.warnings, c.id).not.toContain('no journal (venue) found');
      if (c.dates.submission_deadline) expect(c.warnings, c.id).not.toContain('no submission deadline found');
    }
  });
});
