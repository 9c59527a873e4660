/**
 * The USE-lite worker pool (threads >= 2) against the real model: same floats
 * as in-thread (so the in-thread Embedder contract carries over), order across many batches, concurrent calls, dispose, the
 * process exiting when idle, and real worker failures (injected through the
 * `faults` hook) that reject with EMBEDDER_UNAVAILABLE and then recover.
 */
import { execFile } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUseLiteEmbedder, type UseLiteEmbedder } from '../../src/adapters/node/use-lite-embedder.js';

const TEXTS = Array.from({ length: 21 }, (_, i) =>
  i % 7 === 3 ? '' : `Passage ${i}: ${['graph neural networks', 'power grids', 'Renaissance poetry', 'protein folding', 'ocean acidification'][i % 5]} and topic ${i * 13}.`,
);
const bits = (vs: Float32Array[]) => vs.map((v) => Array.from(v));

describe('createUseLiteEmbedder with threads: 2', () => {
  let inThread: UseLiteEmbedder;
  let pool: UseLiteEmbedder;
  beforeAll(async () => {
    inThread = createUseLiteEmbedder({ batchSize: 2 });
    pool = createUseLiteEmbedder({ batchSize: 2, threads: 2 });
    await Promise.all([inThread.ready(), pool.ready()]);
  });
  afterAll(async () => {
    await Promise.all([inThread.dispose(), pool.dispose()]);
  });

  it('gives exactly the in-thread floats, in input order across 11 batches on 2 workers', async () => {
    expect(pool.threads).toBe(2);
    const expected = await inThread.embed(TEXTS);
    const got = await pool.embed(TEXTS);
    expect(got).toHaveLength(TEXTS.length);
    for (const v of got) expect(v).toBeInstanceOf(Float32Array);
    expect(bits(got)).toEqual(bits(expected));
    // Distinct inputs give distinct vectors, so a shuffled order could not pass the check above.
    expect(new Set(got.map((v) => v[0])).size).toBeGreaterThan(15);
  });

  it('serves concurrent calls from the shared pool, each in its own order', async () => {
    const parts = [TEXTS.slice(0, 7), TEXTS.slice(7, 8), TEXTS.slice(8).reverse()];
    const expected = await Promise.all(parts.map((p) => inThread.embed(p)));
    const got = await Promise.all(parts.map((p) => pool.embed(p)));
    expect(got.map(bits)).toEqual(expected.map(bits));
    expect(await pool.embed([])).toEqual([]);
  });
});

describe('USE-lite pool lifecycle and failures', () => {
  it('dispose rejects calls in flight and terminates workers; later calls start only the workers their batches need', async () => {
    const e = createUseLiteEmbedder({ batchSize: 2, threads: 2 });
    expect(e.workerCount()).toBe(0);
    // Settled to a value at once: tfjs's WASM glue (loaded by the in-thread suite above) turns an unhandled rejection into a crash.
    const inFlight = e.embed(TEXTS).then(() => 'resolved', (err: unknown) => err);
    expect(e.workerCount()).toBe(2);
    await e.dispose();
    expect(e.workerCount()).toBe(0);
    expect(await inFlight).toMatchObject({ code: 'EMBEDDER_UNAVAILABLE', message: expect.stringContaining('disposed') });
    const [v] = await e.embed(['one batch needs one worker']);
    expect(v).toHaveLength(512);
    expect(e.workerCount()).toBe(1);
    expect(await e.embed(TEXTS.slice(0, 6))).toHaveLength(6);
    expect(e.workerCount()).toBe(2);
    await e.dispose();
  });

  it('a worker that fails to load rejects with EMBEDDER_UNAVAILABLE, and the next call retries', async () => {
    const e = createUseLiteEmbedder({ batchSize: 2, threads: 2, faults: { failLoads: 2 } });
    await expect(e.ready()).rejects.toMatchObject({ code: 'EMBEDDER_UNAVAILABLE', message: expect.stringContaining('injected load failure') });
    const got = await e.embed(TEXTS.slice(0, 5));
    expect(got.map((v) => v.length)).toEqual([512, 512, 512, 512, 512]);
    await e.dispose();
  });

  it('a worker crash fails only the call whose batch it held; the pool respawns', async () => {
    const e = createUseLiteEmbedder({ batchSize: 2, threads: 2, faults: { crashJobs: 1 } });
    await e.ready();
    // Both batches run at once, one per worker; whichever worker takes the fault first crashes.
    const settled = await Promise.allSettled([e.embed(['first call']), e.embed(['second call'])]);
    const crashed = settled.filter((r) => r.status === 'rejected');
    expect(crashed).toHaveLength(1);
    expect(crashed[0]?.reason).toMatchObject({ code: 'EMBEDDER_UNAVAILABLE', message: expect.stringContaining('stopped while embedding') });
    expect(await e.embed(['after the crash', 'respawned'])).toHaveLength(2);
    await e.dispose();
  });

  it('lets a process exit on its own once idle, after finishing the embed in flight', async () => {
    const url = pathToFileURL('src/adapters/node/use-lite-embedder.ts').href;
    const script = `import { createUseLiteEmbedder } from ${JSON.stringify(url)};
const e = createUseLiteEmbedder({ batchSize: 2, threads: 2 });
const vs = await e.embed(['a', 'b', 'c', 'd', 'e']);
console.log(vs.length, vs[4].length);`;
    const t0 = Date.now();
    const out = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = execFile(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { timeout: 30_000 }, (_err, stdout, stderr) =>
        resolve({ code: child.exitCode, stdout, stderr }),
      );
    });
    expect(out.stderr).toBe('');
    expect(out.stdout.trim()).toBe('5 512');
    expect(out.code).toBe(0);
    expect(Date.now() - t0).toBeLessThan(30_000);
  });
});
