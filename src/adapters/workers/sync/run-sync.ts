/**
 * Apply a sync plan through an injected target (the Cloudflare REST API in
 * scripts/worker-sync.ts, an in-memory target in tests). Order keeps readers
 * consistent: vectors first, then calls, then deletions, then the version key
 * that makes isolates rebuild.
 */
import type { Embedder } from '../../../core/ports.js';
import type { Call } from '../../../core/schema.js';
import { isEmptyPlan, planSync, type RemoteState, type SyncPlan } from './plan.js';

/** What the sync needs from Cloudflare. */
export interface SyncTarget {
  remoteState(embedderId: string): Promise<RemoteState>;
  /** Upsert vectors into Vectorize and record the ids in the passage registry. */
  putPassages(items: ReadonlyArray<{ id: string; vector: Float32Array }>, embedderId: string): Promise<void>;
  putCalls(items: ReadonlyArray<{ call: Call; hash: string }>): Promise<void>;
  deleteCalls(ids: readonly string[]): Promise<void>;
  deletePassages(ids: readonly string[]): Promise<void>;
  bumpVersion(): Promise<void>;
}

export interface RunSyncOptions {
  local: readonly Call[];
  target: SyncTarget;
  embedder: Embedder;
  /** Plan only; write nothing. */
  dryRun?: boolean;
  /** Texts per embedding request. */
  batchSize?: number;
}

export interface SyncReport {
  plan: SyncPlan;
  written: boolean;
}

/**
 * @example
 * const { plan } = await runSync({ local: calls, target: createRestTarget(cfg), embedder });
 * console.log(plan.putCalls.length, plan.deleteCalls.length);
 */
export async function runSync(opts: RunSyncOptions): Promise<SyncReport> {
  const { target, embedder } = opts;
  const plan = planSync(opts.local, await target.remoteState(embedder.id));
  if (opts.dryRun || isEmptyPlan(plan)) return { plan, written: false };
  const batchSize = opts.batchSize ?? 50;
  for (let i = 0; i < plan.embed.length; i += batchSize) {
    const batch = plan.embed.slice(i, i + batchSize);
    const vectors = await embedder.embed(batch.map((p) => p.text));
    await target.putPassages(batch.map((p, j) => ({ id: p.id, vector: vectors[j] as Float32Array })), embedder.id);
  }
  if (plan.putCalls.length) await target.putCalls(plan.putCalls);
  if (plan.deleteCalls.length) await target.deleteCalls(plan.deleteCalls);
  if (plan.deletePassages.length) await target.deletePassages(plan.deletePassages);
  await target.bumpVersion();
  return { plan, written: true };
}
