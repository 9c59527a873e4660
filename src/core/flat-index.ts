/**
 * Exact brute-force cosine index. Runtime-neutral (no Node modules), used as
 * the reference answer in contract tests and as the index where a few
 * thousand passages do not justify HNSW.
 */
import { createError } from './errors.js';
import type { RawIndex, VectorHit, VectorIndex } from './ports.js';
import { l2Normalize } from './rank/vector-math.js';

export interface FlatIndexOptions {
  dimensions: number;
}

/** `kind` written into {@link RawIndex} by the flat index. */
export const FLAT_INDEX_KIND = 'flat';

/**
 * Unit-length copy; a zero vector stays zero (it then scores 0 against everything). A vector
 * already of unit length (as every embedder returns) is copied bit for bit, not rescaled.
 */
function unitCopy(v: Float32Array): Float32Array {
  let sum = 0;
  for (let i = 0; i < v.length; i++) sum += (v[i] as number) * (v[i] as number);
  return Math.abs(sum - 1) > 1e-6 ? l2Normalize(v) : new Float32Array(v);
}

function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] as number) * (b[i] as number);
  return s;
}

/**
 * Throw INDEX_MISMATCH unless `v` has `dimensions` entries.
 *
 * @example
 * checkDimensions(query, index.dimensions, 'query');
 */
export function checkDimensions(v: Float32Array, dimensions: number, what: string): void {
  if (v.length !== dimensions) {
    throw createError('INDEX_MISMATCH', `${what} has ${v.length} dimensions, the index has ${dimensions}`);
  }
}

/** Float32 vectors packed little-endian, in `ids` order. */
function pack(vectors: Float32Array[], dimensions: number): Uint8Array {
  const bytes = new Uint8Array(vectors.length * dimensions * 4);
  const view = new DataView(bytes.buffer);
  vectors.forEach((v, row) => {
    for (let i = 0; i < dimensions; i++) view.setFloat32((row * dimensions + i) * 4, v[i] as number, true);
  });
  return bytes;
}

function unpack(raw: RawIndex, dimensions: number): Map<string, Float32Array> {
  if (raw.kind !== FLAT_INDEX_KIND) {
    throw createError('INDEX_MISMATCH', `expected a "${FLAT_INDEX_KIND}" index, got "${raw.kind}"`);
  }
  if (raw.dimensions !== dimensions) {
    throw createError('INDEX_MISMATCH', `saved index has ${raw.dimensions} dimensions, expected ${dimensions}`);
  }
  if (raw.bytes.byteLength !== raw.ids.length * dimensions * 4) {
    throw createError(
      'INDEX_CORRUPT',
      `flat index holds ${raw.bytes.byteLength} bytes, expected ${raw.ids.length * dimensions * 4} for ${raw.ids.length} vectors`,
    );
  }
  const view = new DataView(raw.bytes.buffer, raw.bytes.byteOffset, raw.bytes.byteLength);
  const out = new Map<string, Float32Array>();
  raw.ids.forEach((id, row) => {
    const v = new Float32Array(dimensions);
    for (let i = 0; i < dimensions; i++) v[i] = view.getFloat32((row * dimensions + i) * 4, true);
    out.set(id, v);
  });
  if (out.size !== raw.ids.length) throw createError('INDEX_CORRUPT', 'flat index has duplicate ids');
  return out;
}

/**
 * Create an exact cosine index, optionally restored from a saved {@link RawIndex}.
 * Vectors are copied and normalised on insert, so scores are true cosines.
 *
 * @example
 * const index = createFlatIndex({ dimensions: 3 });
 * await index.upsert([{ id: 'a', vector: new Float32Array([1, 0, 0]) }]);
 * await index.search(new Float32Array([1, 0, 0]), 5); // [{ id: 'a', score: 1 }]
 * const again = createFlatIndex({ dimensions: 3 }, await index.save());
 */
export function createFlatIndex(opts: FlatIndexOptions, raw?: RawIndex): VectorIndex {
  const { dimensions } = opts;
  if (!Number.isInteger(dimensions) || dimensions <= 0) {
    throw createError('BAD_INPUT', `dimensions must be a positive integer, got ${dimensions}`);
  }
  const vectors = raw ? unpack(raw, dimensions) : new Map<string, Float32Array>();

  return {
    name: 'flat',
    dimensions,
    size: () => vectors.size,
    has: (id) => vectors.has(id),
    get: (id) => {
      const v = vectors.get(id);
      return v ? new Float32Array(v) : undefined;
    },
    async upsert(items) {
      // Validate the whole batch first so a bad item leaves the index unchanged.
      for (const { id, vector } of items) checkDimensions(vector, dimensions, `vector "${id}"`);
      for (const { id, vector } of items) vectors.set(id, unitCopy(vector));
    },
    async remove(ids) {
      for (const id of ids) vectors.delete(id);
    },
    async search(vector, k, filter) {
      checkDimensions(vector, dimensions, 'query');
      if (k <= 0 || vectors.size === 0) return [];
      const q = unitCopy(vector);
      const hits: VectorHit[] = [];
      for (const [id, v] of vectors) {
        if (filter && !filter(id)) continue;
        hits.push({ id, score: dot(q, v) });
      }
      // Ties broken by id so the reference answer is deterministic.
      hits.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      return hits.slice(0, k);
    },
    async save() {
      const ids = [...vectors.keys()];
      return { kind: FLAT_INDEX_KIND, dimensions, ids, bytes: pack([...vectors.values()], dimensions) };
    },
    async dispose() {
      vectors.clear();
    },
  };
}
