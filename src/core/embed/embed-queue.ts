/**
 * Admission control and scheduling for embedding, in front of a model that can run `concurrency`
 * batches at once (USE-lite's worker threads). Runtime-neutral.
 *
 * - Each embed() call is a job cut into units: texts sorted by length and packed so a unit's padded
 *   cost (rows x longest row) stays near `unitTokens`; one unit is one model batch.
 * - Free slots take the next unit of the job with the least estimated work left, aged by its wait,
 *   so a normal draft (one or two units) overtakes a worst-case one (a dozen) instead of queueing behind it.
 * - Jobs over `largeJobTokens` (a worst-case draft, never a real abstract) hold at most
 *   `concurrency - 1` slots, so one slot is always free for normal drafts: they wait for other
 *   normal drafts, never for a large job's batch.
 * - A job that would leave more than `maxQueuedTokens` waiting ahead of it is refused at once with
 *   OVERLOADED (503, Retry-After); a job not finished by `deadlineMs` starts no more units and fails
 *   with DEADLINE_EXCEEDED.
 */
import { createError } from '../errors.js';
import type { Embedder } from '../ports.js';
import { estimateTokens } from './budget.js';

export interface EmbedQueueOptions {
  /** Model batches running at once (EMBED_CONCURRENCY). Default 2. */
  concurrency?: number;
  /** Estimated tokens allowed to wait ahead of a new call before it is refused (EMBED_QUEUE_TOKENS). Default 16384 (two worst-case drafts, or ~20 normal ones). */
  maxQueuedTokens?: number;
  /** Calls waiting or running at most; more are refused. Default 256. */
  maxQueuedJobs?: number;
  /** A call not finished this long after it arrived fails with DEADLINE_EXCEEDED (REQUEST_TIMEOUT_MS). Default 120000. */
  deadlineMs?: number;
  /** Padded estimated tokens per batch. Default 512. */
  unitTokens?: number;
  /** Texts per batch at most. Default 16. */
  unitRows?: number;
  /** A waiting job's remaining work counts half after this many ms, a third after twice that... Default 2000. */
  agingMs?: number;
  /** Jobs with more estimated tokens than this may hold at most `concurrency - 1` slots. Default 4096. */
  largeJobTokens?: number;
  now?: () => number;
}

export const DEFAULT_EMBED_QUEUE: Required<Omit<EmbedQueueOptions, 'now'>> = {
  concurrency: 2,
  maxQueuedTokens: 16_384,
  maxQueuedJobs: 256,
  deadlineMs: 120_000,
  unitTokens: 512,
  unitRows: 16,
  agingMs: 2_000,
  largeJobTokens: 4_096,
};

export interface EmbedQueueStats {
  running: number;
  queuedJobs: number;
  queuedTokens: number;
  refused: number;
  expired: number;
}

interface Unit {
  idx: number[];
  tokens: number;
}

interface Job {
  texts: readonly string[];
  large: boolean;
  units: Unit[];
  next: number;
  inFlight: number;
  remaining: number;
  arrived: number;
  out: Float32Array[];
  failed: boolean;
  resolve(v: Float32Array[]): void;
  reject(e: unknown): void;
}

/**
 * @example
 * const embedder = createEmbedQueue(createUseLiteEmbedder({ threads: 2 }), { concurrency: 2 });
 * await embedder.embed(texts); // or throws OVERLOADED / DEADLINE_EXCEEDED (both 503)
 */
export function createEmbedQueue<E extends Embedder>(inner: E, opts: EmbedQueueOptions = {}): E & { queueStats(): EmbedQueueStats } {
  const o = { ...DEFAULT_EMBED_QUEUE, ...opts };
  const now = opts.now ?? (() => Date.now());
  const jobs = new Set<Job>();
  let running = 0;
  let runningLarge = 0;
  let refused = 0;
  let expired = 0;
  /** Estimated tokens the model gets through per ms, all slots together (moving average). */
  let rate = 0;

  const key = (j: Job, t: number) => j.remaining / (1 + (t - j.arrived) / o.agingMs);

  function fail(job: Job, err: unknown): void {
    if (job.failed) return;
    job.failed = true;
    jobs.delete(job);
    job.reject(err);
  }

  function pick(allowLarge: boolean): Job | undefined {
    const t = now();
    let best: Job | undefined;
    for (const j of jobs) {
      if (j.next >= j.units.length || (j.large && !allowLarge)) continue;
      if (t - j.arrived > o.deadlineMs) {
        expired++;
        fail(j, createError('DEADLINE_EXCEEDED', `embedding did not finish within ${o.deadlineMs} ms (server busy)`, { retryAfter: retryAfter() }));
        continue;
      }
      if (!best || key(j, t) < key(best, t)) best = j;
    }
    return best;
  }

  function pump(): void {
    while (running < o.concurrency) {
      const job = pick(runningLarge < Math.max(1, o.concurrency - 1));
      if (!job) return;
      const unit = job.units[job.next++] as Unit;
      running++;
      if (job.large) runningLarge++;
      job.inFlight++;
      const t0 = now();
      let batch: Promise<Float32Array[]>;
      try {
        batch = inner.embed(unit.idx.map((i) => job.texts[i] as string));
      } catch (err) {
        batch = Promise.reject(err);
      }
      batch.then(
        (vectors) => {
          const ms = Math.max(1, now() - t0);
          rate = rate === 0 ? (unit.tokens * o.concurrency) / ms : 0.8 * rate + (0.2 * unit.tokens * o.concurrency) / ms;
          unit.idx.forEach((i, k) => (job.out[i] = vectors[k] as Float32Array));
          job.remaining -= unit.tokens;
        },
        (err: unknown) => fail(job, err),
      ).finally(() => {
        running--;
        if (job.large) runningLarge--;
        job.inFlight--;
        if (!job.failed && job.next >= job.units.length && job.inFlight === 0) {
          jobs.delete(job);
          job.resolve(job.out);
        }
        pump();
      });
    }
  }

  const queuedTokens = () => [...jobs].reduce((s, j) => s + j.remaining, 0);
  /** Seconds until the work queued now is likely done: what Retry-After tells a refused client. */
  const retryAfter = () => Math.min(60, Math.max(1, Math.ceil(queuedTokens() / Math.max(rate, 0.5) / 1000)));

  function embed(texts: readonly string[]): Promise<Float32Array[]> {
    if (texts.length === 0) return Promise.resolve([]);
    const units = packUnits(texts.map(estimateTokens), o.unitTokens, o.unitRows);
    const cost = units.reduce((s, u) => s + u.tokens, 0);
    // Work that would run before this job: jobs with no more left than it has.
    const ahead = [...jobs].filter((j) => j.remaining <= cost).reduce((s, j) => s + j.remaining, 0);
    if (jobs.size >= o.maxQueuedJobs || (jobs.size > 0 && ahead + cost > o.maxQueuedTokens)) {
      refused++;
      return Promise.reject(createError('OVERLOADED', 'the server is busy embedding other requests; retry later', { retryAfter: retryAfter() }));
    }
    return new Promise<Float32Array[]>((resolve, reject) => {
      jobs.add({ texts, large: cost > o.largeJobTokens, units, next: 0, inFlight: 0, remaining: cost, arrived: now(), out: new Array(texts.length), failed: false, resolve, reject });
      pump();
    });
  }

  const queueStats = (): EmbedQueueStats => ({ running, queuedJobs: jobs.size, queuedTokens: queuedTokens(), refused, expired });
  return { ...inner, id: inner.id, dimensions: inner.dimensions, embed, queueStats };
}

/**
 * Texts longest first, packed while rows x longest row stays within `unitTokens` (a batch is padded
 * to its longest row) and rows within `unitRows`; a text longer than `unitTokens` is a unit alone.
 * A unit's `tokens` is its padded cost.
 *
 * @example
 * packUnits([300, 20, 20, 20], 512, 16) // [{ idx: [0], tokens: 300 }, { idx: [1, 2, 3], tokens: 60 }]
 */
export function packUnits(tokens: readonly number[], unitTokens: number, unitRows: number): Unit[] {
  const order = tokens.map((_, i) => i).sort((a, b) => (tokens[b] as number) - (tokens[a] as number) || a - b);
  const units: Unit[] = [];
  let cur: number[] = [];
  let longest = 0;
  for (const i of order) {
    const t = Math.max(1, tokens[i] as number);
    const widest = Math.max(longest, t);
    if (cur.length > 0 && (cur.length >= unitRows || (cur.length + 1) * widest > unitTokens)) {
      units.push({ idx: cur, tokens: cur.length * longest });
      cur = [];
      longest = 0;
    }
    cur.push(i);
    longest = Math.max(longest, t);
  }
  if (cur.length) units.push({ idx: cur, tokens: cur.length * longest });
  return units;
}
