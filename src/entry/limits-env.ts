/**
 * The cost and time limits, read from the environment (documented in README and docs/reliability.md).
 * Every value is a whole number in a range; anything else stops start-up with a message naming it.
 */
import type { EmbedQueueOptions } from '../core/embed/embed-queue.js';
import type { WindowOptions } from '../core/embed/windowed-embedder.js';

type Env = Record<string, string | undefined>;

function intEnv(env: Env, name: string, min: number, max: number): number | undefined {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < min || n > max) throw new Error(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
  return n;
}

const defined = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

/**
 * Token windows for every embedder (server and CLI): EMBED_WINDOW_TOKENS, EMBED_TEXT_WINDOWS, EMBED_CALL_TOKENS.
 *
 * @example
 * windowsFromEnv({ EMBED_WINDOW_TOKENS: '512' }) // { windowTokens: 512 }
 */
export function windowsFromEnv(env: Env): WindowOptions {
  return defined({
    windowTokens: intEnv(env, 'EMBED_WINDOW_TOKENS', 16, 4096),
    maxWindowsPerText: intEnv(env, 'EMBED_TEXT_WINDOWS', 1, 64),
    maxTokensPerCall: intEnv(env, 'EMBED_CALL_TOKENS', 256, 1_000_000),
  });
}

/**
 * REQUEST_TIMEOUT_MS (default 120000), read the same way on Node and Workers (entry/service.ts).
 *
 * @example
 * requestTimeoutFromEnv({ REQUEST_TIMEOUT_MS: '5000' }) // 5000
 */
export function requestTimeoutFromEnv(env: Env): number {
  return intEnv(env, 'REQUEST_TIMEOUT_MS', 1_000, 3_600_000) ?? 120_000;
}

export interface ServerLimits {
  /** The embedding queue: EMBED_CONCURRENCY, EMBED_QUEUE_TOKENS and REQUEST_TIMEOUT_MS as its deadline. */
  queue: EmbedQueueOptions;
  /** REQUEST_TIMEOUT_MS (default 120000): public /v1 requests still running are answered 503 DEADLINE_EXCEEDED. */
  requestTimeoutMs: number;
  /** SHUTDOWN_TIMEOUT_MS (default 30000): work still running this long after SIGTERM is cut off, exit 1. */
  shutdownTimeoutMs: number;
}

/**
 * The server's limits (the CLI has no queue and no request deadline).
 *
 * @example
 * const limits = serverLimitsFromEnv(process.env);
 */
export function serverLimitsFromEnv(env: Env): ServerLimits {
  const requestTimeoutMs = requestTimeoutFromEnv(env);
  const queue = defined({
    concurrency: intEnv(env, 'EMBED_CONCURRENCY', 1, 64),
    maxQueuedTokens: intEnv(env, 'EMBED_QUEUE_TOKENS', 1_024, 10_000_000),
  });
  return { queue: { ...queue, deadlineMs: requestTimeoutMs }, requestTimeoutMs, shutdownTimeoutMs: intEnv(env, 'SHUTDOWN_TIMEOUT_MS', 0, 3_600_000) ?? 30_000 };
}
