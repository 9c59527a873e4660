import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFileStore } from '../../src/adapters/node/file-store.js';
import { Call } from '../../src/core/schema.js';
import { testCallStore } from '../contracts/call-store.js';

const TMP = join(process.cwd(), 'tests', '.tmp');
let root = '';
let n = 0;
const freshDir = (): string => join(root, `store-${n++}`);

beforeAll(async () => {
  await mkdir(TMP, { recursive: true });
  root = await mkdtemp(join(TMP, 'file-store-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

// Each store gets a folder that does not exist yet: put() must create it.
testCallStore('file', () => createFileStore({ dir: freshDir() }));

describe('createFileStore', () => {
  const call = Call.parse({ id: 'c1', title: 'Edge AI', source_text: 'CALL FOR PAPERS\nEdge AI' });

  it('keeps the CFP text in <id>.txt, not in the JSON, and leaves no temp files', async () => {
    const dir = freshDir();
    await createFileStore({ dir }).put(call);
    expect((await readdir(dir)).sort()).toEqual(['c1.json', 'c1.txt']);
    expect(JSON.parse(await readFile(join(dir, 'c1.json'), 'utf8'))).not.toHaveProperty('source_text');
    expect(await readFile(join(dir, 'c1.txt'), 'utf8')).toBe(call.source_text);
  });

  it('skips invalid files with a warning instead of failing the listing', async () => {
    const dir = freshDir();
    const events: Array<[string, Record<string, unknown> | undefined]> = [];
    const store = createFileStore({ dir, log: (event, fields) => events.push([event, fields]) });
    await store.put(call);
    await writeFile(join(dir, 'broken.json'), '{ not json');
    await writeFile(join(dir, 'no-title.json'), JSON.stringify({ id: 'no-title' }));
    await writeFile(join(dir, 'renamed.json'), JSON.stringify({ id: 'other-id', title: 'T' }));
    await writeFile(join(dir, 'raw-only.txt'), 'A CFP nobody has parsed yet');
    expect((await store.list()).map((c) => c.id)).toEqual(['c1']);
    expect(events.map(([e, f]) => [e, f?.file]).sort()).toEqual([
      ['store.invalid_call', 'broken.json'],
      ['store.invalid_call', 'no-title.json'],
      ['store.invalid_call', 'renamed.json'],
    ]);
    expect(await store.get('no-title')).toBeUndefined();
    // The unparsed .txt is left for the caller to parse; delete() still removes it.
    expect(await store.delete('raw-only')).toBe(true);
    expect(await readdir(dir)).not.toContain('raw-only.txt');
  });

  it('reads a call file an editor saved with a byte-order mark', async () => {
    const dir = freshDir();
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'bom.json'), `\uFEFF${JSON.stringify({ id: 'bom', title: 'Saved on Windows' })}`);
    expect((await createFileStore({ dir }).get('bom'))?.title).toBe('Saved on Windows');
  });

  it('never reads outside its folder', async () => {
    const dir = freshDir();
    await mkdir(dir, { recursive: true });
    await writeFile(join(root, 'outside.json'), JSON.stringify({ id: 'outside', title: 'T' }));
    const store = createFileStore({ dir });
    expect(await store.get('../outside')).toBeUndefined();
    expect(await store.delete('../outside')).toBe(false);
    expect(await readdir(root)).toContain('outside.json');
  });

  it('lists nothing for a folder that does not exist', async () => {
    expect(await createFileStore({ dir: join(root, 'missing') }).list()).toEqual([]);
  });
});
