/**
 * The diff behind `npm run worker:sync`: what to write so D1 and Vectorize hold
 * exactly the local calls. Pure, so the decisions are tested without Cloudflare.
 */
import { callPassages, type Passage, type PassageOptions } from '../../../core/corpus/passages.js';
import type { Call } from '../../../core/schema.js';
import { callHash } from '../call-hash.js';

export interface RemoteState {
  /** Calls in D1 with their content hash. */
  calls: ReadonlyArray<{ id: string; hash: string }>;
  /** Passage ids the registry lists for the current embedder. */
  passages: readonly string[];
}

export interface SyncPlan {
  /** New calls and calls whose content changed. */
  putCalls: Array<{ call: Call; hash: string }>;
  /** Calls in D1 that are no longer local. */
  deleteCalls: string[];
  /** Passages whose vectors are missing (new or changed text): embed and upsert. */
  embed: Passage[];
  /** Passages no local call owns any more: delete from Vectorize and the registry. */
  deletePassages: string[];
  unchanged: number;
}

/**
 * @example
 * const plan = planSync(localCalls, { calls: [{ id: 'gone', hash: 'x' }], passages: [] });
 * plan.deleteCalls; // ['gone']
 */
export function planSync(local: readonly Call[], remote: RemoteState, opts?: PassageOptions): SyncPlan {
  const remoteHash = new Map(remote.calls.map((c) => [c.id, c.hash]));
  const localIds = new Set(local.map((c) => c.id));
  const stored = new Set(remote.passages);
  const putCalls: SyncPlan['putCalls'] = [];
  const wanted = new Map<string, Passage>();
  let unchanged = 0;
  for (const call of local) {
    const hash = callHash(call);
    if (remoteHash.get(call.id) === hash) unchanged += 1;
    else putCalls.push({ call, hash });
    for (const p of callPassages(call, opts)) wanted.set(p.id, p);
  }
  return {
    putCalls,
    deleteCalls: [...remoteHash.keys()].filter((id) => !localIds.has(id)).sort(),
    embed: [...wanted.values()].filter((p) => !stored.has(p.id)),
    deletePassages: remote.passages.filter((id) => !wanted.has(id)).sort(),
    unchanged,
  };
}

/** True when the plan writes nothing. */
export function isEmptyPlan(plan: SyncPlan): boolean {
  return !plan.putCalls.length && !plan.deleteCalls.length && !plan.embed.length && !plan.deletePassages.length;
}
