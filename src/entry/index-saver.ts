/**
 * Saving the index in the background, so a save can never take the server down: saves run one
 * after another, a failure (disk full, read-only folder) is logged with its errno and retried with
 * backoff, and the server keeps serving from memory meanwhile. The index is a cache of the calls,
 * which are stored before a write is acknowledged, so a save that never succeeds loses no call:
 * the next start re-embeds what the saved index lacks.
 */
import { createError, isCfpError } from '../core/errors.js';
import type { Logger } from '../core/log.js';

export interface IndexSaverOptions {
  /** Save the index if it changed; throws when it cannot. */
  save(): Promise<unknown>;
  log: Logger;
  /** Failures are retried after these delays (ms); the last one repeats. Default 5 s, 30 s, 2 min, 5 min. */
  retryMs?: readonly number[];
  /** true: a failed save rejects (the CLI); false: it is logged and retried (the server). */
  strict: boolean;
}

export interface PersistStatus {
  /** Whether the last save attempt succeeded (the index on disk matches memory). */
  current: boolean;
  /** Failed attempts since the last success. */
  failures: number;
  /** errno or error code of the last failure, e.g. ENOSPC, EROFS. */
  error?: string;
}

export interface IndexSaver {
  /** Save now, after any save in progress. Strict: rejects with STORAGE on failure; else resolves `current`. */
  persist(): Promise<boolean>;
  status(): PersistStatus;
  /** Cancel a pending retry (before dispose). */
  stop(): void;
}

/** The errno (ENOSPC, EROFS...) or coded error behind a failed save; never a path. */
export function failureCode(err: unknown): string {
  const errno = (err as { code?: unknown } | undefined)?.code;
  if (isCfpError(err)) return err.cause !== undefined ? failureCode(err.cause) : err.code;
  return typeof errno === 'string' ? errno : err instanceof Error ? err.name : 'UNKNOWN';
}

/**
 * @example
 * const saver = createIndexSaver({ save: () => saveIndex(dir, meta, index), log, strict: false });
 * onChange: () => void saver.persist() // never rejects
 */
export function createIndexSaver(opts: IndexSaverOptions): IndexSaver {
  const delays = opts.retryMs ?? [5_000, 30_000, 120_000, 300_000];
  const state: PersistStatus = { current: false, failures: 0 };
  let chain: Promise<boolean> = Promise.resolve(true);
  let retry: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const attempt = async (): Promise<boolean> => {
    try {
      await opts.save();
      if (state.failures > 0) opts.log('index.save_recovered', { after_failures: state.failures });
      state.current = true;
      state.failures = 0;
      delete state.error;
      return true;
    } catch (err) {
      state.current = false;
      state.failures++;
      state.error = failureCode(err);
      const delay = delays[Math.min(state.failures - 1, delays.length - 1)] ?? 300_000;
      opts.log('index.save_failed', { errno: state.error, failures: state.failures, ...(opts.strict ? {} : { retry_in_ms: delay }) });
      if (opts.strict) throw createError('STORAGE', `cannot save the index (${state.error})`, { cause: err });
      if (!retry && !stopped) {
        retry = setTimeout(() => {
          retry = undefined;
          void persist();
        }, delay);
        // A pending retry must not keep a finished process alive.
        retry.unref?.();
      }
      return false;
    }
  };
  const persist = (): Promise<boolean> => {
    const run = chain.then(attempt, attempt);
    chain = run.catch(() => false);
    return run;
  };
  return {
    persist,
    status: () => ({ ...state }),
    stop() {
      stopped = true;
      if (retry) clearTimeout(retry);
      retry = undefined;
    },
  };
}
