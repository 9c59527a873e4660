import { describe, expect, it } from 'vitest';
import { createFlatIndex } from './flat-index.js';

const v = (...xs: number[]): Float32Array => new Float32Array(xs);

describe('createFlatIndex', () => {
  it('scores true cosines even when given vectors that are not unit length', async () => {
    const index = createFlatIndex({ dimensions: 2 });
    await index.upsert([{ id: 'a', vector: v(3, 4) }, { id: 'b', vector: v(0, 10) }]);
    const hits = await index.search(v(0, 2), 2);
    expect(hits.map((h) => h.id)).toEqual(['b', 'a']);
    expect(hits[0]?.score).toBeCloseTo(1, 6);
    expect(hits[1]?.score).toBeCloseTo(0.8, 6);
  });

  it('breaks score ties by id so the reference answer is deterministic', async () => {
    const index = createFlatIndex({ dimensions: 2 });
    await index.upsert([{ id: 'z', vector: v(1, 0) }, { id: 'm', vector: v(1, 0) }, { id: 'a', vector: v(1, 0) }]);
    expect((await index.search(v(1, 0), 3)).map((h) => h.id)).toEqual(['a', 'm', 'z']);
  });

  it('loads bytes that do not start on a 4-byte boundary', async () => {
    const index = createFlatIndex({ dimensions: 3 });
    await index.upsert([{ id: 'x', vector: v(0, 0, 1) }]);
    const raw = await index.save();
    const shifted = new Uint8Array(raw.bytes.byteLength + 1);
    shifted.set(raw.bytes, 1);
    const again = createFlatIndex({ dimensions: 3 }, { ...raw, bytes: shifted.subarray(1) });
    expect(Array.from(again.get('x') ?? [])).toEqual([0, 0, 1]);
  });

  it('leaves the index unchanged when one vector of a batch is malformed', async () => {
    const index = createFlatIndex({ dimensions: 2 });
    await expect(index.upsert([{ id: 'ok', vector: v(1, 0) }, { id: 'bad', vector: v(1) }])).rejects.toMatchObject({
      code: 'INDEX_MISMATCH',
    });
    expect(index.size()).toBe(0);
  });

  it('rejects a saved index of other dimensions and nonsense dimensions', () => {
    expect(() => createFlatIndex({ dimensions: 0 })).toThrow(expect.objectContaining({ code: 'BAD_INPUT' }));
    expect(() =>
      createFlatIndex({ dimensions: 4 }, { kind: 'flat', dimensions: 3, ids: [], bytes: new Uint8Array() }),
    ).toThrow(expect.objectContaining({ code: 'INDEX_MISMATCH' }));
  });
});
