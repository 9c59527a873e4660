/**
 * Saves that cannot kill the server (issue #21), in-process: the background saver never rejects and
 * retries, a failed index save leaves the last good index and no stray files, start-up on a folder
 * where nothing can be saved serves from memory, unreadable call files are skipped, and STORAGE
 * messages do not reveal server paths.
 */
import { chmod, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileStore } from '../../src/adapters/node/file-store.js';
import { cleanIndexDir, loadIndexFiles, saveIndexFiles } from '../../src/adapters/node/index-files.js';
import { createFlatIndex } from '../../src/core/flat-index.js';
import { isCfpError } from '../../src/core/errors.js';
import { createIndexSaver } from '../../src/entry/index-saver.js';
import { createNodeRuntime } from '../../src/entry/node-runtime.js';
import { createFakeEmbedder } from '../fixtures/fake-embedder.js';
import { LAM_DRAFT } from '../http/helpers.js';
import { copySeedCalls } from '../fixtures/cfp/load.js';
import { tempDirs } from './fault-kit.js';

const tempDir = tempDirs();

const enospc = () => Object.assign(new Error("ENOSPC: no space left on device, write '/secret/server/path/x.tmp'"), { code: 'ENOSPC' });

describe('createIndexSaver', () => {
  it('never rejects for the server: logs the errno, retries with backoff and recovers', async () => {
    const events: Array<[string, Record<string, unknown> | undefined]> = [];
    let fail = 2;
    let saves = 0;
    const saver = createIndexSaver({
      strict: false,
      retryMs: [20],
      log: (e, f) => events.push([e, f]),
      save: async () => {
        saves++;
        if (fail-- > 0) throw enospc();
      },
    });
    expect(await saver.persist()).toBe(false);
    expect(saver.status()).toMatchObject({ current: false, failures: 1, error: 'ENOSPC' });
    await new Promise((r) => setTimeout(r, 150));
    expect(saver.status()).toEqual({ current: true, failures: 0 });
    expect(saves).toBe(3);
    expect(events.map(([e]) => e)).toEqual(['index.save_failed', 'index.save_failed', 'index.save_recovered']);
    expect(JSON.stringify(events)).not.toContain('/secret');
    saver.stop();
  });

  it('rejects with STORAGE for the CLI, without the path', async () => {
    const saver = createIndexSaver({ strict: true, log: () => {}, save: async () => Promise.reject(enospc()) });
    const err = await saver.persist().catch((e: unknown) => e);
    expect(isCfpError(err) && err.code).toBe('STORAGE');
    expect(String((err as Error).message)).not.toContain('/secret');
    // A later save still runs (the chain is not stuck on the failure).
    await expect(saver.persist()).rejects.toMatchObject({ code: 'STORAGE' });
  });
});

describe('index files on failure', () => {
  it('a save that cannot finish leaves the last good index and removes what it wrote', async () => {
    const dir = await tempDir('save-fail');
    const index = createFlatIndex({ dimensions: 4 });
    await index.upsert([{ id: 'a', vector: new Float32Array([1, 0, 0, 0]) }]);
    const good = await saveIndexFiles(dir, { embedder: 'e', calls_hash: 'h1' }, await index.save());
    const before = (await readdir(dir)).sort();
    await index.upsert([{ id: 'b', vector: new Float32Array([0, 1, 0, 0]) }]);
    // The manifest path is a directory: the data files get written, the commit fails.
    await rm(join(dir, 'manifest.json'));
    await mkdir(join(dir, 'manifest.json'));
    await writeFile(join(dir, 'manifest.json', 'x'), '');
    await expect(saveIndexFiles(dir, { embedder: 'e', calls_hash: 'h2' }, await index.save())).rejects.toThrow();
    const after = (await readdir(dir)).sort();
    expect(after.filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect(after.filter((n) => n.startsWith('vectors-'))).toEqual(before.filter((n) => n.startsWith('vectors-')));
    expect(good.passages).toBe(1);
  });

  it('cleanIndexDir removes temporary files of dead writers and keeps the manifest and its files', async () => {
    const dir = await tempDir('clean');
    const index = createFlatIndex({ dimensions: 4 });
    await index.upsert([{ id: 'a', vector: new Float32Array([1, 0, 0, 0]) }]);
    const m = await saveIndexFiles(dir, { embedder: 'e', calls_hash: 'h' }, await index.save());
    await writeFile(join(dir, 'vectors.999999.1700000000000.tmp'), 'torn');
    await writeFile(join(dir, `manifest.json.${process.pid}.1.tmp`), 'mine');
    expect(await cleanIndexDir(dir)).toBe(1);
    expect((await readdir(dir)).sort()).toEqual([m.ids_file, 'manifest.json', `manifest.json.${process.pid}.1.tmp`, m.vectors_file].sort());
    expect((await loadIndexFiles(dir))?.manifest.passages).toBe(1);
  });
});

describe('file store', () => {
  it('skips a directory named like a call and an unreadable file, with a warning, and lists the rest', async () => {
    const dir = await tempDir('store');
    copySeedCalls(dir);
    await mkdir(join(dir, 'adir.json'));
    await writeFile(join(dir, 'locked.json'), '{}');
    // Unreadable for a normal user; root reads it anyway and it is then skipped as invalid.
    await chmod(join(dir, 'locked.json'), 0o000);
    const events: string[] = [];
    const calls = await createFileStore({ dir, log: (e) => events.push(e) }).list();
    expect(calls.length).toBe(3);
    expect(events).toContain('store.unreadable_call');
  });

  it('a STORAGE error names the file and the errno, never the folder', async () => {
    const dir = await tempDir('store-err');
    const store = createFileStore({ dir });
    await mkdir(join(dir, 'blocked.json'));
    const err = await store.put({ id: 'blocked', title: 'T', scope: '', topics: [], dates: {}, guest_editors: [], rules: {}, warnings: [] }).catch((e: unknown) => e);
    expect(isCfpError(err) && err.code).toBe('STORAGE');
    const message = (err as Error).message;
    expect(message).toMatch(/blocked\.json/);
    expect(message).not.toContain(dir);
    expect((await readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});

describe('start-up where nothing can be saved', () => {
  it('serves from memory, reports the failure in its status, and does not throw', async () => {
    const dataDir = await tempDir('nosave');
    copySeedCalls(join(dataDir, 'calls'));
    // The index folder cannot be created: a file stands where it would go.
    await writeFile(join(dataDir, 'index'), 'not a folder');
    const events: string[] = [];
    const rt = await createNodeRuntime({ dataDir, embedderInstance: createFakeEmbedder(64), retrySaves: true, log: (e) => events.push(e) });
    expect(events).toContain('index.save_failed');
    expect(rt.persistence()).toMatchObject({ current: false });
    expect((await rt.matcher.rank(LAM_DRAFT)).results.length).toBeGreaterThan(0);
    await rt.dispose();
    // The CLI (no retrySaves) still fails loudly.
    await expect(createNodeRuntime({ dataDir, embedderInstance: createFakeEmbedder(64) })).rejects.toMatchObject({ code: 'STORAGE' });
    expect(await readFile(join(dataDir, 'index'), 'utf8')).toBe('not a folder');
  });
});
