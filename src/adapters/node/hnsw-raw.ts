/**
 * Checks on a saved HNSW index before it reaches the native reader: hnswlib
 * trusts its header, so a truncated file or one built with other dimensions
 * must be caught here and reported as a coded error.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { createError } from '../../core/errors.js';
import type { RawIndex } from '../../core/ports.js';

/**
 * A saved index left on disk: the RawIndex header with the path of its bytes
 * instead of the bytes, so a restore reads the file once (natively) rather
 * than reading it into memory and writing it back to a temp file.
 */
export interface RawIndexFile {
  kind: string;
  dimensions: number;
  ids: string[];
  path: string;
}

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
  checkHnswHeader(raw, raw.bytes.subarray(0, HEADER_BYTES), raw.bytes.byteLength, dimensions);
}

/**
 * {@link checkHnswRaw} for an index on disk: reads only its header and size. Returns the header's
 * label count; without `ids` the caller checks it against them (they may still be being parsed).
 *
 * @example
 * checkHnswFile({ kind: 'hnsw', dimensions: 512, ids, path: 'data/index/vectors-ab12.bin' }, 512);
 */
export function checkHnswFile(file: Omit<RawIndexFile, 'ids'> & { ids?: readonly string[] }, dimensions: number): number {
  const header = new Uint8Array(HEADER_BYTES);
  let size: number;
  try {
    const fd = openSync(file.path, 'r');
    try {
      size = fstatSync(fd).size;
      readSync(fd, header, 0, HEADER_BYTES, 0);
    } finally {
      closeSync(fd);
    }
  } catch (cause) {
    throw createError('INDEX_CORRUPT', `cannot read saved HNSW index ${file.path}`, { cause });
  }
  return checkHnswHeader(file, header.subarray(0, Math.min(size, HEADER_BYTES)), size, dimensions);
}

/** `raw.ids` absent: the label count is checked later ({@link checkHnswLabels}). */
function checkHnswHeader(raw: Pick<RawIndex, 'kind' | 'dimensions'> & { ids?: readonly string[] }, header: Uint8Array, byteLength: number, dimensions: number): number {
  if (raw.kind !== HNSW_INDEX_KIND) {
    throw createError('INDEX_MISMATCH', `expected a "${HNSW_INDEX_KIND}" index, got "${raw.kind}"`);
  }
  if (raw.dimensions !== dimensions) {
    throw createError('INDEX_MISMATCH', `saved index has ${raw.dimensions} dimensions, expected ${dimensions}`);
  }
  if (header.byteLength < HEADER_BYTES || byteLength < HEADER_BYTES) {
    throw createError('INDEX_CORRUPT', `saved HNSW index is ${byteLength} bytes, shorter than its header`);
  }
  const view = new DataView(header.buffer, header.byteOffset, header.byteLength);
  const u64 = (offset: number): number => Number(view.getBigUint64(offset, true));
  const count = u64(16);
  const sizePerElement = u64(24);
  const labelOffset = u64(32);
  const dataOffset = u64(40);
  if (raw.ids && count !== raw.ids.length) {
    throw createError('INDEX_CORRUPT', `saved HNSW index holds ${count} labels but ${raw.ids.length} ids`);
  }
  if (labelOffset - dataOffset !== dimensions * 4) {
    throw createError('INDEX_CORRUPT', `saved HNSW index does not hold ${dimensions}-dimensional float vectors`);
  }
  if (HEADER_BYTES + count * sizePerElement > byteLength) {
    throw createError('INDEX_CORRUPT', 'saved HNSW index is truncated');
  }
  return count;
}
