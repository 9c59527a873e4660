import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCatalogueState, readSourcesFile, saveCatalogueState } from '../../src/adapters/node/catalogue-files.js';
import { parseEvery } from '../../src/adapters/node/node-catalogue.js';

const dir = mkdtempSync(join(tmpdir(), 'cfpmatch-sources-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the sources file, the refresh state and REFRESH_EVERY', () => {
  it('reads sources.yaml with defaults applied, and names the problem in a bad file', async () => {
    writeFileSync(join(dir, 'sources.yaml'), '- url: https://example.org/calls\n  kind: listing\n  limit: 5\n- url: https://example.org/feed.xml\n');
    const { file, sources } = await readSourcesFile(dir);
    expect(file).toBe(join(dir, 'sources.yaml'));
    expect(sources).toEqual([
      { url: 'https://example.org/calls', kind: 'listing', limit: 5 },
      { url: 'https://example.org/feed.xml', kind: 'auto', limit: 50 },
    ]);
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ sources: [{ url: 'https://x.org', kind: 'magazine' }] }));
    await expect(readSourcesFile(dir, join(dir, 'bad.json'))).rejects.toMatchObject({ code: 'VALIDATION', fields: [expect.objectContaining({ path: 'sources.0.kind' })] });
    await expect(readSourcesFile(join(dir, 'nowhere'))).rejects.toMatchObject({ code: 'BAD_INPUT', message: expect.stringContaining('no sources file') });
    // Windows editors save JSON with a byte-order mark, which JSON.parse rejects.
    writeFileSync(join(dir, 'bom.json'), `\uFEFF${JSON.stringify([{ url: 'https://example.org/cfp' }])}`);
    expect((await readSourcesFile(dir, join(dir, 'bom.json'))).sources).toEqual([{ url: 'https://example.org/cfp', kind: 'auto', limit: 50 }]);
  });

  it('saves and loads the state, and starts afresh from a corrupt one', async () => {
    await saveCatalogueState(dir, { version: 1, documents: { 'https://x.org/a': { etag: '"1"', content_hash: 'ab', fetched_at: '2026-01-01T00:00:00.000Z' } } });
    expect((await loadCatalogueState(dir)).documents['https://x.org/a']?.etag).toBe('"1"');
    writeFileSync(join(dir, 'catalogue-state.json'), '{"version": 1, "documents": ');
    expect(await loadCatalogueState(dir)).toEqual({ version: 1, documents: {} });
  });

  it('reads REFRESH_EVERY, off by default, at least a minute', () => {
    expect(parseEvery(undefined)).toBeUndefined();
    expect(parseEvery('off')).toBeUndefined();
    expect(parseEvery('30m')).toBe(1_800_000);
    expect(parseEvery('6h')).toBe(21_600_000);
    expect(parseEvery('120')).toBe(120_000);
    expect(() => parseEvery('10s')).toThrow(/at least one minute/);
    expect(() => parseEvery('weekly')).toThrow(/REFRESH_EVERY/);
  });
});
