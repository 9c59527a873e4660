/**
 * Timeout, retries with backoff, and error classification around one model
 * call. Retries happen here and not in the OpenAI client (built with
 * `maxRetries: 0`), so every model, fake or real, fails the same way.
 */
import { createError, isCfpError, type CfpError } from '../errors.js';

export interface ResilienceOptions {
  /** Budget for the whole call, retries included (ms). */
  timeoutMs: number;
  /** Extra attempts after a 429, a 5xx or a connection failure. */
  retries: number;
  /** First backoff delay (ms); doubles each retry, plus up to 25% jitter. */
  backoffMs: number;
  onRetry?: (info: { attempt: number; status?: number; delayMs: number }) => void;
}

type Failure = { kind: 'retryable' | 'fatal' | 'bad-output'; status?: number; detail: string };

/** Status of an HTTP error from the OpenAI SDK or LangChain (`status`, `statusCode` or `response.status`). */
function statusOf(err: unknown): number | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const e = err as { status?: unknown; statusCode?: unknown; response?: { status?: unknown } };
  for (const s of [e.status, e.statusCode, e.response?.status]) if (typeof s === 'number') return s;
  return undefined;
}

const NETWORK = /fetch failed|ECONNREFUSED|ECONNRESET|socket hang up|connection error|network|ENOTFOUND/i;

/** Sort a thrown value into: try again, give up (unavailable), or the model answered nonsense. */
export function classifyFailure(err: unknown): Failure {
  const status = statusOf(err);
  const name = err instanceof Error ? err.name : '';
  const message = err instanceof Error ? err.message : String(err);
  if (status !== undefined) {
    const kind = status === 429 || status >= 500 ? 'retryable' : 'fatal';
    return { kind, status, detail: `the model server answered HTTP ${status}` };
  }
  if (/APIConnection|FetchError/.test(name) || NETWORK.test(message)) {
    return { kind: 'retryable', detail: 'the model server could not be reached' };
  }
  if (name === 'AbortError' || name === 'TimeoutError') return { kind: 'fatal', detail: 'the model call was aborted' };
  // Anything else came from parsing or validating the answer (SyntaxError, OutputParserException, ZodError).
  return { kind: 'bad-output', detail: 'the model answered something that is not the expected JSON' };
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(t), resolve()), { once: true });
  });

/**
 * Run `fn` under a deadline, retrying transient failures. Throws only
 * CfpError: LLM_UNAVAILABLE (timeout, down, 4xx/5xx) or LLM_BAD_OUTPUT.
 *
 * @example
 * const out = await withResilience((signal) => runnable.invoke(messages, { signal }), { timeoutMs: 20_000, retries: 2, backoffMs: 500 });
 */
export async function withResilience<T>(fn: (signal: AbortSignal) => Promise<T>, opts: ResilienceOptions): Promise<T> {
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), opts.timeoutMs);
  const timedOut = () => createError('LLM_UNAVAILABLE', `the model did not answer within ${opts.timeoutMs} ms`);
  // Models that ignore the abort signal still lose the race.
  const expiry = new Promise<never>((_, reject) => deadline.signal.addEventListener('abort', () => reject(timedOut()), { once: true }));
  expiry.catch(() => undefined);
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        return await Promise.race([fn(deadline.signal), expiry]);
      } catch (err) {
        if (deadline.signal.aborted) throw timedOut();
        if (isCfpError(err)) throw err;
        const f = classifyFailure(err);
        if (f.kind === 'bad-output') throw createError('LLM_BAD_OUTPUT', f.detail, { cause: err });
        const delayMs = Math.round(opts.backoffMs * 2 ** attempt * (1 + Math.random() * 0.25));
        if (f.kind === 'fatal' || attempt >= opts.retries) throw unavailable(f, attempt + 1, err);
        opts.onRetry?.({ attempt: attempt + 1, ...(f.status !== undefined ? { status: f.status } : {}), delayMs });
        await sleep(delayMs, deadline.signal);
        if (deadline.signal.aborted) throw timedOut();
      }
    }
  } finally {
    clearTimeout(timer);
  }
}

function unavailable(f: Failure, attempts: number, cause: unknown): CfpError {
  const tries = attempts > 1 ? ` after ${attempts} attempts` : '';
  return createError('LLM_UNAVAILABLE', `${f.detail}${tries}`, { cause });
}
