/**
 * Vectors kept on disk instead of in memory, for the ones ranking reads
 * rarely (the topic passages of the few calls a request returns): a read is
 * one pread of 2 KiB from the page cache (microseconds), where hnswlib's
 * getPoint costs ~100 µs, and the bytes count against the page cache, not
 * the process's memory. Vectors live either in the saved index file the
 * index was restored from (read in place) or in an unlinked temp spill file.
 */
import { closeSync, openSync, readSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ColdVectors {
  /** Store a copy of `vector` (already normalised) in the spill file. */
  put(id: string, vector: Float32Array): void;
  /** Point `id` at `dims` float32 values at byte `offset` of the file given to {@link attachFile}. */
  locate(id: string, offset: number): void;
  /** Open a saved index file for {@link locate}d reads (kept open: safe if it is replaced later). */
  attachFile(path: string): void;
  get(id: string): Float32Array | undefined;
  delete(id: string): void;
  close(): void;
}

const SPILL = 0;
const SAVED = 1;
/** Pending spill bytes before a write: big sequential writes while an index is built. */
const BUFFER_BYTES = 4 * 1024 * 1024;

/**
 * @example
 * const cold = createColdVectors(512);
 * cold.put('c1|topic|ab', v);
 * cold.get('c1|topic|ab'); // a copy of v
 */
export function createColdVectors(dims: number): ColdVectors {
  const bytesPer = dims * 4;
  /** id -> offset * 2 + file (SPILL or SAVED). */
  const where = new Map<string, number>();
  let spillFd: number | undefined;
  let savedFd: number | undefined;
  let flushedEnd = 0;
  const pending = new Uint8Array(Math.max(BUFFER_BYTES - (BUFFER_BYTES % bytesPer), bytesPer));
  let pendingLen = 0;

  const flush = () => {
    if (pendingLen === 0) return;
    if (spillFd === undefined) {
      const path = join(tmpdir(), `cfpmatch-vectors-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.bin`);
      spillFd = openSync(path, 'w+', 0o600);
      // Unlinked at once: the space is freed when the fd closes, even if the process is killed.
      unlinkSync(path);
    }
    let done = 0;
    while (done < pendingLen) done += writeSync(spillFd, pending, done, pendingLen - done, flushedEnd + done);
    flushedEnd += pendingLen;
    pendingLen = 0;
  };

  const read = (fd: number, offset: number): Float32Array => {
    const out = new Float32Array(dims);
    const bytes = new Uint8Array(out.buffer);
    let got = 0;
    while (got < bytesPer) {
      const n = readSync(fd, bytes, got, bytesPer - got, offset + got);
      if (n === 0) throw new Error('cold vector file ended early');
      got += n;
    }
    return out;
  };

  return {
    put(id, vector) {
      if (pendingLen + bytesPer > pending.byteLength) flush();
      pending.set(new Uint8Array(vector.buffer, vector.byteOffset, bytesPer), pendingLen);
      where.set(id, (flushedEnd + pendingLen) * 2 + SPILL);
      pendingLen += bytesPer;
    },
    attachFile(path) {
      if (savedFd !== undefined) closeSync(savedFd);
      savedFd = openSync(path, 'r');
    },
    locate(id, offset) {
      where.set(id, offset * 2 + SAVED);
    },
    get(id) {
      const loc = where.get(id);
      if (loc === undefined) return undefined;
      const offset = Math.floor(loc / 2);
      if (loc % 2 === SAVED) return savedFd === undefined ? undefined : read(savedFd, offset);
      if (offset >= flushedEnd) {
        const start = offset - flushedEnd;
        return new Float32Array(pending.slice(start, start + bytesPer).buffer);
      }
      return spillFd === undefined ? undefined : read(spillFd, offset);
    },
    delete(id) {
      where.delete(id);
    },
    close() {
      for (const fd of [spillFd, savedFd]) if (fd !== undefined) closeSync(fd);
      spillFd = savedFd = undefined;
      where.clear();
      pendingLen = flushedEnd = 0;
    },
  };
}
