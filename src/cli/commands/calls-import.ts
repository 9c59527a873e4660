/**
 * `cfpmatch calls import <url|file>` and `cfpmatch calls refresh`: fetch, parse and fold calls into
 * DATA_DIR/calls, then index what changed (the index embeds only new passages). Long imports draw
 * a progress line on a terminal.
 */
import { requireFile } from '../io.js';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadCatalogueState, readSourcesFile, saveCatalogueState } from '../../adapters/node/catalogue-files.js';
import { createSourceFetcher } from '../../adapters/node/file-fetcher.js';
import { fetchOptionsFromEnv } from '../../adapters/node/http-fetcher.js';
import { createFileStore } from '../../adapters/node/file-store.js';
import { runSources, type RunSummary } from '../../core/catalogue/run.js';
import { SOURCE_KINDS, type SourceSpecInput } from '../../core/catalogue/types.js';
import { createError } from '../../core/errors.js';
import { createNodeRuntime, envOptions } from '../../entry/node-runtime.js';
import { createProgress, type Progress } from '../progress.js';
import { formatReports } from './calls-import-format.js';

const IMPORT_HELP = `Usage: cfpmatch calls import <url|file> [options]

Import calls from a CFP page, an RSS/Atom feed, a listing page of calls, or a
JSON / JSONL / CSV file (evaluation format, full Calls, or {title, topics,
description, editors, dates}) into DATA_DIR/calls, and index them.

Options:
  --kind <k>          auto (default) | page | feed | listing | bulk
  --source-name <n>   name recorded in each call's provenance
  --licence <l>       licence or terms recorded with the source
  --limit <n>         listings and feeds: follow at most n call pages (default 50)
  --dry-run           fetch and parse, print what would change, write nothing
  --json              machine-readable report
Environment: DATA_DIR, IMPORT_ALLOW_PRIVATE=1, IMPORT_DELAY_MS, IMPORT_TIMEOUT_MS,
IMPORT_MAX_BYTES, IMPORT_RETRIES (docs/catalogue.md).`;

const REFRESH_HELP = `Usage: cfpmatch calls refresh [--sources <file>] [--dry-run] [--json]

Walk DATA_DIR/sources.json (or sources.yaml): fetch each source conditionally
(an unchanged page costs a 304), re-parse what changed, re-embed only changed
passages, mark calls that left their sources as withdrawn.`;

export async function callsImportCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      kind: { type: 'string' },
      'source-name': { type: 'string' },
      licence: { type: 'string' },
      limit: { type: 'string' },
      'dry-run': { type: 'boolean' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(IMPORT_HELP);
    return 0;
  }
  const url = positionals[0];
  if (!url) throw createError('BAD_INPUT', 'calls import needs a URL or a file (see cfpmatch calls import --help)');
  await ensureLocalSource(url);
  const kind = values.kind ?? 'auto';
  if (kind !== 'auto' && !(SOURCE_KINDS as readonly string[]).includes(kind)) throw createError('BAD_INPUT', `--kind must be auto, ${SOURCE_KINDS.join(', ')} (got "${kind}")`);
  if (values.limit !== undefined && !/^[1-9]\d{0,3}$/.test(values.limit)) throw createError('BAD_INPUT', `--limit must be a whole number from 1 to 1000 (got "${values.limit}")`);
  const spec: SourceSpecInput = {
    url,
    kind: kind as SourceSpecInput['kind'],
    ...(values['source-name'] ? { name: values['source-name'] } : {}),
    ...(values.licence ? { licence: values.licence } : {}),
    ...(values.limit ? { limit: Number(values.limit) } : {}),
  };
  return run([spec], { dryRun: Boolean(values['dry-run']), json: Boolean(values.json), single: true });
}

export async function callsRefreshCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { sources: { type: 'string' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    console.log(REFRESH_HELP);
    return 0;
  }
  const { sources } = await readSourcesFile(envOptions().dataDir ?? 'data', values.sources);
  return run(sources, { dryRun: Boolean(values['dry-run']), json: Boolean(values.json), single: false });
}

/**
 * A file to import must exist: the fetcher reads a missing file as a source that is gone (so a
 * refresh can withdraw its calls), which for a first import would report "0 added" and succeed.
 */
async function ensureLocalSource(ref: string): Promise<void> {
  if (/^https?:\/\//i.test(ref)) return;
  const path = ref.startsWith('file:') ? fileURLToPath(ref) : ref;
  await requireFile(path, ref, 'no such file (give a file or an http(s) URL)');
}

async function run(specs: SourceSpecInput[], opts: { dryRun: boolean; json: boolean; single: boolean }): Promise<number> {
  const env = envOptions();
  const dataDir = env.dataDir ?? 'data';
  const store = createFileStore({ dir: join(dataDir, 'calls') });
  const fetcher = createSourceFetcher({ http: fetchOptionsFromEnv(process.env) });
  let bar: Progress | undefined;
  let barTotal = 0;
  const t0 = Date.now();
  let summary: RunSummary;
  try {
    summary = await runSources(specs, {
      fetcher,
      calls: await store.list(),
      put: (c) => store.put(c),
      state: await loadCatalogueState(dataDir),
      saveState: (s) => saveCatalogueState(dataDir, s),
      dryRun: opts.dryRun,
      onProgress: (p) => {
        if (p.total !== barTotal) {
          bar?.finish();
          bar = createProgress(p.total);
          barTotal = p.total;
        }
        bar?.update(p.done, p.url.length > 60 ? `…${p.url.slice(-59)}` : p.url);
      },
    });
  } finally {
    bar?.finish();
    await fetcher.dispose();
  }
  // Index what changed: the runtime's sync embeds only passages it has not seen.
  let embedded = 0;
  if (summary.written > 0) {
    const rt = await createNodeRuntime({ ...env, log: (event, fields) => void (event === 'index.sync' && (embedded = Number(fields?.embedded ?? 0))) });
    try {
      await rt.persist();
    } finally {
      await rt.dispose();
    }
  }
  const ms = Date.now() - t0;
  if (opts.json) console.log(JSON.stringify({ dry_run: opts.dryRun, written: summary.written, embedded, ms, reports: summary.reports }, null, 2));
  else console.log(formatReports(summary.reports, { dryRun: opts.dryRun, written: summary.written, embedded, ms }));
  for (const r of summary.reports) for (const f of r.failures) console.error(`warning: ${f.url}: ${f.code}: ${f.message}`);
  // One source that could not be read at all is a failed command; per-page failures are warnings.
  const dead = summary.reports.filter((r) => r.failures.some((f) => f.url === r.source) && r.added.length + r.updated.length + r.merged.length === 0);
  if (opts.single && dead.length) {
    const f = dead[0]?.failures.find((x) => x.url === dead[0]?.source);
    throw createError(f?.code ?? 'FETCH_FAILED', f?.message ?? 'import failed');
  }
  return dead.length === specs.length && specs.length > 0 && !opts.single ? 11 : 0;
}
