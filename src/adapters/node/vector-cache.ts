/**
 * A JS-side copy of an index's vectors, so `get(id)` is a memory copy instead
 * of a native call. Why: hnswlib-node's getPoint builds a JS array element by
 * element (measured ~120 µs CPU for 512 dimensions), and ranking reads ~10
 * vectors for each of hundreds of candidate calls per query.
 * Costs one more float32 copy of every vector (2 KiB each at 512 dimensions).
 */
import type { RawIndex, VectorIndex } from '../../core/ports.js';
import { HNSW_INDEX_KIND } from './hnsw-raw.js';

/** Vectors per slab: fixed-size slabs grow without the 2x copy of a doubling array. */
const SLAB = 8192;
const HEADER_BYTES = 96;

/**
 * Wrap `inner` so get() reads from a JS copy. Pass the RawIndex `inner` was
 * restored from, so the copy is filled from its bytes (no per-vector native calls).
 *
 * @example
 * const index = cacheVectors(await createHnswIndex({ dimensions: 512, raw }), raw);
 * index.get('call-1|topic|abc'); // Float32Array, without calling into hnswlib
 */
export function cacheVectors(inner: VectorIndex, raw?: RawIndex): VectorIndex {
  const dims = inner.dimensions;
  const slabs: Float32Array[] = [];
  const slotOf = new Map<string, number>();
  const free: number[] = [];
  let next = 0;

  const slotFor = (id: string): number => {
    let slot = slotOf.get(id);
    if (slot === undefined) {
      slot = free.pop() ?? next++;
      slotOf.set(id, slot);
      while (slabs.length <= Math.floor(slot / SLAB)) slabs.push(new Float32Array(SLAB * dims));
    }
    return slot;
  };
  const row = (slot: number): Float32Array => {
    const off = (slot % SLAB) * dims;
    return (slabs[Math.floor(slot / SLAB)] as Float32Array).subarray(off, off + dims);
  };
  const store = (id: string, v: Float32Array) => {
    const r = row(slotFor(id));
    let s = 0;
    for (let i = 0; i < dims; i++) s += (v[i] as number) * (v[i] as number);
    // Same normalisation as hnswlib's cosine space, so get() returns what the index stores.
    const inv = 1 / (Math.sqrt(s) + 1e-30);
    for (let i = 0; i < dims; i++) r[i] = (v[i] as number) * inv;
  };

  if (raw) fillFromRaw(raw, dims, (id) => row(slotFor(id)));
  for (const id of raw?.ids ?? []) {
    if (id && !slotOf.has(id) && inner.has(id)) store(id, inner.get(id) as Float32Array);
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
      for (const { id, vector } of items) store(id, vector);
    },
    async remove(ids) {
      await inner.remove(ids);
      for (const id of ids) {
        const slot = slotOf.get(id);
        if (slot === undefined) continue;
        slotOf.delete(id);
        free.push(slot);
      }
    },
    get(id) {
      const slot = slotOf.get(id);
      return slot === undefined ? undefined : row(slot).slice();
    },
    async dispose() {
      await inner.dispose();
      slabs.length = 0;
      slotOf.clear();
    },
  };
}

/** Copy every live vector out of a saved hnswlib index (level-0 records: links, vector, label). */
function fillFromRaw(raw: RawIndex, dims: number, target: (id: string) => Float32Array): void {
  if (raw.kind !== HNSW_INDEX_KIND) return;
  const { bytes } = raw;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u64 = (offset: number): number => Number(view.getBigUint64(offset, true));
  const count = u64(16);
  const sizePerElement = u64(24);
  const labelOffset = u64(32);
  const dataOffset = u64(40);
  for (let i = 0; i < count; i++) {
    const base = HEADER_BYTES + i * sizePerElement;
    const id = raw.ids[u64(base + labelOffset)];
    if (!id) continue;
    const dest = target(id);
    // Byte copy: the vector is float32 little-endian, as is this machine (x86/arm64).
    new Uint8Array(dest.buffer, dest.byteOffset, dims * 4).set(bytes.subarray(base + dataOffset, base + dataOffset + dims * 4));
  }
}
