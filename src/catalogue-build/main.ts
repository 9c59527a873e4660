/**
 * `npm run catalogue:build`: rebuild the bundled catalogue in data/calls from the saved sources in
 * data/catalogue/ with the same importer `cfpmatch calls import` uses (a replay fetcher serves each
 * source's saved file under its original URL). The three hand-curated seed calls stay as they are;
 * every other call is rebuilt. Deterministic: each source's calls carry the day it was read.
 * Writes data/catalogue/build-report.json (counts by publisher, field and state; merges, near
 * duplicates and failures).
 */
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createFileFetcher } from '../adapters/node/file-fetcher.js';
import { createFileStore } from '../adapters/node/file-store.js';
import { mergeCurated } from '../core/cfp/load-bundled.js';
import { runSources } from '../core/catalogue/run.js';
import { emptyState, type Fetcher } from '../core/catalogue/types.js';
import { Call } from '../core/schema.js';
import { Manifest, type Override } from './manifest.js';
import { buildReport } from './report.js';

const root = resolve(process.argv[2] ?? '.');
const catalogueDir = join(root, 'data/catalogue');
const callsDir = join(root, 'data/calls');

const manifest = Manifest.parse(JSON.parse(await readFile(join(catalogueDir, 'manifest.json'), 'utf8')));

// Seeds: the hand-curated calls (no catalogue provenance). Earlier builds' calls are dropped.
const store = createFileStore({ dir: callsDir });
const existing = await store.list();
const seeds = existing.filter((c) => !c.sources);

const calls = new Map<string, Call>(seeds.map((c) => [c.id, c]));
const files = createFileFetcher({ baseDir: catalogueDir });
const fileOf = new Map(manifest.sources.map((s) => [s.url, s.file]));
// Each source's saved copy answers for its original URL; nothing else is fetched.
const replay: Fetcher = {
  fetch: async (url, validators) => {
    const file = fileOf.get(url);
    return file ? files.fetch(file, validators) : { status: 'gone', httpStatus: 404 };
  },
};
const fieldOf = new Map<string, string>();
const reports = [];
for (const s of manifest.sources) {
  const { file: _f, retrieved, via: _v, field, excerpt: _e, ...spec } = s;
  const { reports: [report] } = await runSources([spec], {
    fetcher: replay,
    calls: [...calls.values()],
    put: async (c) => void calls.set(c.id, c),
    state: emptyState(),
    saveState: async () => {},
    now: new Date(`${retrieved}T00:00:00.000Z`),
  });
  if (!report) continue;
  for (const id of [...report.added, ...report.merged.map((m) => m.id)]) if (!fieldOf.has(id)) fieldOf.set(id, field);
  reports.push(report);
}

/** An override keyed by its page's URL survives a parser change that renames the call; one keyed by id does not. */
function overrides(o: Override, c: Call): boolean {
  return o.source !== undefined ? (c.sources ?? []).some((s) => s.url === o.source) : o.call === c.id;
}

const excluded = new Set(manifest.exclude.map((e) => e.call));
const missingExcludes = [...excluded].filter((id) => !calls.has(id));
if (missingExcludes.length) throw new Error(`exclude names calls the build did not produce: ${missingExcludes.join(', ')} (built: ${[...calls.keys()].sort().join(' ')})`);
const built: Call[] = [];
for (const c of calls.values()) {
  if (!c.sources || excluded.has(c.id)) continue;
  let call = !c.publisher && c.venue && manifest.publishers[c.venue] ? { ...c, publisher: manifest.publishers[c.venue] } : c;
  const field = fieldOf.get(c.id);
  for (const o of manifest.overrides.filter((x) => overrides(x, c))) {
    call = mergeCurated(call, o.set as Partial<Call>);
    call = { ...call, warnings: [...call.warnings, `catalogue override (${Object.keys(o.set).join(', ')}): ${o.reason}`] };
  }
  if (field) fieldOf.set(call.id, field);
  built.push(Call.parse(call));
}
const unknown = manifest.overrides.filter((o) => ![...calls.values()].some((c) => overrides(o, c))).map((o) => o.source ?? o.call);
if (unknown.length) throw new Error(`overrides name calls the build did not produce: ${unknown.join(', ')}`);
// Everything is checked before data/calls changes: a manifest error leaves the previous build in place.
for (const c of existing.filter((x) => x.sources)) await store.delete(c.id);
for (const c of built) await store.put(c);

const report = { ...buildReport(built, seeds, reports, fieldOf, manifest.as_of), excluded: manifest.exclude };
await writeFile(join(catalogueDir, 'build-report.json'), `${JSON.stringify(report, null, 2)}\n`);
const names = (await readdir(callsDir)).filter((n) => n.endsWith('.tmp'));
for (const n of names) await rm(join(callsDir, n));
console.log(`catalogue: ${report.totals.calls} calls (${report.totals.imported} imported + ${report.totals.seeds} seeds), ${Object.keys(report.by_publisher).length} publishers, ${Object.keys(report.by_field).length} fields; states as of ${manifest.as_of}: ${JSON.stringify(report.by_state)}`);
console.log(`merged ${report.merged.length}, near duplicates ${report.near_duplicates.length}, failures ${report.failures.length}`);
for (const f of report.failures) console.log(`  failed: ${f.url}: ${f.message}`);
