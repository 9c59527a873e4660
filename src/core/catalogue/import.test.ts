import { describe, expect, it } from 'vitest';
import { cfpHtml, createFakeFetcher, listingHtml, type FakeDoc } from '../../../tests/fixtures/catalogue/pages.js';
import type { Call } from '../schema.js';
import { runSources } from './run.js';
import { emptyState, type CatalogueState, type SourceSpecInput } from './types.js';

function catalogue(site: Map<string, FakeDoc>) {
  const calls = new Map<string, Call>();
  const state: CatalogueState = emptyState();
  const fetcher = createFakeFetcher(site);
  let saves = 0;
  const run = (specs: SourceSpecInput[], now = new Date('2026-01-10T00:00:00Z'), dryRun = false) =>
    runSources(specs, {
      fetcher,
      calls: [...calls.values()],
      put: async (c) => void calls.set(c.id, c),
      state,
      saveState: async () => void saves++,
      now,
      dryRun,
    });
  return { calls, state, fetcher, run, saves: () => saves };
}

const A = 'https://pub.example/si/soil';
const B = 'https://pub.example/si/coral';
const LIST = 'https://pub.example/calls';

describe('importing and refreshing sources', () => {
  it('imports a page with its provenance, then answers a refresh with a 304 and writes nothing', async () => {
    const site = new Map([[A, { body: cfpHtml({ title: 'Soil Microbiomes', deadline: '31 March 2026', topics: ['Drought', 'Warming'] }), etag: '"v1"' }]]);
    const c = catalogue(site);
    const first = await c.run([{ url: A, name: 'pub', licence: 'CC BY 4.0' }]);
    expect(first.reports[0]).toMatchObject({ kind: 'page', added: ['soil-microbiomes'], fetched: 1, failures: [] });
    const call = c.calls.get('soil-microbiomes');
    expect(call?.sources).toEqual([expect.objectContaining({ url: A, kind: 'page', name: 'pub', licence: 'CC BY 4.0', etag: '"v1"', fetched_at: '2026-01-10T00:00:00.000Z' })]);
    expect(call?.sources?.[0]?.content_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(call?.first_seen).toBe('2026-01-10T00:00:00.000Z');

    const second = await c.run([{ url: A }], new Date('2026-01-11T00:00:00Z'));
    expect(second.reports[0]).toMatchObject({ added: [], updated: [], fetched: 0, not_modified: 1, unchanged: 1 });
    expect(second.written).toBe(0);
    expect(c.fetcher.conditional).toBe(1);
  });

  it('re-fetches without validators when the call it produced was deleted', async () => {
    const site = new Map([[A, { body: cfpHtml({ title: 'Soil Microbiomes', deadline: '31 March 2026' }), etag: '"v1"' }]]);
    const c = catalogue(site);
    await c.run([{ url: A }]);
    c.calls.clear();
    const again = await c.run([{ url: A }]);
    expect(again.reports[0]?.added).toEqual(['soil-microbiomes']);
  });

  it('keeps an extended deadline in deadline_history and updates the call', async () => {
    const site = new Map([[A, { body: cfpHtml({ title: 'Soil Microbiomes', deadline: '31 March 2026' }), etag: '"v1"' }]]);
    const c = catalogue(site);
    await c.run([{ url: A }]);
    site.set(A, { body: cfpHtml({ title: 'Soil Microbiomes', deadline: '30 April 2026' }), etag: '"v2"' });
    const r = await c.run([{ url: A }], new Date('2026-03-01T00:00:00Z'));
    expect(r.reports[0]?.updated).toEqual(['soil-microbiomes']);
    const call = c.calls.get('soil-microbiomes');
    expect(call?.dates.submission_deadline).toBe('2026-04-30');
    expect(call?.deadline_history).toEqual([{ deadline: '2026-03-31', replaced_at: '2026-03-01T00:00:00.000Z', source: A }]);
    expect(call?.updated_at).toBe('2026-03-01T00:00:00.000Z');
  });

  it('parses again but writes nothing when a page changed only outside the call', async () => {
    const site = new Map([[A, { body: cfpHtml({ title: 'Soil Microbiomes', deadline: '31 March 2026' }) }]]);
    const c = catalogue(site);
    await c.run([{ url: A }]);
    site.set(A, { body: cfpHtml({ title: 'Soil Microbiomes', deadline: '31 March 2026' }).replace('Cookies', 'Cookie policy') });
    const r = await c.run([{ url: A }]);
    expect(r.reports[0]).toMatchObject({ fetched: 1, updated: [], unchanged: 1 });
    expect(r.written).toBe(0);
  });

  it('fails a first import of a source that is gone, naming it, for any kind; a refresh of a known one marks its calls instead', async () => {
    const site = new Map<string, FakeDoc>([[A, { body: cfpHtml({ title: 'Soil Microbiomes', deadline: '31 March 2026' }) }]]);
    const c = catalogue(site);
    for (const kind of [undefined, 'page', 'feed', 'listing', 'bulk'] as const) {
      const r = await c.run([{ url: B, ...(kind ? { kind } : {}) }]);
      expect(r.reports[0]?.added).toEqual([]);
      expect(r.reports[0]?.failures).toEqual([{ url: B, code: 'FETCH_FAILED', message: `${B}: answered HTTP 404; nothing to import (check the URL or path)` }]);
    }
    const file = await c.run([{ url: 'sources/missing.jsonl' }]);
    expect(file.reports[0]?.failures[0]?.message).toBe('sources/missing.jsonl: no such file; nothing to import (check the URL or path)');
    await c.run([{ url: A }]);
    site.set(A, { body: '', status: 'gone' });
    const refresh = await c.run([{ url: A }], new Date('2026-02-01T00:00:00Z'));
    expect(refresh.reports[0]?.failures).toEqual([]);
    expect(refresh.reports[0]?.withdrawn).toEqual(['soil-microbiomes']);
  });

  it('withdraws a vanished call whose deadline is ahead, and leaves a closed one closed', async () => {
    const site = new Map<string, FakeDoc>([
      [A, { body: cfpHtml({ title: 'Soil Microbiomes', deadline: '31 March 2026' }) }],
      [B, { body: cfpHtml({ title: 'Coral Reefs', deadline: '31 December 2025' }) }],
    ]);
    const c = catalogue(site);
    await c.run([{ url: A }, { url: B }]);
    site.set(A, { body: '', status: 'gone' });
    site.set(B, { body: '', status: 'gone' });
    const r = await c.run([{ url: A }, { url: B }], new Date('2026-02-01T00:00:00Z'));
    expect(r.reports.flatMap((x) => x.withdrawn)).toEqual(['soil-microbiomes']);
    expect(c.calls.get('soil-microbiomes')).toMatchObject({ status: 'withdrawn' });
    expect(c.calls.get('soil-microbiomes')?.sources?.[0]?.removed_at).toBe('2026-02-01T00:00:00.000Z');
    expect(c.calls.get('coral-reefs')?.status).toBeUndefined();
    expect(c.calls.get('coral-reefs')?.sources?.[0]?.removed_at).toBe('2026-02-01T00:00:00.000Z');
  });

  it('follows a listing up to its limit, merges a call that a page already gave, and marks links that left it', async () => {
    const pages = ['soil', 'coral', 'forest'].map((s) => `https://pub.example/si/${s}`);
    const site = new Map<string, FakeDoc>([
      [LIST, { body: listingHtml(pages.map((href, i) => ({ href, text: `Call ${i}` }))) }],
      [pages[0]!, { body: cfpHtml({ title: 'Soil Microbiomes', deadline: '31 March 2026' }) }],
      [pages[1]!, { body: cfpHtml({ title: 'Coral Reefs', deadline: '30 June 2026' }) }],
      [pages[2]!, { body: cfpHtml({ title: 'Forest Carbon', deadline: '30 June 2026' }) }],
    ]);
    const c = catalogue(site);
    await c.run([{ url: pages[0]!, kind: 'page' }]);
    const r = await c.run([{ url: LIST, kind: 'listing', limit: 2 }]);
    expect(r.reports[0]).toMatchObject({ kind: 'listing', added: ['coral-reefs'] });
    expect(c.calls.size).toBe(2);
    // The page source's call was refreshed by the listing, not duplicated.
    expect(c.calls.get('soil-microbiomes')?.sources?.map((s) => s.kind)).toEqual(['page']);
    site.set(LIST, { body: listingHtml([{ href: pages[0]!, text: 'Call 0' }]) });
    const later = await c.run([{ url: LIST, kind: 'listing' }]);
    expect(later.reports[0]?.withdrawn).toEqual(['coral-reefs']);
  });

  it('auto-detects a listing and merges the same call met under another URL into one call with both sources', async () => {
    const other = 'https://mirror.example/cfp/soil-microbiomes';
    const site = new Map<string, FakeDoc>([
      [A, { body: cfpHtml({ title: 'Soil Microbiomes', deadline: '31 March 2026', venue: 'Soil Biology' }) }],
      [LIST, { body: listingHtml([{ href: other, text: 'Soil' }, { href: B, text: 'Coral' }]) }],
      [other, { body: cfpHtml({ title: 'Soil microbiomes', deadline: '31 March 2026' }) }],
      [B, { body: cfpHtml({ title: 'Coral Reefs', deadline: '30 June 2026' }) }],
    ]);
    const c = catalogue(site);
    await c.run([{ url: A }]);
    const r = await c.run([{ url: LIST }]);
    expect(r.reports[0]?.kind).toBe('listing');
    expect(r.reports[0]?.merged).toEqual([{ id: 'soil-microbiomes', url: other, reason: 'same title, one venue unknown' }]);
    expect(c.calls.get('soil-microbiomes')?.sources?.map((s) => s.url)).toEqual([A, other]);
  });

  it('reports a second edition and a near duplicate without merging them', async () => {
    const e2 = 'https://pub.example/si/soil-2';
    const near = 'https://pub.example/si/soil-near';
    const site = new Map<string, FakeDoc>([
      [A, { body: cfpHtml({ title: 'Soil Microbiomes in Agriculture', deadline: '31 March 2025' }) }],
      [e2, { body: cfpHtml({ title: 'Soil Microbiomes in Agriculture, 2nd Edition', deadline: '31 March 2026' }) }],
      [near, { body: cfpHtml({ title: 'Soil Microbiomes in Sustainable Agriculture', deadline: '15 May 2026' }) }],
    ]);
    const c = catalogue(site);
    const r = await c.run([{ url: A }, { url: e2 }, { url: near }]);
    expect(c.calls.size).toBe(3);
    const dups = r.reports.flatMap((x) => x.near_duplicates);
    expect(dups.find((d) => d.kind === 'edition')).toMatchObject({ other: 'soil-microbiomes-in-agriculture' });
    expect(dups.some((d) => d.kind === 'near')).toBe(true);
  });

  it('reads a feed: items with the call in their body, items that link to a page, and a bad item', async () => {
    const body = `<p>We invite papers on marine robotics for ocean observation.</p><h3>Topics</h3><ul><li>Underwater vehicles</li><li>Sensor networks</li></ul><p>Submission deadline: 15 September 2026</p>`.repeat(2);
    const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>Calls</title>
      <item><title>Marine Robotics</title><link>https://pub.example/si/marine</link><description><![CDATA[${body}]]></description></item>
      <item><title>Coral Reefs</title><link>${B}</link><description>See the call.</description></item>
      <item><description>nothing here</description></item>
    </channel></rss>`;
    const site = new Map<string, FakeDoc>([
      ['https://pub.example/feed.xml', { body: rss, type: 'application/rss+xml' }],
      [B, { body: cfpHtml({ title: 'Coral Reefs', deadline: '30 June 2026' }) }],
    ]);
    const c = catalogue(site);
    const r = await c.run([{ url: 'https://pub.example/feed.xml' }]);
    expect(r.reports[0]).toMatchObject({ kind: "feed" });
    expect(r.reports[0]?.added.sort()).toEqual(['coral-reefs', 'marine-robotics']);
    expect(r.reports[0]?.failures).toEqual([expect.objectContaining({ code: 'BAD_INPUT', message: expect.stringContaining('item 3') })]);
    expect(c.calls.get('marine-robotics')).toMatchObject({ topics: ['Underwater vehicles', 'Sensor networks'], dates: { submission_deadline: '2026-09-15' } });
    expect(c.calls.get('coral-reefs')?.sources?.[0]).toMatchObject({ url: B, kind: 'feed' });
  });

  it('imports a bulk file in the aggregator shape and drops records that left it', async () => {
    const rec = (title: string, url: string, deadline: string) => ({
      title,
      journal: 'Information Systems Journal',
      url,
      topics: ['Work', 'Organisations'],
      description: { paragraphs: ['First paragraph.', 'Second.'] },
      editors: [{ name: 'Robert Davison', affiliation: 'City University of Hong Kong' }],
      dates: [
        { date: '2025-06-30T12:00:00.000Z', description: 'Extended abstracts', is_full_paper_submission_deadline: false },
        { date: `${deadline}T12:00:00.000Z`, description: 'Full paper submission deadline', is_full_paper_submission_deadline: true },
      ],
    });
    const FILE = 'https://data.example/calls.json';
    const site = new Map<string, FakeDoc>([[FILE, { body: JSON.stringify([rec('Hybrid Work', 'https://isj.example/a', '2026-12-31'), rec('Digital Resilience', 'https://isj.example/b', '2027-01-31')]), type: 'application/json' }]]);
    const c = catalogue(site);
    const r = await c.run([{ url: FILE }]);
    expect(r.reports[0]).toMatchObject({ kind: 'bulk', added: ['hybrid-work', 'digital-resilience'] });
    expect(c.calls.get('hybrid-work')).toMatchObject({ venue: 'Information Systems Journal', scope: 'First paragraph.\n\nSecond.', dates: { submission_deadline: '2026-12-31' }, guest_editors: [{ name: 'Robert Davison' }] });
    expect(c.calls.get('hybrid-work')?.sources?.[0]).toMatchObject({ url: 'https://isj.example/a', kind: 'bulk' });
    site.set(FILE, { body: JSON.stringify([rec('Hybrid Work', 'https://isj.example/a', '2026-12-31')]), type: 'application/json' });
    const later = await c.run([{ url: FILE }]);
    expect(later.reports[0]).toMatchObject({ withdrawn: ['digital-resilience'], updated: [] });
  });

  it("keeps a page's published papers as the call's exemplars; a refresh replaces the page's list and keeps papers added by hand", async () => {
    const site = new Map([[A, { body: cfpHtml({ title: 'Soil Microbiomes', deadline: '31 March 2026', topics: ['Drought', 'Warming'], papers: ['Soil carbon under drought', 'Fungal networks in warming soils'] }), etag: '"v1"' }]]);
    const c = catalogue(site);
    await c.run([{ url: A }]);
    const first = c.calls.get('soil-microbiomes');
    expect(first?.papers?.map((p) => [p.title, p.doi, p.source])).toEqual([
      ['Soil carbon under drought', '10.5555/paper.soil-carbon-under-drought', 'catalogue'],
      ['Fungal networks in warming soils', '10.5555/paper.fungal-networks-in-warming-soils', 'catalogue'],
    ]);
    expect(first?.papers?.[0]?.abstract).toMatch(/^We study soil carbon under drought/);
    // The papers are the call's exemplars, not its topics or scope.
    expect(first?.topics).toEqual(['Drought', 'Warming']);
    expect(first?.scope ?? '').not.toMatch(/fungal networks/i);
    expect(first?.field_sources?.['papers']?.where).toContain('Published Papers');

    // An editor adds a paper by hand; the page then lists a third paper and drops the first.
    c.calls.set('soil-microbiomes', { ...(first as Call), papers: [...(first?.papers ?? []), { id: 'pmanual', title: 'A hand-added paper', abstract: '', keywords: [], source: 'manual' }] });
    site.set(A, { body: cfpHtml({ title: 'Soil Microbiomes', deadline: '31 March 2026', topics: ['Drought', 'Warming'], papers: ['Fungal networks in warming soils', 'Nitrogen cycling after fire'] }), etag: '"v2"' });
    const r = await c.run([{ url: A }], new Date('2026-01-12T00:00:00Z'));
    expect(r.reports[0]?.updated).toEqual(['soil-microbiomes']);
    expect(c.calls.get('soil-microbiomes')?.papers?.map((p) => [p.title, p.source])).toEqual([
      ['A hand-added paper', 'manual'],
      ['Fungal networks in warming soils', 'catalogue'],
      ['Nitrogen cycling after fire', 'catalogue'],
    ]);
    // The first import's abstract is kept for a paper the page still lists.
    expect(c.calls.get('soil-microbiomes')?.papers?.[1]?.abstract).toMatch(/^We study fungal networks/);

    // A page that now lists no papers (a template change, a list moved to another page) leaves them alone.
    site.set(A, { body: cfpHtml({ title: 'Soil Microbiomes', deadline: '31 March 2026', topics: ['Drought', 'Warming'] }), etag: '"v3"' });
    await c.run([{ url: A }], new Date('2026-01-13T00:00:00Z'));
    expect(c.calls.get('soil-microbiomes')?.papers).toHaveLength(3);
  });

  it('plans without writing on a dry run', async () => {
    const site = new Map([[A, { body: cfpHtml({ title: 'Soil Microbiomes', deadline: '31 March 2026' }) }]]);
    const c = catalogue(site);
    const r = await c.run([{ url: A }], undefined, true);
    expect(r.reports[0]?.added).toEqual(['soil-microbiomes']);
    expect(r.written).toBe(0);
    expect(c.calls.size).toBe(0);
    expect(c.saves()).toBe(0);
  });
});
