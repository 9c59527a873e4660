/**
 * Faults: a writer SIGKILLed mid-save leaves the old or the new index and
 * call, a truncated index is detected and rebuilt on start, and concurrent
 * ingests and rankings leave an index that holds exactly the owned passages.
 */
import { spawn } from 'node:child_process';
import { readFile, truncate } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileStore } from '../../src/adapters/node/file-store.js';
import { loadIndexFiles, type IndexManifest } from '../../src/adapters/node/index-files.js';
import { Call } from '../../src/core/schema.js';
import { createNodeRuntime } from '../../src/entry/node-runtime.js';
import { copySeedCalls } from '../fixtures/cfp/load.js';
import { createFakeEmbedder } from '../fixtures/fake-embedder.js';
import { LAM_DRAFT, testMatcher } from '../http/helpers.js';
import { tempDirs } from './fault-kit.js';
import { crashVersions } from './fixtures/crash-versions.js';

const KILLS = Number(process.env.CRASH_KILLS ?? 6);
const tempDir = tempDirs();

/** Start the writer, wait until both versions were written once, let it run a random while, SIGKILL it. */
async function runAndKill(dir: string, delayMs: number): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'fixtures/crash-writer.ts'), dir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => d.toString().includes('ready') && resolve());
    child.on('exit', (code) => reject(new Error(`writer exited ${code} before ready: ${err}`)));
  });
  await new Promise((r) => setTimeout(r, delayMs));
  const exited = new Promise((r) => child.on('exit', r));
  child.kill('SIGKILL');
  await exited;
}

describe('crash during a save', () => {
  it(`a writer SIGKILLed ${KILLS} times mid-write always leaves an index and a call that load as version A or B`, async () => {
    const versions = crashVersions();
    const shaOf = async (v: (typeof versions)[number]) => {
      const { createHash } = await import('node:crypto');
      return createHash('sha256').update(v.raw.bytes).digest('hex');
    };
    const shas = await Promise.all(versions.map(shaOf));
    const seen = { index: new Set<string>(), call: new Set<string>() };
    for (let k = 0; k < KILLS; k++) {
      const dir = await tempDir('crash');
      await runAndKill(dir, 20 + Math.floor(Math.random() * 300));
      const saved = await loadIndexFiles(join(dir, 'index'));
      expect(saved).toBeDefined();
      const i = shas.indexOf(saved?.manifest.sha256 ?? '');
      expect(i).toBeGreaterThanOrEqual(0);
      expect(saved?.raw.ids).toEqual(versions[i]?.raw.ids);
      seen.index.add(versions[i]?.name ?? '?');

      const calls = await createFileStore({ dir: join(dir, 'calls') }).list();
      expect(calls).toHaveLength(1);
      const call = calls[0];
      const byTitle = versions.find((v) => v.call.title === call?.title);
      expect(byTitle).toBeDefined();
      expect(call?.scope).toBe(byTitle?.call.scope);
      // The JSON and its CFP text come from the same version (the JSON names the text's hash).
      expect(call?.source_text).toBe(byTitle?.call.source_text);
      seen.call.add(byTitle?.name ?? '?');
    }
    console.info(`crash test: ${KILLS} kills; index versions seen: ${[...seen.index].join(',')}; call versions seen: ${[...seen.call].join(',')}`);
    // Each kill starts a tsx writer (several seconds on a loaded machine): 12 kills passed 120 s at load 25.
  }, 60_000 + KILLS * 30_000);
});

describe('corrupt index on start', () => {
  it('a truncated vectors file is detected, the index rebuilt, and ranking works', async () => {
    const dataDir = await tempDir('corrupt');
    copySeedCalls(join(dataDir, 'calls'));
    const embedder = createFakeEmbedder(64);
    const first = await createNodeRuntime({ dataDir, embedderInstance: embedder });
    const passages = first.matcher.corpus.index.size();
    await first.dispose();

    const manifest = JSON.parse(await readFile(join(dataDir, 'index/manifest.json'), 'utf8')) as IndexManifest;
    await truncate(join(dataDir, 'index', manifest.vectors_file ?? 'vectors.bin'), 100);
    await expect(loadIndexFiles(join(dataDir, 'index'))).rejects.toMatchObject({ code: 'INDEX_CORRUPT' });

    const events: string[] = [];
    const second = await createNodeRuntime({ dataDir, embedderInstance: embedder, log: (e) => events.push(e) });
    expect(events).toContain('index.corrupt');
    expect(second.matcher.corpus.index.size()).toBe(passages);
    const ranking = await second.matcher.rank(LAM_DRAFT);
    expect(ranking.results.length).toBeGreaterThan(0);
    await second.dispose();
    // The rebuilt index was saved and loads cleanly.
    expect((await loadIndexFiles(join(dataDir, 'index')))?.manifest.passages).toBe(passages);
  }, 60_000);
});

describe('concurrent ingests and rankings', () => {
  it('do not interleave: the index holds exactly the passages the calls own', async () => {
    const matcher = await testMatcher();
    const calls = Array.from({ length: 12 }, (_, i) => Call.parse({
      id: `conc-${i}`,
      title: `Concurrent call ${i} on edge inference`,
      scope: `Scope ${i}: federated learning, scheduling and compression for call ${i}.`,
      topics: Array.from({ length: 1 + (i % 4) }, (_, t) => `topic ${t} of call ${i}`),
    }));
    const work: Array<Promise<unknown>> = [];
    for (const [i, call] of calls.entries()) {
      work.push(matcher.ingest(call));
      // Re-ingest some with fewer topics and delete others while rankings run.
      if (i % 3 === 0) work.push(matcher.ingest(Call.parse({ ...call, topics: ['only topic'] })));
      if (i % 4 === 1) work.push(matcher.remove(call.id));
      work.push(matcher.rank(LAM_DRAFT));
    }
    const settled = await Promise.allSettled(work);
    expect(settled.filter((s) => s.status === 'rejected')).toEqual([]);
    const owned = [...matcher.corpus.passagesByCall.values()].reduce((n, ps) => n + ps.length, 0);
    expect(matcher.corpus.index.size()).toBe(owned);
    for (const ps of matcher.corpus.passagesByCall.values()) for (const p of ps) expect(matcher.corpus.index.has(p.id)).toBe(true);
    expect(matcher.getCall('conc-0').topics).toEqual(['only topic']);
    expect(() => matcher.getCall('conc-1')).toThrow(/no call/);
  });
});
