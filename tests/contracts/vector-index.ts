/**
 * Contract for the VectorIndex port. Every index runs this suite; answers are
 * checked against the exact flat index (the reference), with a recall floor so
 * approximate indexes pass when they are good, not when they are identical.
 */
import { describe, expect, it } from 'vitest';
import { createFlatIndex } from '../../src/core/flat-index.js';
import type { RawIndex, VectorHit, VectorIndex } from '../../src/core/ports.js';
import { dot, randomUnitVectors } from './random.js';

type Maybe<T> = T | Promise<T>;

export interface VectorIndexContractOptions {
  /** Minimum recall@k against the exact answer. Default 0.95. */
  minRecall?: number;
  /** The index implements the optional `saveToFile`. Default false. */
  savesToFile?: boolean;
  /**
   * A filter that keeps a handful of far-away ids still finds them. False for indexes that filter
   * the top hits of a bounded remote query (Vectorize: at most 100): those are checked only to
   * return filtered hits, with the recall floor on a broad filter. Default true.
   */
  selectiveFilter?: boolean;
}

const DIMS = 24;
const N = 300;
const K = 10;
const ids = Array.from({ length: N }, (_, i) => `p${i}`);
const data = randomUnitVectors(N, DIMS, 1);
const queries = randomUnitVectors(20, DIMS, 2);
const items = ids.map((id, i) => ({ id, vector: data[i] as Float32Array }));

async function filled(create: (dims: number) => Maybe<VectorIndex>): Promise<VectorIndex> {
  const index = await create(DIMS);
  await index.upsert(items);
  return index;
}

function recall(got: VectorHit[], want: VectorHit[]): number {
  const wanted = new Set(want.map((h) => h.id));
  return want.length === 0 ? 1 : got.filter((h) => wanted.has(h.id)).length / want.length;
}

/** Best first, no duplicates, and every score the true cosine of that id's vector. */
function expectWellFormed(hits: VectorHit[], query: Float32Array, vectorOf: (id: string) => Float32Array): void {
  expect(new Set(hits.map((h) => h.id)).size).toBe(hits.length);
  hits.forEach((h, i) => {
    if (i > 0) expect(h.score).toBeLessThanOrEqual((hits[i - 1] as VectorHit).score + 1e-6);
    expect(h.score).toBeCloseTo(dot(query, vectorOf(h.id)), 4);
  });
}

async function expectCode(p: () => unknown, code: string): Promise<void> {
  await expect(Promise.resolve().then(p)).rejects.toMatchObject({ code });
}

/**
 * Register the VectorIndex contract for one implementation.
 *
 * @example
 * testVectorIndex('hnsw', (dims) => createHnswIndex({ dimensions: dims }), (raw) => createHnswIndex({ dimensions: raw.dimensions, raw }));
 */
export function testVectorIndex(
  name: string,
  create: (dims: number) => Maybe<VectorIndex>,
  load?: (raw: RawIndex) => Maybe<VectorIndex>,
  options: VectorIndexContractOptions = {},
): void {
  const minRecall = options.minRecall ?? 0.95;
  const reference = createFlatIndex({ dimensions: DIMS });
  const vectorOf = (id: string): Float32Array => data[Number(id.slice(1))] as Float32Array;

  describe(`VectorIndex contract: ${name}`, () => {
    it('searches an empty index without error', async () => {
      const index = await create(DIMS);
      expect(index.size()).toBe(0);
      expect(index.dimensions).toBe(DIMS);
      expect(await index.search(queries[0] as Float32Array, K)).toEqual([]);
      await index.dispose();
    });

    it('finds the same nearest neighbours as the exact index', async () => {
      await reference.upsert(items);
      const index = await filled(create);
      expect(index.size()).toBe(N);
      let total = 0;
      for (const q of queries) {
        const got = await index.search(q, K);
        expect(got).toHaveLength(K);
        expectWellFormed(got, q, vectorOf);
        total += recall(got, await reference.search(q, K));
      }
      expect(total / queries.length).toBeGreaterThanOrEqual(minRecall);
      // Each stored vector is its own nearest neighbour.
      const self = await index.search(data[7] as Float32Array, 1);
      expect(self[0]?.id).toBe('p7');
      expect(self[0]?.score).toBeCloseTo(1, 4);
      await index.dispose();
    });

    it('reports membership and returns stored vectors', async () => {
      const index = await filled(create);
      expect(index.has('p3')).toBe(true);
      expect(index.has('nope')).toBe(false);
      expect(index.get('nope')).toBeUndefined();
      const v = index.get('p3');
      expect(v).toBeInstanceOf(Float32Array);
      expect(dot(v as Float32Array, vectorOf('p3'))).toBeCloseTo(1, 5);
      await index.dispose();
    });

    it('replaces a vector by id instead of adding a second one', async () => {
      const index = await filled(create);
      const moved = queries[5] as Float32Array;
      await index.upsert([{ id: 'p0', vector: moved }]);
      expect(index.size()).toBe(N);
      const hits = await index.search(moved, K);
      expect(hits[0]?.id).toBe('p0');
      expect(hits[0]?.score).toBeCloseTo(1, 4);
      expect(dot(index.get('p0') as Float32Array, moved)).toBeCloseTo(1, 5);
      const old = await index.search(data[0] as Float32Array, K);
      expect(old.find((h) => h.id === 'p0')?.score ?? -1).toBeLessThan(0.99);
      await index.dispose();
    });

    it('removes ids so search never returns them, and accepts them again', async () => {
      const index = await filled(create);
      const gone = ids.slice(0, 50);
      await index.remove([...gone, 'never-there']);
      expect(index.size()).toBe(N - 50);
      expect(index.has('p0')).toBe(false);
      expect(index.get('p0')).toBeUndefined();
      for (const id of gone.slice(0, 5)) {
        const hits = await index.search(vectorOf(id), K);
        expect(hits.map((h) => h.id)).not.toContain(id);
        expect(hits.every((h) => !gone.includes(h.id))).toBe(true);
      }
      await index.upsert([{ id: 'p0', vector: vectorOf('p0') }, { id: 'new', vector: queries[1] as Float32Array }]);
      expect(index.size()).toBe(N - 48);
      expect((await index.search(vectorOf('p0'), 1))[0]?.id).toBe('p0');
      expect((await index.search(queries[1] as Float32Array, 1))[0]?.id).toBe('new');
      await index.dispose();
    });

    it('restricts candidates with a filter, including a very selective one', async () => {
      await reference.upsert(items);
      const index = await filled(create);
      const even = (id: string): boolean => Number(id.slice(1)) % 2 === 0;
      let total = 0;
      for (const q of queries) {
        const got = await index.search(q, K, even);
        expect(got.every((h) => even(h.id))).toBe(true);
        expectWellFormed(got, q, vectorOf);
        total += recall(got, await reference.search(q, K, even));
      }
      expect(total / queries.length).toBeGreaterThanOrEqual(minRecall);
      const few = new Set(['p11', 'p99', 'p150', 'p201', 'p299']);
      const hits = await index.search(queries[0] as Float32Array, K, (id) => few.has(id));
      if (options.selectiveFilter ?? true) expect(hits.map((h) => h.id).sort()).toEqual([...few].sort());
      else expect(hits.every((h) => few.has(h.id))).toBe(true);
      expect(await index.search(queries[0] as Float32Array, K, () => false)).toEqual([]);
      await index.dispose();
    });

    it('returns every item when k exceeds the size', async () => {
      const index = await create(DIMS);
      await index.upsert(items.slice(0, 4));
      const hits = await index.search(queries[0] as Float32Array, 50);
      expect(hits.map((h) => h.id).sort()).toEqual(['p0', 'p1', 'p2', 'p3']);
      expect(await index.search(queries[0] as Float32Array, 0)).toEqual([]);
      await index.dispose();
    });

    it('rejects vectors of the wrong dimension with a coded error', async () => {
      const index = await filled(create);
      await expectCode(() => index.upsert([{ id: 'bad', vector: new Float32Array(DIMS + 1) }]), 'INDEX_MISMATCH');
      expect(index.has('bad')).toBe(false);
      await expectCode(() => index.search(new Float32Array(DIMS - 1), K), 'INDEX_MISMATCH');
      await index.dispose();
    });

    if (!load) return;

    it('gives the same answers after save and load', async () => {
      const index = await filled(create);
      await index.remove(['p1', 'p2']);
      await index.upsert([{ id: 'p3', vector: queries[9] as Float32Array }]);
      const raw = await index.save();
      expect(raw.dimensions).toBe(DIMS);
      expect(raw.bytes).toBeInstanceOf(Uint8Array);
      const restored = await load(raw);
      expect(restored.size()).toBe(index.size());
      expect(restored.has('p1')).toBe(false);
      expect(dot(restored.get('p3') as Float32Array, queries[9] as Float32Array)).toBeCloseTo(1, 5);
      for (const q of queries.slice(0, 10)) {
        const before = await index.search(q, K);
        const after = await restored.search(q, K);
        expect(after.map((h) => h.id)).toEqual(before.map((h) => h.id));
        after.forEach((h, i) => expect(h.score).toBeCloseTo((before[i] as VectorHit).score, 5));
      }
      // The restored index keeps working.
      await restored.upsert([{ id: 'later', vector: queries[4] as Float32Array }]);
      expect((await restored.search(queries[4] as Float32Array, 1))[0]?.id).toBe('later');
      await Promise.all([index.dispose(), restored.dispose()]);
    });

    it(`${options.savesToFile ? 'has' : 'does not have'} saveToFile, as declared`, async () => {
      const index = await create(DIMS);
      expect(typeof index.saveToFile).toBe(options.savesToFile ? 'function' : 'undefined');
      await index.dispose();
    });

    if (!options.savesToFile) return;

    it('writes with saveToFile exactly what save() returns', async () => {
      const index = await filled(create);
      if (!index.saveToFile) throw new Error('declared savesToFile but has no saveToFile');
      await index.remove(['p4']);
      const { mkdtemp, readFile, rm } = await import('node:fs/promises');
      const { tmpdir } = await import('node:os');
      const { join } = await import('node:path');
      const dir = await mkdtemp(join(tmpdir(), 'cfpmatch-contract-'));
      try {
        const head = await index.saveToFile(join(dir, 'v.bin'));
        const raw = await index.save();
        expect(head).toEqual({ kind: raw.kind, dimensions: raw.dimensions, ids: raw.ids });
        expect(new Uint8Array(await readFile(join(dir, 'v.bin')))).toEqual(raw.bytes);
        const restored = await load({ ...head, bytes: raw.bytes });
        expect(restored.has('p4')).toBe(false);
        expect((await restored.search(data[9] as Float32Array, 1))[0]?.id).toBe('p9');
        await restored.dispose();
      } finally {
        await rm(dir, { recursive: true, force: true });
        await index.dispose();
      }
    });

    it('rejects a truncated or mismatched saved index with a coded error', async () => {
      const index = await filled(create);
      const raw = await index.save();
      await expectCode(() => load({ ...raw, bytes: raw.bytes.subarray(0, raw.bytes.byteLength - 7) }), 'INDEX_CORRUPT');
      await expectCode(() => load({ ...raw, bytes: raw.bytes.subarray(0, 10) }), 'INDEX_CORRUPT');
      await expectCode(() => load({ ...raw, ids: raw.ids.slice(1) }), 'INDEX_CORRUPT');
      await expectCode(() => load({ ...raw, kind: 'something-else' }), 'INDEX_MISMATCH');
      await index.dispose();
    });
  });
}
