/**
 * Persist the passage index under a folder: `manifest.json` (embedder id,
 * dimensions, call-set hash, checksum) naming `vectors-<tag>.bin` (the index's
 * raw bytes) and `ids-<tag>.json`. Data files are new names for new content and
 * the manifest is renamed into place last, so a crash at any point leaves the
 * old manifest pointing at the old, untouched files, or the new one at the new.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, stat, writeFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createError } from '../../core/errors.js';
import type { RawIndex } from '../../core/ports.js';

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
  ids_file: string;
  /** Absent in manifests written before content-named files: `vectors.bin`. */
  vectors_file?: string;
  built_at: string;
  /** Calibration stored with the index (see core/rank/fusion.ts). */
  calibration?: unknown;
}

export async function writeAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(tmp, data);
  await rename(tmp, path);
}

/**
 * @example
 * await saveIndexFiles('data/index', { embedder: 'use-lite', calls_hash }, await index.save());
 */
export async function saveIndexFiles(
  dir: string,
  meta: Pick<IndexManifest, 'embedder' | 'calls_hash' | 'calibration'>,
  raw: RawIndex,
): Promise<IndexManifest> {
  await mkdir(dir, { recursive: true });
  const sha256 = createHash('sha256').update(raw.bytes).digest('hex');
  const idsJson = JSON.stringify(raw.ids);
  // Overwriting vectors.bin in place would pair the old manifest with new bytes if the process died before the manifest.
  const tag = createHash('sha256').update(sha256).update(idsJson).digest('hex').slice(0, 16);
  const files = { vectors: `vectors-${tag}.bin`, ids: `ids-${tag}.json` };
  await writeAtomic(join(dir, files.vectors), raw.bytes);
  await writeAtomic(join(dir, files.ids), idsJson);
  const manifest: IndexManifest = {
    version: 1,
    ...meta,
    dimensions: raw.dimensions,
    kind: raw.kind,
    passages: raw.ids.filter(Boolean).length,
    sha256,
    ids_file: files.ids,
    vectors_file: files.vectors,
    built_at: new Date().toISOString(),
  };
  await writeAtomic(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  await removeStale(dir, new Set([files.vectors, files.ids]));
  return manifest;
}

/**
 * Load a saved index; undefined when there is none. A manifest whose files are
 * missing, truncated or do not match the checksum raises INDEX_CORRUPT.
 */
export async function loadIndexFiles(dir: string): Promise<{ manifest: IndexManifest; raw: RawIndex } | undefined> {
  let manifestText: string;
  try {
    manifestText = await readFile(join(dir, 'manifest.json'), 'utf8');
  } catch {
    return undefined;
  }
  try {
    const manifest = JSON.parse(manifestText) as IndexManifest;
    const bytes = new Uint8Array(await readFile(join(dir, manifest.vectors_file ?? 'vectors.bin')));
    const sha = createHash('sha256').update(bytes).digest('hex');
    if (sha !== manifest.sha256) throw new Error('checksum mismatch');
    const ids = JSON.parse(await readFile(join(dir, manifest.ids_file), 'utf8')) as string[];
    return { manifest, raw: { kind: manifest.kind, dimensions: manifest.dimensions, ids, bytes } };
  } catch (cause) {
    throw createError('INDEX_CORRUPT', `the saved index in ${dir} is unreadable or corrupt; it will be rebuilt`, { cause });
  }
}

export async function removeIndexFiles(dir: string): Promise<void> {
  await rm(join(dir, 'manifest.json'), { force: true });
}

const STALE_TMP_MS = 60_000;

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
