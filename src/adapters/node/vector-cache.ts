/**
 * A JS-side copy of an index's vectors, so `get(id)` is a memory copy instead
 * of a native call. Why: hnswlib-node's getPoint builds a JS array element by
 * element (measured ~120 µs CPU for 512 dimensions), and ranking reads the
 * whole-call vector of each of hundreds of candidate calls per query.
 * Costs one more float32 copy of each cached vector (2 KiB at 512 dimensions),
 * so `keep` limits it to the vectors read per candidate (1.1 GB -> ~100 MB at 50k calls).
 */
import { closeSync, openSync, readSync } from 'node:fs';
import type { RawIndex, VectorIndex } from '../../core/ports.js';
import { normalizeInto } from '../../core/rank/vector-math.js';
import { createColdVectors } from './cold-vectors.js';
import { createHnswIndex, type HnswIndexOptions } from './hnsw-index.js';
import { HNSW_INDEX_KIND, type RawIndexFile } from './hnsw-raw.js';

export interface VectorCacheOptions {
  /**
   * Keep only the vectors of these ids in memory; the others go to disk (cold-vectors.ts: the
   * saved index file they were restored from, or a temp spill file), a pread each. Default: all.
   */
  keep?: (id: string) => boolean;
}

/** Vectors per slab: fixed-size slabs grow without the 2x copy of a doubling array. */
const SLAB = 8192;
const HEADER_BYTES = 96;

/** The cache's storage: kept vectors in slabs, the others located on disk. */
interface CacheStore {
  slotOf: Map<string, number>;
  row(slot: number): Float32Array;
  slotFor(id: string): number;
  free(id: string): void;
  /** Keep a (normalised) copy of `v`: in a slab when kept, else in the cold spill file. */
  store(id: string, v: Float32Array): void;
  cold: ReturnType<typeof createColdVectors>;
  dispose(): void;
}

function createCacheStore(dims: number, keep: (id: string) => boolean): CacheStore {
  const slabs: Float32Array[] = [];
  const slotOf = new Map<string, number>();
  const freeSlots: number[] = [];
  let next = 0;
  const cold = createColdVectors(dims);
  const scratch = new Float32Array(dims);
  const row = (slot: number): Float32Array => {
    const off = (slot % SLAB) * dims;
    return (slabs[Math.floor(slot / SLAB)] as Float32Array).subarray(off, off + dims);
  };
  const slotFor = (id: string): number => {
    let slot = slotOf.get(id);
    if (slot === undefined) {
      slot = freeSlots.pop() ?? next++;
      slotOf.set(id, slot);
      while (slabs.length <= Math.floor(slot / SLAB)) slabs.push(new Float32Array(SLAB * dims));
    }
    return slot;
  };
  return {
    slotOf,
    row,
    slotFor,
    cold,
    free(id) {
      cold.delete(id);
      const slot = slotOf.get(id);
      if (slot === undefined) return;
      slotOf.delete(id);
      freeSlots.push(slot);
    },
    store(id, v) {
      const r = keep(id) ? row(slotFor(id)) : scratch;
      // Same normalisation as hnswlib's cosine space, so get() returns what the index stores.
      normalizeInto(v.length === dims ? v : v.subarray(0, dims), r);
      if (r === scratch) cold.put(id, scratch);
    },
    dispose() {
      slabs.length = 0;
      slotOf.clear();
      cold.close();
    },
  };
}

/** Fill `store` from the saved index the inner index was restored from: byte copies, no native calls. */
/**
 * Fill `store` from the saved index, and return the ids the fill could not read from it (every id of
 * a saved index that is not hnswlib's format), which {@link wrap} copies through the index instead.
 */
function fillStore(store: CacheStore, raw: RawIndex | RawIndexFile, dims: number, keep: (id: string) => boolean): readonly string[] {
  if (raw.kind !== HNSW_INDEX_KIND) return raw.ids;
  // Byte copies: the vectors are float32 little-endian, as is this machine (x86/arm64).
  if ('bytes' in raw) {
    fillFromRaw(raw, dims, (id, bytes) => {
      if (keep(id)) copyInto(store.row(store.slotFor(id)), bytes);
      else store.cold.put(id, new Float32Array(bytes.slice().buffer));
    });
  } else {
    store.cold.attachFile(raw.path);
    fillFromFile(raw, dims, (id, bytes, offset) => (keep(id) ? copyInto(store.row(store.slotFor(id)), bytes) : store.cold.locate(id, offset)));
  }
  // Every live record was visited: nothing left to copy (the loop over 542k ids cost ~60 ms at load).
  return [];
}

/**
 * Wrap `inner` so get() reads from a JS copy. Pass the RawIndex `inner` was
 * restored from, so the copy is filled from its bytes (no per-vector native calls).
 *
 * @example
 * const index = cacheVectors(await createHnswIndex({ dimensions: 512, raw }), raw);
 * index.get('call-1|topic|abc'); // Float32Array, without calling into hnswlib
 */
export function cacheVectors(inner: VectorIndex, raw?: RawIndex | RawIndexFile, opts: VectorCacheOptions = {}): VectorIndex {
  const keep = opts.keep ?? (() => true);
  const store = createCacheStore(inner.dimensions, keep);
  const unfilled = raw ? fillStore(store, raw, inner.dimensions, keep) : [];
  return wrap(inner, store, unfilled, keep);
}

/**
 * Restore a saved HNSW index from its file with the vector cache filled while hnswlib reads the
 * file natively on a libuv thread (the fill and the id maps overlap the read): what the server
 * does at start. Measured at 50k calls: 3.0 s sequential.
 *
 * @example
 * const saved = await openIndexFiles('data/index');
 * const index = await restoreCachedHnsw({ dimensions: 512, efSearch: 128, file: saved.file }, { keep: isWholeCallPassage });
 */
export async function restoreCachedHnsw(hnsw: HnswIndexOptions & { file: RawIndexFile }, opts: VectorCacheOptions = {}): Promise<VectorIndex> {
  const keep = opts.keep ?? (() => true);
  const store = createCacheStore(hnsw.dimensions, keep);
  try {
    let unfilled: readonly string[] = [];
    const inner = await createHnswIndex({ ...hnsw, whileReading: () => (unfilled = fillStore(store, hnsw.file, hnsw.dimensions, keep)) });
    return wrap(inner, store, unfilled, keep);
  } catch (err) {
    store.dispose();
    throw err;
  }
}

function wrap(inner: VectorIndex, store: CacheStore, unfilled: readonly string[], keep: (id: string) => boolean): VectorIndex {
  const dims = inner.dimensions;
  // Kept ids the fill did not find in the bytes (a RawIndex of another kind): copy through the index.
  for (const id of unfilled) {
    if (id && keep(id) && !store.slotOf.has(id) && inner.has(id)) store.store(id, inner.get(id) as Float32Array);
  }
  return {
    ...inner,
    name: inner.name,
    dimensions: dims,
    size: () => inner.size(),
    has: (id) => inner.has(id),
    search: (v, k, filter) => inner.search(v, k, filter),
    save: () => inner.save(),
    async upsert(items) {
      await inner.upsert(items);
      for (const { id, vector } of items) store.store(id, vector);
    },
    async remove(ids) {
      await inner.remove(ids);
      for (const id of ids) store.free(id);
    },
    get(id) {
      const slot = store.slotOf.get(id);
      // A view of the slab, not a copy (the port's vectors are read-only): the copy was ~8% of a query.
      return slot === undefined ? (store.cold.get(id) ?? inner.get(id)) : store.row(slot);
    },
    async dispose() {
      await inner.dispose();
      store.dispose();
    },
  };
}

interface Layout {
  count: number;
  sizePerElement: number;
  labelOffset: number;
  dataOffset: number;
}

function layoutOf(header: Uint8Array): Layout {
  const view = new DataView(header.buffer, header.byteOffset, header.byteLength);
  const u64 = (offset: number): number => Number(view.getBigUint64(offset, true));
  return { count: u64(16), sizePerElement: u64(24), labelOffset: u64(32), dataOffset: u64(40) };
}

/** Receives each live record's vector bytes and their offset in the saved file. */
type Visit = (id: string, vectorBytes: Uint8Array, fileOffset: number) => void;

function copyInto(dest: Float32Array, bytes: Uint8Array): void {
  new Uint8Array(dest.buffer, dest.byteOffset, dest.byteLength).set(bytes);
}

/** Visit `count` level-0 records (links, vector, label) held in `bytes`, which start at `fileOffset` of the file. */
function visitRecords(bytes: Uint8Array, count: number, l: Layout, ids: readonly string[], dims: number, fileOffset: number, visit: Visit): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < count; i++) {
    const base = i * l.sizePerElement;
    const id = ids[Number(view.getBigUint64(base + l.labelOffset, true))];
    if (!id) continue;
    const start = base + l.dataOffset;
    visit(id, bytes.subarray(start, start + dims * 4), fileOffset + start);
  }
}

/** Visit every live vector of a saved hnswlib index held in memory. */
function fillFromRaw(raw: RawIndex, dims: number, visit: Visit): void {
  const l = layoutOf(raw.bytes.subarray(0, HEADER_BYTES));
  visitRecords(raw.bytes.subarray(HEADER_BYTES), l.count, l, raw.ids, dims, HEADER_BYTES, visit);
}

/** Records read per chunk when filling from a file (~18 MB at 512 dimensions). */
const RECORDS_PER_READ = 8192;

/** The same, streaming the saved file in record-aligned chunks: never a second full copy in memory. */
function fillFromFile(file: RawIndexFile, dims: number, visit: Visit): void {
  const fd = openSync(file.path, 'r');
  try {
    const header = new Uint8Array(HEADER_BYTES);
    readSync(fd, header, 0, HEADER_BYTES, 0);
    const l = layoutOf(header);
    const buf = new Uint8Array(RECORDS_PER_READ * l.sizePerElement);
    for (let first = 0; first < l.count; first += RECORDS_PER_READ) {
      const n = Math.min(RECORDS_PER_READ, l.count - first);
      const want = n * l.sizePerElement;
      let got = 0;
      while (got < want) {
        const r = readSync(fd, buf, got, want - got, HEADER_BYTES + first * l.sizePerElement + got);
        if (r === 0) throw new Error('saved HNSW index is truncated');
        got += r;
      }
      visitRecords(buf, n, l, file.ids, dims, HEADER_BYTES + first * l.sizePerElement, visit);
    }
  } finally {
    closeSync(fd);
  }
}
