/**
 * Persist the passage index under a folder: `manifest.json` (embedder id,
 * dimensions, call-set hash, checksums of both files) naming `vectors-<tag>.bin`
 * (the index's raw bytes) and `ids-<tag>.json`. Data files are new names for new
 * content and the manifest is renamed into place last, so a crash at any point
 * leaves the old manifest pointing at the old, untouched files, or the new one at
 * the new. A save that fails (disk full, read-only) removes what it wrote and
 * leaves the last good index as it was.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, stat, statfs, writeFile, rm, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { createError } from '../../core/errors.js';
import type { RawIndex, VectorIndex } from '../../core/ports.js';
import { checkHnswFile, HNSW_INDEX_KIND, type RawIndexFile } from './hnsw-raw.js';

export interface IndexManifest {
  version: 1;
  embedder: string;
  dimensions: number;
  kind: string;
  /** Hash of the call set the index was built from (ids and content). */
  calls_hash: string;
  passages: number;
  /** sha256 of vectors.bin, to detect a truncated or corrupt file. */
  sha256: string;
  /** Size of vectors.bin and the sha256 of a sample of it (see sampleSha256): what a fast open checks. */
  bytes?: number;
  sample_sha256?: string;
  ids_file: string;
  /** sha256 of the ids file: two swapped ids are valid JSON but a different index. Absent in older manifests. */
  ids_sha256?: string;
  /** Absent in manifests written before content-named files: `vectors.bin`. */
  vectors_file?: string;
  built_at: string;
  /** Calibration stored with the index (see core/rank/fusion.ts). */
  calibration?: unknown;
}

/**
 * Write `data` to a temporary file and rename it over `path`; on failure the temporary file is removed.
 *
 * @example
 * await writeAtomic('data/index/manifest.json', JSON.stringify(manifest));
 */
export async function writeAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw err;
  }
}

const sha256Of = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

/**
 * @example
 * await saveIndexFiles('data/index', { embedder: 'use-lite', calls_hash }, await index.save());
 */
export async function saveIndexFiles(
  dir: string,
  meta: Pick<IndexManifest, 'embedder' | 'calls_hash' | 'calibration'>,
  raw: RawIndex,
): Promise<IndexManifest> {
  await ensureDir(dir);
  const sha256 = createHash('sha256').update(raw.bytes).digest('hex');
  const sample = await sampleSha256(async (pos, len) => raw.bytes.subarray(pos, pos + len), raw.bytes.byteLength);
  return commitIndexFiles(dir, meta, raw, { sha256, sample, bytes: raw.bytes.byteLength }, (path) => writeAtomic(path, raw.bytes));
}

/**
 * Save `index` under `dir` like {@link saveIndexFiles}, writing the vectors straight to a file when
 * the index can (`saveToFile`: hnswlib), so the bytes are never held in memory (at 50k calls the
 * in-memory path added 1.2 GB on top of the index itself while saving).
 *
 * @example
 * await saveIndex('data/index', { embedder: 'use-lite', calls_hash }, index);
 */
export async function saveIndex(
  dir: string,
  meta: Pick<IndexManifest, 'embedder' | 'calls_hash' | 'calibration'>,
  index: VectorIndex,
): Promise<IndexManifest> {
  if (!index.saveToFile) return saveIndexFiles(dir, meta, await index.save());
  await ensureDir(dir);
  const tmp = join(dir, `vectors.${process.pid}.${Date.now()}.tmp`);
  try {
    const head = await index.saveToFile(tmp);
    // hnswlib writes through a C++ stream that does not report a full disk: a short file must fail the save here.
    if (head.kind === HNSW_INDEX_KIND) await checkWritten(tmp, head, dir);
    const bytes = (await stat(tmp)).size;
    const sha256 = await streamSha256(tmp);
    const fh = await open(tmp, 'r');
    let sample: string;
    try {
      sample = await sampleSha256(readerOf(fh), bytes);
    } finally {
      await fh.close();
    }
    return await commitIndexFiles(dir, meta, head, { sha256, sample, bytes }, (path) => rename(tmp, path));
  } finally {
    await rm(tmp, { force: true });
  }
}

/** Throw ENOSPC (or EIO when the disk has room) if hnswlib wrote `path` short. */
async function checkWritten(path: string, head: Omit<RawIndex, 'bytes'>, dir: string): Promise<void> {
  try {
    checkHnswFile({ ...head, path }, head.dimensions);
  } catch (cause) {
    const fs = await statfs(dir).catch(() => undefined);
    const full = fs !== undefined && fs.bavail * fs.bsize < 1024 * 1024;
    const code = full ? 'ENOSPC' : 'EIO';
    throw Object.assign(new Error(`the index file was written short (${full ? 'the disk is full' : 'input/output error'})`, { cause }), { code });
  }
}

/**
 * Create `dir` (and missing parents). A plain mkdir first: on a read-only file system the recursive
 * form reports ENOENT instead of EROFS, which would send an operator looking for the wrong problem.
 */
async function ensureDir(dir: string): Promise<void> {
  try {
    await mkdir(dir);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return;
    if (code !== 'ENOENT') throw err;
    await mkdir(dir, { recursive: true });
  }
}

/** Name the data files by content, put the vectors in place, then the ids, then the manifest (renamed in last). */
async function commitIndexFiles(
  dir: string,
  meta: Pick<IndexManifest, 'embedder' | 'calls_hash' | 'calibration'>,
  head: Omit<RawIndex, 'bytes'>,
  sums: { sha256: string; sample: string; bytes: number },
  placeVectors: (path: string) => Promise<void>,
): Promise<IndexManifest> {
  const idsJson = JSON.stringify(head.ids);
  // Overwriting vectors.bin in place would pair the old manifest with new bytes if the process died before the manifest.
  const tag = createHash('sha256').update(sums.sha256).update(idsJson).digest('hex').slice(0, 16);
  const files = { vectors: `vectors-${tag}.bin`, ids: `ids-${tag}.json` };
  try {
    await placeVectors(join(dir, files.vectors));
    await writeAtomic(join(dir, files.ids), idsJson);
  } catch (err) {
    await removeUnreferenced(dir, [files.vectors, files.ids]);
    throw err;
  }
  const manifest: IndexManifest = {
    version: 1,
    ...meta,
    dimensions: head.dimensions,
    kind: head.kind,
    passages: head.ids.filter(Boolean).length,
    sha256: sums.sha256,
    bytes: sums.bytes,
    sample_sha256: sums.sample,
    ids_file: files.ids,
    ids_sha256: sha256Of(idsJson),
    vectors_file: files.vectors,
    built_at: new Date().toISOString(),
  };
  try {
    await writeAtomic(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  } catch (err) {
    await removeUnreferenced(dir, [files.vectors, files.ids]);
    throw err;
  }
  await removeStale(dir, new Set([files.vectors, files.ids]));
  return manifest;
}

/** After a failed save: remove the files it wrote, unless the manifest on disk names them (the same content saved before). */
async function removeUnreferenced(dir: string, names: readonly string[]): Promise<void> {
  const text = await readManifestText(dir);
  let live: Partial<IndexManifest> = {};
  try {
    live = text === undefined ? {} : (JSON.parse(text) as Partial<IndexManifest>);
  } catch {
    /* an unreadable manifest names nothing */
  }
  for (const name of names) {
    if (name === live.vectors_file || name === live.ids_file) continue;
    await rm(join(dir, name), { force: true }).catch(() => undefined);
  }
}

/** The ids file's text, checked against the manifest's `ids_sha256` when it has one. */
function checkIds(manifest: IndexManifest, text: string): string {
  if (manifest.ids_sha256 !== undefined && sha256Of(text) !== manifest.ids_sha256) throw new Error('ids checksum mismatch');
  return text;
}

const readerOf = (fh: FileHandle) => async (pos: number, len: number) => {
  const buf = new Uint8Array(len);
  const { bytesRead } = await fh.read(buf, 0, len, pos);
  return buf.subarray(0, bytesRead);
};

/** The manifest's text, or undefined when no index was ever saved in `dir`. */
async function readManifestText(dir: string): Promise<string | undefined> {
  try {
    return await readFile(join(dir, 'manifest.json'), 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Load a saved index; undefined when there is none. A manifest whose files are
 * missing, truncated or do not match the checksum raises INDEX_CORRUPT.
 */
export async function loadIndexFiles(dir: string): Promise<{ manifest: IndexManifest; raw: RawIndex } | undefined> {
  const manifestText = await readManifestText(dir);
  if (manifestText === undefined) return undefined;
  try {
    const manifest = JSON.parse(manifestText) as IndexManifest;
    const bytes = new Uint8Array(await readFile(join(dir, manifest.vectors_file ?? 'vectors.bin')));
    const sha = createHash('sha256').update(bytes).digest('hex');
    if (sha !== manifest.sha256) throw new Error('checksum mismatch');
    const ids = JSON.parse(checkIds(manifest, await readFile(join(dir, manifest.ids_file), 'utf8'))) as string[];
    return { manifest, raw: { kind: manifest.kind, dimensions: manifest.dimensions, ids, bytes } };
  } catch (cause) {
    throw corruptIndex(dir, cause);
  }
}

/**
 * Open a saved index without reading its bytes into memory: the vectors file is checked and its
 * path returned, for an adapter that reads it natively (createHnswIndex({ file })). Undefined when
 * there is none; INDEX_CORRUPT as loadIndexFiles.
 *
 * The check is the file's exact size plus the sha256 of a sample (header, tail and 64 blocks spread
 * over the file, ~5 MB): about 10 ms instead of ~2 s for sha256 over 1.1 GB. It catches truncation,
 * extension, a different or half-written file; it misses a bit flip outside the sampled blocks,
 * which the storage's own checksums are left to catch. Manifests without a sample get the full sha256, streamed.
 *
 * @example
 * const saved = await openIndexFiles('data/index');
 * if (saved) index = await createHnswIndex({ dimensions: 512, file: saved.file });
 */
export async function openIndexFiles(dir: string): Promise<{ manifest: IndexManifest; file: RawIndexFile } | undefined> {
  const manifestText = await readManifestText(dir);
  if (manifestText === undefined) return undefined;
  try {
    const manifest = JSON.parse(manifestText) as IndexManifest;
    const path = join(dir, manifest.vectors_file ?? 'vectors.bin');
    const size = (await stat(path)).size;
    if (manifest.sample_sha256 !== undefined && manifest.bytes !== undefined) {
      if (size !== manifest.bytes) throw new Error(`vectors file is ${size} bytes, expected ${manifest.bytes}`);
      const fh = await open(path, 'r');
      try {
        if ((await sampleSha256(readerOf(fh), size)) !== manifest.sample_sha256) throw new Error('sample checksum mismatch');
      } finally {
        await fh.close();
      }
    } else if ((await streamSha256(path)) !== manifest.sha256) {
      throw new Error('checksum mismatch');
    }
    const idsText = checkIds(manifest, await readFile(join(dir, manifest.ids_file), 'utf8'));
    return { manifest, file: lazyIds({ kind: manifest.kind, dimensions: manifest.dimensions, path }, idsText, dir) };
  } catch (cause) {
    throw corruptIndex(dir, cause);
  }
}

/**
 * The file's ids, parsed from `text` on first use (16 MB of JSON, ~0.2 s at 50k calls), so a restore
 * can parse them while hnswlib reads the vectors on another thread (restoreCachedHnsw). Unreadable
 * ids are INDEX_CORRUPT, as if found at open.
 */
function lazyIds(head: Omit<RawIndexFile, 'ids'>, text: string, dir: string): RawIndexFile {
  let ids: string[] | undefined;
  return {
    ...head,
    get ids(): string[] {
      if (ids) return ids;
      try {
        const parsed: unknown = JSON.parse(text);
        if (!Array.isArray(parsed) || !parsed.every((x) => typeof x === 'string')) throw new Error('ids file is not a list of strings');
        ids = parsed as string[];
      } catch (cause) {
        throw corruptIndex(dir, cause);
      }
      return ids;
    },
  };
}

/** The one error for a saved index that cannot be used: callers rebuild on INDEX_CORRUPT. */
const corruptIndex = (dir: string, cause: unknown) =>
  createError('INDEX_CORRUPT', `the saved index in ${dir} is unreadable or corrupt; it will be rebuilt`, { cause });

const SAMPLE_BLOCK = 64 * 1024;
const SAMPLE_BLOCKS = 64;
const SAMPLE_TAIL = 1024 * 1024;

/** sha256 of the size, the first block, 64 evenly spaced blocks and the last MiB. */
async function sampleSha256(read: (pos: number, len: number) => Promise<Uint8Array>, size: number): Promise<string> {
  const h = createHash('sha256').update(String(size));
  const step = Math.max(SAMPLE_BLOCK, Math.floor(size / SAMPLE_BLOCKS));
  for (let pos = 0; pos < size; pos += step) h.update(await read(pos, Math.min(SAMPLE_BLOCK, size - pos)));
  const tail = Math.min(SAMPLE_TAIL, size);
  h.update(await read(size - tail, tail));
  return h.digest('hex');
}

async function streamSha256(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 4 * 1024 * 1024 })) h.update(chunk as Buffer);
  return h.digest('hex');
}


const STALE_TMP_MS = 60_000;

/** Whether process `pid` is running (a temporary file's writer). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * At start-up: remove temporary files whose writer is gone (a kill -9 mid-save) and data files no
 * manifest names that are over a minute old (a save that died before its manifest). Never throws:
 * a folder it cannot clean (read-only) is left as it is.
 *
 * @example
 * await cleanIndexDir('data/index');
 */
export async function cleanIndexDir(dir: string): Promise<number> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const text = await readManifestText(dir);
  let live: Partial<IndexManifest> | undefined = {};
  try {
    live = text === undefined ? {} : (JSON.parse(text) as Partial<IndexManifest>);
  } catch {
    live = undefined; // unreadable: it names nothing for sure, so only temporary files go (the rebuild's save clears the rest)
  }
  const keep = new Set([live?.vectors_file ?? 'vectors.bin', live?.ids_file]);
  let removed = 0;
  for (const name of names) {
    if (keep.has(name)) continue;
    const writer = /\.(\d+)\.\d+\.tmp$/.exec(name)?.[1];
    const orphanTmp = writer !== undefined && !alive(Number(writer));
    const data = /^(vectors(-[0-9a-f]+)?\.bin|ids(-[0-9a-f]+)?\.json)$/.test(name);
    const old = live !== undefined && data && Date.now() - ((await stat(join(dir, name)).catch(() => undefined))?.mtimeMs ?? Date.now()) > STALE_TMP_MS;
    if (orphanTmp || old) {
      await rm(join(dir, name), { force: true }).then(() => removed++, () => undefined);
    }
  }
  return removed;
}

/** Data files of earlier saves, and temporary files a killed writer left (old enough not to be another writer's). */
async function removeStale(dir: string, keep: ReadonlySet<string>): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    if (keep.has(name)) continue;
    const data = /^(vectors(-[0-9a-f]+)?\.bin|ids(-[0-9a-f]+)?\.json)$/.test(name);
    const tmp = name.endsWith('.tmp') && Date.now() - ((await stat(join(dir, name)).catch(() => undefined))?.mtimeMs ?? Date.now()) > STALE_TMP_MS;
    if (data || tmp) await rm(join(dir, name), { force: true }).catch(() => undefined);
  }
}
