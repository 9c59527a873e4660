/**
 * Import or refresh several sources against a call store: one de-duplication index over the
 * store's calls, calls written as each document is folded in, the state saved as it goes
 * (throttled) and at the end. Shared by `cfpmatch calls import|refresh`, `POST /v1/calls/import`
 * and the server's refresh schedule.
 */
import type { Call } from '../schema.js';
import { createDedupeIndex } from './dedupe.js';
import { importSource, type ImportReport } from './import.js';
import type { CatalogueState, Fetcher, SourceSpecInput } from './types.js';

export interface RunDeps {
  fetcher: Fetcher;
  /** The catalogue's current calls. */
  calls: readonly Call[];
  /** Write one changed call (the file store's put, or the matcher's ingest to index it at once). */
  put(call: Call): Promise<void>;
  state: CatalogueState;
  saveState(state: CatalogueState): Promise<void>;
  /** Plan only: nothing is written, the state is not saved. */
  dryRun?: boolean;
  now?: Date;
  onProgress?(p: { source: string; done: number; total: number; url: string }): void;
  /** Save the state at most this often while importing (default 2 s; always at the end). */
  saveEveryMs?: number;
}

export interface RunSummary {
  reports: ImportReport[];
  /** Calls written (0 on a dry run). */
  written: number;
}

/**
 * @example
 * const { reports } = await runSources([{ url: 'https://example.org/cfps.xml' }], { fetcher, calls: await store.list(), put: store.put, state, saveState });
 */
export async function runSources(specs: readonly SourceSpecInput[], deps: RunDeps): Promise<RunSummary> {
  const index = createDedupeIndex(deps.calls);
  const every = deps.saveEveryMs ?? 2_000;
  let savedAt = Date.now();
  let written = 0;
  const reports: ImportReport[] = [];
  for (const spec of specs) {
    const report = await importSource(spec, {
      fetcher: deps.fetcher,
      state: deps.state,
      index,
      ...(deps.now ? { now: deps.now } : {}),
      onProgress: (p) => deps.onProgress?.({ source: spec.url, ...p }),
      async commit(calls) {
        if (deps.dryRun) return;
        // Calls first, then the state naming their documents: a crash in between costs a re-fetch, never a lost call.
        for (const c of calls) await deps.put(c);
        written += calls.length;
        if (Date.now() - savedAt >= every) {
          await deps.saveState(deps.state);
          savedAt = Date.now();
        }
      },
    });
    reports.push(report);
  }
  if (!deps.dryRun) await deps.saveState(deps.state);
  return { reports, written };
}
