/**
 * Checks on a saved HNSW index before it reaches the native reader: hnswlib
 * trusts its header, so a truncated file or one built with other dimensions
 * must be caught here and reported as a coded error.
 */
import { createError } from '../../core/errors.js';
import type { RawIndex } from '../../core/ports.js';

/** `kind` written into {@link RawIndex} by the HNSW index. */
export const HNSW_INDEX_KIND = 'hnsw';

/** hnswlib's header: six size_t, an int, a uint32, three size_t, a double, a size_t. */
const HEADER_BYTES = 96;

/**
 * Throw INDEX_MISMATCH / INDEX_CORRUPT unless `raw` looks like an hnswlib
 * index of `dimensions` float dimensions holding exactly `raw.ids.length` labels.
 *
 * @example
 * checkHnswRaw(await index.save(), 384); // returns quietly
 */
export function checkHnswRaw(raw: RawIndex, dimensions: number): void {
  if (raw.kind !== HNSW_INDEX_KIND) {
    throw createError('INDEX_MISMATCH', `expected a "${HNSW_INDEX_KIND}" index, got "${raw.kind}"`);
  }
  if (raw.dimensions !== dimensions) {
    throw createError('INDEX_MISMATCH', `saved index has ${raw.dimensions} dimensions, expected ${dimensions}`);
  }
  const { bytes } = raw;
  if (bytes.byteLength < HEADER_BYTES) {
    throw createError('INDEX_CORRUPT', `saved HNSW index is ${bytes.byteLength} bytes, shorter than its header`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u64 = (offset: number): number => Number(view.getBigUint64(offset, true));
  const count = u64(16);
  const sizePerElement = u64(24);
  const labelOffset = u64(32);
  const dataOffset = u64(40);
  if (count !== raw.ids.length) {
    throw createError('INDEX_CORRUPT', `saved HNSW index holds ${count} labels but ${raw.ids.length} ids`);
  }
  if (labelOffset - dataOffset !== dimensions * 4) {
    throw createError('INDEX_CORRUPT', `saved HNSW index does not hold ${dimensions}-dimensional float vectors`);
  }
  if (HEADER_BYTES + count * sizePerElement > bytes.byteLength) {
    throw createError('INDEX_CORRUPT', 'saved HNSW index is truncated');
  }
}
