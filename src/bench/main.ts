/**
 * `npm run bench`: embedding throughput, ranking latency and HNSW recall by
 * size, index build/load time and memory, HTTP load, triage batch. Writes
 * `<name>.md` and `<name>.json` to bench/results/. Targets: docs/performance.md.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from './args.js';
import { childMain } from './child.js';
import { benchCatalogue } from './catalogue-bench.js';
import { benchE2e } from './e2e-bench.js';
import { benchEmbedders } from './embed-bench.js';
import { benchHttp } from './http-bench.js';
import { benchParse } from './parse-bench.js';
import { benchRankSizes } from './rank-bench.js';
import { benchWindows } from './window-bench.js';
import { toMarkdown, type BenchResults } from './report.js';
import { syntheticCalls } from './synthetic-calls.js';
import { createWorld } from './synthetic-world.js';
import { callPassages } from '../core/corpus/passages.js';

/** The triage engineer's batch benchmark, when that module exists. */
async function triage(): Promise<unknown> {
  try {
    const mod = (await import(new URL('./triage-batch.js', import.meta.url).href)) as { benchTriageBatch?: () => Promise<unknown> };
    return mod.benchTriageBatch ? await mod.benchTriageBatch() : { skipped: 'triage-batch.js has no benchTriageBatch' };
  } catch (err) {
    return { skipped: `triage batch unavailable: ${(err as Error).message}` };
  }
}

const argv = process.argv.slice(2);
if (argv[0] === '--child') {
  await childMain(argv[1] ?? '{}');
} else {
  const args = parseArgs(argv);
  const hnsw = { m: args.m, efConstruction: args.efConstruction, efSearch: args.efSearch };
  const results: BenchResults = {
    date: new Date().toISOString(),
    machine: `${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average at start ${loadavg().map((x) => x.toFixed(1)).join(' ')}`,
    command: `npm run bench -- ${argv.join(' ')}`.trim(),
  };
  const largest = Math.max(...args.sizes);
  if (args.sections.includes('embed')) {
    // Project embedding time for the passages of the largest synthetic set.
    const world = createWorld({ seed: args.seed, dims: 8 });
    const passages = syntheticCalls(world, largest).reduce((n, c) => n + callPassages(c).length, 0);
    results.embed = await benchEmbedders(passages);
  }
  if (args.sections.includes('rank')) results.rank = await benchRankSizes(args);
  if (args.sections.includes('http')) {
    results.http = await benchHttp({ size: args.httpSize, seconds: args.httpSeconds, connections: args.httpConnections, dims: args.dims, seed: args.seed, hnsw });
  }
  if (args.sections.includes('triage')) results.triage = await triage();
  if (args.sections.includes('catalogue')) results.catalogue = await benchCatalogue({ pages: args.cataloguePages, embed: args.catalogueEmbed });
  if (args.sections.includes('window')) results.window = await benchWindows(args.windowMaxChars);
  if (args.sections.includes('parse')) results.parse = await benchParse('eval/cfp/cases', 3);
  if (args.sections.includes('e2e')) {
    results.e2e = await benchE2e({
      evalDir: args.evalDir,
      requests: args.e2eRequests,
      triageRows: args.e2eTriageRows,
      indexCalls: args.e2eIndexCalls,
      phaseSeconds: args.e2eSeconds,
      threads: Math.min(2, cpus().length),
      ...(args.e2eBase ? { base: args.e2eBase } : {}),
    });
  }
  await mkdir(args.out, { recursive: true });
  await writeFile(join(args.out, `${args.name}.json`), JSON.stringify({ args, ...results }, null, 2));
  const md = toMarkdown(results);
  await writeFile(join(args.out, `${args.name}.md`), md);
  console.log(md);
}
