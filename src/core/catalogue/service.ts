/**
 * The catalogue inside a running server: imports and refreshes run one at a time (they share the
 * refresh state), changed calls go through the matcher so they are indexed at once.
 */
import { silentLogger, type Logger } from '../log.js';
import type { Call } from '../schema.js';
import { runSources, type RunSummary } from './run.js';
import type { CatalogueState, Fetcher, SourceSpecInput } from './types.js';

export interface CatalogueServiceDeps {
  fetcher: Fetcher;
  /** The matcher's calls and its ingest (store + index). */
  calls(): Call[];
  ingest(call: Call): Promise<unknown>;
  loadState(): Promise<CatalogueState>;
  saveState(state: CatalogueState): Promise<void>;
  /** Called after a run that wrote calls (the Node entry saves the index). */
  onChange?(): void;
  log?: Logger;
}

export interface CatalogueService {
  run(specs: readonly SourceSpecInput[], opts?: { dryRun?: boolean; fetcher?: Fetcher }): Promise<RunSummary & { ms: number }>;
}

/**
 * @example
 * const catalogue = createCatalogueService({ fetcher, calls: () => matcher.listCalls(), ingest: (c) => matcher.ingest(c), loadState, saveState });
 * await catalogue.run([{ url: 'https://example.org/cfps.xml' }]);
 */
export function createCatalogueService(deps: CatalogueServiceDeps): CatalogueService {
  const log = deps.log ?? silentLogger;
  let queue: Promise<unknown> = Promise.resolve();
  return {
    run(specs, opts = {}) {
      const job = queue.then(async () => {
        const t0 = Date.now();
        const summary = await runSources(specs, {
          fetcher: opts.fetcher ?? deps.fetcher,
          calls: deps.calls(),
          put: async (c) => void (await deps.ingest(c)),
          state: await deps.loadState(),
          saveState: deps.saveState,
          ...(opts.dryRun ? { dryRun: true } : {}),
        });
        const ms = Date.now() - t0;
        for (const r of summary.reports) {
          log('catalogue.import', { source: r.source, kind: r.kind, added: r.added.length, updated: r.updated.length, merged: r.merged.length, withdrawn: r.withdrawn.length, failed: r.failures.length, fetched: r.fetched, not_modified: r.not_modified, ms });
        }
        if (summary.written > 0) deps.onChange?.();
        return { ...summary, ms };
      });
      queue = job.catch(() => undefined);
      return job;
    },
  };
}
