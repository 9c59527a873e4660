import { describe, expect, it } from 'vitest';
import { parseArgs } from './args.js';
import { createRng, randomUnit } from './rng.js';
import { createExactTopK, percentile, recallAtK } from './stats.js';
import { syntheticCall, syntheticCalls, syntheticStore } from './synthetic-calls.js';
import { createWorld } from './synthetic-world.js';

describe('benchmark arithmetic', () => {
  it('percentile uses nearest rank', () => {
    const xs = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(xs, 50)).toBe(50);
    expect(percentile(xs, 99)).toBe(99);
    expect(percentile(xs, 100)).toBe(100);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });

  it('recall@k counts shared ids, and ties at the k-th score', () => {
    const exact = [{ id: 'a', score: 0.9 }, { id: 'b', score: 0.8 }, { id: 'c', score: 0.7 }];
    expect(recallAtK(exact, exact, 3)).toBe(1);
    expect(recallAtK(exact, [{ id: 'a', score: 0.9 }, { id: 'x', score: 0.1 }, { id: 'y', score: 0.05 }], 3)).toBeCloseTo(1 / 3);
    expect(recallAtK(exact, [{ id: 'a', score: 0.9 }, { id: 'b', score: 0.8 }, { id: 'c2', score: 0.7 }], 3)).toBe(1);
    expect(recallAtK(exact, [{ id: 'a', score: 0.9 }, { id: 'a', score: 0.9 }], 3)).toBeCloseTo(1 / 3);
    expect(recallAtK([], [], 10)).toBe(1);
  });

  it('streaming exact top-k equals sorting every score', () => {
    const r = createRng(11);
    const queries = [randomUnit(r, 8), randomUnit(r, 8)];
    const vectors = Array.from({ length: 300 }, (_, i) => ({ id: `v${i}`, v: randomUnit(r, 8) }));
    const top = createExactTopK(queries, 10);
    for (const { id, v } of vectors) top.offer(id, v);
    queries.forEach((q, qi) => {
      const all = vectors
        .map(({ id, v }) => ({ id, score: v.reduce((s, x, i) => s + x * (q[i] as number), 0) }))
        .sort((a, b) => b.score - a.score);
      expect(top.result(qi).map((h) => h.id)).toEqual(all.slice(0, 10).map((h) => h.id));
    });
  });

  it('the synthetic store lists and gets the same calls as the generator, and refuses writes', async () => {
    const world = createWorld({ seed: 5, dims: 8 });
    const store = syntheticStore(world, 12);
    expect(await store.list()).toEqual(syntheticCalls(world, 12));
    expect(await store.get('syn-11')).toEqual(syntheticCall(world, 11));
    expect(await store.get('syn-12')).toBeUndefined();
    expect(await store.get('syn-x')).toBeUndefined();
    await expect(store.put(syntheticCall(world, 1))).rejects.toThrow(/read-only/);
  });

  it('synthetic calls are reproducible from the seed and independent of the set size', () => {
    const world = createWorld({ seed: 5, dims: 8 });
    const again = createWorld({ seed: 5, dims: 8 });
    expect(syntheticCalls(world, 30)[17]).toEqual(syntheticCall(again, 17));
    const c = syntheticCall(world, 3);
    expect(c.topics.length).toBeGreaterThanOrEqual(5);
    expect(c.topics.length).toBeLessThanOrEqual(20);
  });

  it('parses section and size flags, and rejects unknown ones', () => {
    const a = parseArgs(['--only', 'rank,http', '--sizes', '100,1000']);
    expect(a.sections).toEqual(['rank', 'http']);
    expect(a.sizes).toEqual([100, 1000]);
    expect(() => parseArgs(['--only', 'nope'])).toThrow();
    expect(() => parseArgs(['--bogus', '1'])).toThrow();
  });
});
