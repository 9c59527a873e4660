/**
 * The server's catalogue: the polite HTTP fetcher (never files), the refresh state under DATA_DIR,
 * and the optional schedule (REFRESH_EVERY = `30m`, `6h`, `1d`, or seconds; off by default) that
 * refreshes the sources file in the background.
 */
import { createCatalogueService, type CatalogueService } from '../../core/catalogue/service.js';
import { createError, isCfpError } from '../../core/errors.js';
import type { Logger } from '../../core/log.js';
import type { Matcher } from '../../core/matcher.js';
import { loadCatalogueState, readSourcesFile, saveCatalogueState } from './catalogue-files.js';
import { createHttpFetcher, fetchOptionsFromEnv } from './http-fetcher.js';

/**
 * REFRESH_EVERY in milliseconds; undefined when off. At least one minute.
 *
 * @example
 * parseEvery('6h') // 21_600_000
 */
export function parseEvery(value: string | undefined): number | undefined {
  if (value === undefined || value === '' || value === 'off' || value === '0') return undefined;
  const m = /^(\d+)\s*(s|m|h|d)?$/.exec(value.trim());
  if (!m) throw createError('BAD_INPUT', `REFRESH_EVERY must be like 30m, 6h, 1d or a number of seconds (got "${value}")`);
  const ms = Number(m[1]) * { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 }[(m[2] ?? 's') as 's'];
  if (ms < 60_000) throw createError('BAD_INPUT', `REFRESH_EVERY must be at least one minute (got "${value}")`);
  return ms;
}

export interface NodeCatalogue {
  service: CatalogueService;
  dispose(): Promise<void>;
}

/**
 * @example
 * const catalogue = createNodeCatalogue({ dataDir: 'data', matcher, log, env: process.env, onChange: () => void runtime.persist() });
 */
export function createNodeCatalogue(opts: { dataDir: string; matcher: Matcher; log: Logger; env: Record<string, string | undefined>; onChange: () => void }): NodeCatalogue {
  const fetcher = createHttpFetcher(fetchOptionsFromEnv(opts.env, opts.log));
  const service = createCatalogueService({
    fetcher,
    calls: () => opts.matcher.listCalls(),
    ingest: (c) => opts.matcher.ingest(c),
    loadState: () => loadCatalogueState(opts.dataDir),
    saveState: (s) => saveCatalogueState(opts.dataDir, s),
    onChange: opts.onChange,
    log: opts.log,
  });
  const every = parseEvery(opts.env.REFRESH_EVERY);
  let timer: NodeJS.Timeout | undefined;
  if (every) {
    const tick = async () => {
      try {
        const { sources } = await readSourcesFile(opts.dataDir);
        await service.run(sources);
      } catch (err) {
        opts.log('catalogue.refresh_failed', { code: isCfpError(err) ? err.code : 'INTERNAL', message: (err as Error).message });
      }
    };
    timer = setInterval(() => void tick(), every);
    timer.unref();
    opts.log('catalogue.schedule', { every_ms: every });
  }
  return {
    service,
    dispose: async () => {
      if (timer) clearInterval(timer);
      await fetcher.dispose();
    },
  };
}
