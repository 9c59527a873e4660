import { describe, expect, it } from 'vitest';
import { createFakeEmbedder } from '../../../tests/fixtures/fake-embedder.js';
import { isCfpError } from '../errors.js';
import { createEmbedQueue, packUnits } from './embed-queue.js';

/** A fake model whose batches finish only when the test says so; records the order batches started. */
function gated() {
  const inner = createFakeEmbedder(16);
  const started: string[][] = [];
  const open: Array<() => void> = [];
  let peak = 0;
  let running = 0;
  const model = {
    ...inner,
    async embed(texts: readonly string[]) {
      started.push([...texts]);
      running++;
      peak = Math.max(peak, running);
      await new Promise<void>((r) => open.push(r));
      running--;
      return inner.embed(texts);
    },
  };
  /** Finish the oldest running batch and let the queue react. */
  const step = async () => {
    open.shift()?.();
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  return { model, started, step, peak: () => peak, inner };
}

const long = (tag: string, n: number) => Array.from({ length: n }, (_, i) => `${tag} window ${i} ${'word '.repeat(150)}`);

describe('packUnits', () => {
  it('packs longest first while rows x longest row fits, a long text alone', () => {
    expect(packUnits([300, 20, 20, 20], 512, 16)).toEqual([
      { idx: [0], tokens: 300 },
      { idx: [1, 2, 3], tokens: 60 },
    ]);
    expect(packUnits([2000, 10], 512, 16)).toEqual([
      { idx: [0], tokens: 2000 },
      { idx: [1], tokens: 10 },
    ]);
    expect(packUnits(Array(40).fill(5), 512, 16).map((u) => u.idx.length)).toEqual([16, 16, 8]);
  });
});

describe('createEmbedQueue', () => {
  it('returns the model vectors in input order', async () => {
    const inner = createFakeEmbedder(16);
    const texts = ['a long text about graph neural networks and grids', 'b', 'c c', ...long('x', 3)];
    expect(await createEmbedQueue(inner, { concurrency: 2, unitTokens: 64 }).embed(texts)).toEqual(await inner.embed(texts));
  });

  it('never runs more batches than its concurrency', async () => {
    const g = gated();
    const q = createEmbedQueue(g.model, { concurrency: 2, unitTokens: 64 });
    const done = Promise.all([q.embed(long('a', 6)), q.embed(long('b', 6))]);
    while (g.started.length < 12 || g.peak() === 0) await g.step();
    await g.step();
    await g.step();
    await done;
    expect(g.peak()).toBe(2);
  });

  it('lets a small job overtake big ones that arrived first', async () => {
    const g = gated();
    const q = createEmbedQueue(g.model, { concurrency: 1, unitTokens: 64 });
    const order: string[] = [];
    const big1 = q.embed(long('big1', 8)).then(() => order.push('big1'));
    const big2 = q.embed(long('big2', 8)).then(() => order.push('big2'));
    await Promise.resolve();
    const small = q.embed(['a normal draft']).then(() => order.push('small'));
    for (let i = 0; i < 40 && order.length < 3; i++) await g.step();
    await Promise.all([big1, big2, small]);
    expect(order[0]).toBe('small');
    // It waited for the one batch already running, not for a whole big job.
    expect(g.started.findIndex((b) => b.includes('a normal draft'))).toBe(1);
  });

  it('keeps one slot free of large jobs, so a normal draft starts at once', async () => {
    const g = gated();
    const q = createEmbedQueue(g.model, { concurrency: 2, unitTokens: 64, largeJobTokens: 500 });
    const big = q.embed(long('big', 6));
    const big2 = q.embed(long('big2', 6));
    await Promise.resolve();
    expect(g.started).toHaveLength(1);
    const small = q.embed(['a normal draft']);
    await Promise.resolve();
    expect(g.started).toHaveLength(2);
    expect(g.started[1]).toEqual(['a normal draft']);
    for (let i = 0; i < 40; i++) await g.step();
    await expect(Promise.all([big, big2, small])).resolves.toHaveLength(3);
    expect(g.peak()).toBe(2);
  });

  it('refuses a job when the work ahead of it is over the limit, with Retry-After, but still admits a small one', async () => {
    const g = gated();
    const q = createEmbedQueue(g.model, { concurrency: 1, unitTokens: 64, maxQueuedTokens: 1_000 });
    const first = q.embed(long('a', 4));
    const refused = await q.embed(long('b', 4)).catch((e: unknown) => e);
    expect(isCfpError(refused) && refused.code).toBe('OVERLOADED');
    expect(isCfpError(refused) && refused.retryAfter).toBeGreaterThanOrEqual(1);
    const small = q.embed(['small']);
    for (let i = 0; i < 10; i++) await g.step();
    await expect(Promise.all([first, small])).resolves.toHaveLength(2);
    expect(q.queueStats().refused).toBe(1);
  });

  it('fails a job past its deadline without starting its remaining batches', async () => {
    let t = 0;
    const g = gated();
    const q = createEmbedQueue(g.model, { concurrency: 1, unitTokens: 64, deadlineMs: 1_000, now: () => t });
    const a = q.embed(long('a', 3));
    const b = q.embed(long('b', 3)).catch((e: unknown) => e);
    t = 5_000;
    for (let i = 0; i < 10; i++) await g.step();
    const err = await b;
    expect(isCfpError(err) && err.code).toBe('DEADLINE_EXCEEDED');
    expect(g.started.flat().some((s) => s.startsWith('b '))).toBe(false);
    await expect(a).rejects.toMatchObject({ code: 'DEADLINE_EXCEEDED' });
  });

  it('a failing batch fails its own job only', async () => {
    const inner = createFakeEmbedder(16);
    const flaky = { ...inner, embed: async (texts: readonly string[]) => (texts.some((t) => t.includes('boom')) ? Promise.reject(new Error('boom')) : inner.embed(texts)) };
    const q = createEmbedQueue(flaky, { concurrency: 2 });
    const [bad, good] = await Promise.allSettled([q.embed(['boom']), q.embed(['fine'])]);
    expect(bad.status).toBe('rejected');
    expect(good.status).toBe('fulfilled');
    expect(q.queueStats()).toMatchObject({ running: 0, queuedJobs: 0 });
  });
});
