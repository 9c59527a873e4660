/**
 * `npm run worker:sync`: push data/calls/*.json to D1 and Vectorize through
 * the Cloudflare REST API. Upserts calls by id (only those whose content
 * changed), embeds only passages Vectorize lacks (Workers AI, the model the
 * Worker uses), deletes calls and passages that are gone locally. Running it
 * twice writes nothing the second time. `--dry-run` prints the plan only.
 *
 * Env: CLOUDFLARE_ACCOUNT_ID, CLOUDFLARE_API_TOKEN (D1 edit, Vectorize edit,
 * Workers AI read), D1_DATABASE_ID, VECTORIZE_INDEX (default cfpmatch-passages),
 * CALLS_DIR (default data/calls).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { restAi, restD1, restVectorize } from '../src/adapters/workers/sync/rest-clients.js';
import { createCloudflareTarget } from '../src/adapters/workers/sync/rest-target.js';
import { runSync } from '../src/adapters/workers/sync/run-sync.js';
import { createWorkersAiEmbedder } from '../src/adapters/workers/workers-ai-embedder.js';
import { callFromInput } from '../src/core/call-input.js';
import type { Call } from '../src/core/schema.js';

function required(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set (see docs/workers.md)`);
  return v;
}

async function localCalls(dir: string): Promise<Call[]> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
  return Promise.all(names.map(async (n) => callFromInput(JSON.parse(await readFile(join(dir, n), 'utf8')) as unknown)));
}

async function main(): Promise<void> {
  const dryRun = process.argv.includes('--dry-run');
  const cfg = { accountId: required('CLOUDFLARE_ACCOUNT_ID'), apiToken: required('CLOUDFLARE_API_TOKEN') };
  const embedder = createWorkersAiEmbedder({ ai: restAi(cfg) });
  const target = createCloudflareTarget({
    db: restD1({ ...cfg, databaseId: required('D1_DATABASE_ID') }),
    vectorize: restVectorize({ ...cfg, indexName: process.env.VECTORIZE_INDEX ?? 'cfpmatch-passages' }),
    dimensions: embedder.dimensions,
  });
  const local = await localCalls(process.env.CALLS_DIR ?? 'data/calls');
  const { plan, written } = await runSync({ local, target, embedder, dryRun });
  console.log(
    JSON.stringify({
      dry_run: dryRun,
      written,
      local: local.length,
      unchanged: plan.unchanged,
      put_calls: plan.putCalls.map((c) => c.call.id),
      delete_calls: plan.deleteCalls,
      embed_passages: plan.embed.length,
      delete_passages: plan.deletePassages.length,
    }),
  );
}

main().catch((err: unknown) => {
  console.error(`worker:sync: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});
