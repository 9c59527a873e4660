import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHnswIndex } from '../../src/adapters/node/hnsw-index.js';
import { loadIndexFiles, openIndexFiles, saveIndex, saveIndexFiles } from '../../src/adapters/node/index-files.js';
import { restoreCachedHnsw } from '../../src/adapters/node/vector-cache.js';
import { createFlatIndex } from '../../src/core/flat-index.js';
import type { VectorIndex } from '../../src/core/ports.js';
import { dot } from '../../src/core/rank/vector-math.js';
import { randomUnitVectors } from '../contracts/random.js';

const DIMS = 16;
const dirs: string[] = [];
const tempDir = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'cfpmatch-index-files-'));
  dirs.push(dir);
  return dir;
};
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function filled(index: VectorIndex): Promise<VectorIndex> {
  const vectors = randomUnitVectors(60, DIMS, 5);
  await index.upsert(vectors.map((vector, i) => ({ id: `c${i % 7}|topic|${i}`, vector })));
  await index.remove(['c3|topic|3']);
  return index;
}

const META = { embedder: 'test', calls_hash: 'h1' };

describe('saveIndex', () => {
  it('writes an HNSW index through its file path with the same files and checksums as the in-memory save', async () => {
    const index = await filled(await createHnswIndex({ dimensions: DIMS, initialCapacity: 8 }));
    const [viaFile, viaMemory] = [await tempDir(), await tempDir()];
    const a = await saveIndex(viaFile, META, index);
    const b = await saveIndexFiles(viaMemory, META, await index.save());
    const { built_at: _a, ...restA } = a;
    const { built_at: _b, ...restB } = b;
    expect(restA).toEqual(restB);
    expect(await readFile(join(viaFile, a.vectors_file ?? ''))).toEqual(await readFile(join(viaMemory, b.vectors_file ?? '')));
    // Only the content-named files and the manifest remain: no temp file.
    expect((await readdir(viaFile)).sort()).toEqual([a.ids_file, 'manifest.json', a.vectors_file].sort());
    const opened = await openIndexFiles(viaFile);
    expect(opened?.file.ids.filter(Boolean)).toHaveLength(59);
    const restored = await createHnswIndex({ dimensions: DIMS, file: opened?.file });
    expect(restored.has('c3|topic|3')).toBe(false);
    expect(restored.size()).toBe(59);
  });

  it('falls back to save() for an index without saveToFile', async () => {
    const index = await filled(createFlatIndex({ dimensions: DIMS }));
    const dir = await tempDir();
    const manifest = await saveIndex(dir, META, index);
    expect(manifest.kind).toBe('flat');
    expect(manifest.passages).toBe(59);
  });

  it('a later save replaces the files, and a corrupt vectors file is reported, not read', async () => {
    const index = await filled(await createHnswIndex({ dimensions: DIMS, initialCapacity: 8 }));
    const dir = await tempDir();
    const first = await saveIndex(dir, META, index);
    await index.upsert([{ id: 'c9|topic|new', vector: randomUnitVectors(1, DIMS, 9)[0] as Float32Array }]);
    const second = await saveIndex(dir, { ...META, calls_hash: 'h2' }, index);
    expect(second.vectors_file).not.toBe(first.vectors_file);
    expect((await readdir(dir)).sort()).toEqual([second.ids_file, 'manifest.json', second.vectors_file].sort());
    const path = join(dir, second.vectors_file ?? '');
    const bytes = await readFile(path);
    bytes[100] = (bytes[100] ?? 0) ^ 0xff;
    await writeFile(path, bytes);
    await expect(openIndexFiles(dir)).rejects.toMatchObject({ code: 'INDEX_CORRUPT' });
  });

  it('refuses an ids file that does not match its checksum: shorter, broken, or two ids swapped', async () => {
    const index = await filled(await createHnswIndex({ dimensions: DIMS, initialCapacity: 8 }));
    const dir = await tempDir();
    const manifest = await saveIndex(dir, META, index);
    expect(manifest.ids_sha256).toMatch(/^[0-9a-f]{64}$/);
    const idsPath = join(dir, manifest.ids_file);
    const ids = JSON.parse(await readFile(idsPath, 'utf8')) as string[];
    const swapped = [...ids];
    [swapped[0], swapped[1]] = [swapped[1] as string, swapped[0] as string];
    for (const bad of [JSON.stringify(ids.slice(1)), '["c0|topic|0", ', JSON.stringify(swapped)]) {
      await writeFile(idsPath, bad);
      await expect(openIndexFiles(dir)).rejects.toMatchObject({ code: 'INDEX_CORRUPT' });
      await expect(loadIndexFiles(dir)).rejects.toMatchObject({ code: 'INDEX_CORRUPT' });
    }
  });

  it('without an ids checksum (older manifests), ids that do not match the vectors or do not parse are INDEX_CORRUPT at restore', async () => {
    const index = await filled(await createHnswIndex({ dimensions: DIMS, initialCapacity: 8 }));
    const dir = await tempDir();
    const manifest = await saveIndex(dir, META, index);
    const { ids_sha256: _drop, ...older } = manifest;
    await writeFile(join(dir, 'manifest.json'), JSON.stringify(older));
    const idsPath = join(dir, manifest.ids_file);
    const ids = JSON.parse(await readFile(idsPath, 'utf8')) as string[];
    await writeFile(idsPath, JSON.stringify(ids.slice(1)));
    const shorter = await openIndexFiles(dir);
    await expect(restoreCachedHnsw({ dimensions: DIMS, file: shorter?.file ?? unreachable() })).rejects.toMatchObject({ code: 'INDEX_CORRUPT' });
    await writeFile(idsPath, '["c0|topic|0", ');
    const broken = await openIndexFiles(dir);
    await expect(restoreCachedHnsw({ dimensions: DIMS, file: broken?.file ?? unreachable() })).rejects.toMatchObject({ code: 'INDEX_CORRUPT' });
    await expect(createHnswIndex({ dimensions: DIMS, file: broken?.file ?? unreachable() })).rejects.toMatchObject({ code: 'INDEX_CORRUPT' });
  });
});

function unreachable(): never {
  throw new Error('expected a saved index');
}

describe('saving while the index changes', () => {
  it('a remove and a re-add during the native write leave a file and ids that agree (the kill -9 suite found a restart that crashed on them)', async () => {
    const dims = 64;
    const index = await createHnswIndex({ dimensions: dims, initialCapacity: 8 });
    const vectors = randomUnitVectors(20_000, dims, 11);
    await index.upsert(vectors.map((vector, i) => ({ id: `p${i}`, vector })));
    const path = join(await tempDir(), 'index.hnsw');
    // The native write runs on a libuv thread: a label deleted as it starts and re-used after the
    // writer has passed it was saved as deleted while the ids, read at the end, named it alive.
    const writing = index.saveToFile?.(path) ?? unreachable();
    const removed = Array.from({ length: 500 }, (_, i) => `p${i}`);
    const removing = index.remove(removed);
    await new Promise((r) => setTimeout(r, 30));
    const adding = index.upsert(removed.map((_, i) => ({ id: `new${i}`, vector: vectors[i + 1] as Float32Array })));
    const head = await writing;
    await Promise.all([removing, adding]);
    const restored = await createHnswIndex({ dimensions: dims, file: { ...head, path } });
    // Every id the saved ids call alive holds its own vector in the file, under a label the file does
    // not hold as deleted (hnswlib's getPoint throws "Label not found" for a deleted label). Read
    // directly, not through a search: an approximate top-1 over 20,000 random vectors may miss.
    const vectorOf = (id: string) => (id.startsWith('new') ? vectors[Number(id.slice(3)) + 1] : vectors[Number(id.slice(1))]) as Float32Array;
    const touched = head.ids.filter((id) => id.startsWith('new') || (id.startsWith('p') && Number(id.slice(1)) < 500));
    expect(touched.length).toBeGreaterThan(0);
    for (const id of touched) expect(dot(restored.get(id) ?? unreachable(), vectorOf(id)), id).toBeCloseTo(1, 5);
    const alive = head.ids.filter(Boolean);
    await expect(restored.remove(alive)).resolves.toBeUndefined();
    expect(restored.size()).toBe(0);
  }, 60_000);
});
