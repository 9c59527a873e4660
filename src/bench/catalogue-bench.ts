/**
 * `npm run bench -- --only catalogue`: (1) import + parse + index of N saved CFP pages (HTML files
 * rendered from the bundled catalogue's real calls, varied so all N differ): pages/s for fetch +
 * parse + de-duplicate + store, and the embedding time of their passages; (2) a refresh of an
 * unchanged catalogue of N page sources served by a local HTTP server (127.0.0.1, ETags): every
 * page a 304, nothing parsed, nothing embedded.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFileFetcher } from '../adapters/node/file-fetcher.js';
import { createFileStore } from '../adapters/node/file-store.js';
import { createHttpFetcher } from '../adapters/node/http-fetcher.js';
import { createUseLiteEmbedder } from '../adapters/node/use-lite-embedder.js';
import { runSources } from '../core/catalogue/run.js';
import { emptyState } from '../core/catalogue/types.js';
import { createFlatIndex } from '../core/flat-index.js';
import { createMatcher } from '../core/matcher.js';
import { createMemoryStore } from '../core/memory-store.js';
import type { Call } from '../core/schema.js';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** A publisher-like page for call `c`, variant `k`. */
function page(c: Call, k: number): string {
  const topics = k % 2 ? [...c.topics].reverse() : c.topics;
  return `<!doctype html><html><head><meta charset="utf-8"><title>${esc(c.title)}</title></head><body><nav>Journals</nav><main>
<h1>Special Issue: ${esc(c.title)}${k ? ` (${k + 1})` : ''}</h1>
${c.venue ? `<p>A special issue of ${esc(c.venue)}</p>` : ''}
${(c.scope || `This special issue invites original research on ${c.title}.`).split('\n\n').map((p) => `<p>${esc(p)}</p>`).join('\n')}
${topics.length ? `<h2>Topics of interest include</h2><ul>${topics.map((t) => `<li>${esc(t)}</li>`).join('')}</ul>` : ''}
<h2>Important dates</h2><p><strong>Submission deadline:</strong> ${c.dates.submission_deadline ?? '31 December 2027'}</p>
${c.guest_editors.length ? `<h2>Guest Editors</h2>${c.guest_editors.map((g) => `<p>${esc(g.name)}${g.affiliation ? `, ${esc(g.affiliation)}` : ''}</p>`).join('')}` : ''}
</main><footer>Cookies</footer></body></html>`;
}

export interface CatalogueBenchOptions {
  pages: number;
  /** Embed with USE-lite (the real cost); false skips the embedding part. */
  embed: boolean;
}

/**
 * @example
 * await benchCatalogue({ pages: 1000, embed: true })
 */
export async function benchCatalogue(opts: CatalogueBenchOptions) {
  const real = (await createFileStore({ dir: 'data/calls' }).list()).filter((c) => c.title.length > 10);
  const dir = await mkdtemp(join(tmpdir(), 'cfpmatch-catalogue-bench-'));
  try {
    const bodies: string[] = [];
    for (let i = 0; i < opts.pages; i++) {
      const c = real[i % real.length] as Call;
      bodies.push(page(c, Math.floor(i / real.length)));
      await writeFile(join(dir, `p${i}.html`), bodies[i] as string);
    }
    // 1. Import + parse + store from saved files (no network), then index.
    const calls = new Map<string, Call>();
    const t0 = performance.now();
    const imported = await runSources(
      bodies.map((_, i) => ({ url: join(dir, `p${i}.html`), kind: 'page' as const })),
      { fetcher: createFileFetcher(), calls: [], put: async (c) => void calls.set(c.id, c), state: emptyState(), saveState: async () => {} },
    );
    const importMs = performance.now() - t0;
    const failures = imported.reports.reduce((n, r) => n + r.failures.length, 0);
    let embed: Record<string, number | string> = { skipped: 'run with the default --catalogue-embed 1 to measure' };
    if (opts.embed) {
      const embedder = createUseLiteEmbedder({ threads: 2 });
      const matcher = createMatcher({ embedder, index: createFlatIndex({ dimensions: embedder.dimensions }), store: createMemoryStore([...calls.values()]) });
      const t1 = performance.now();
      const { embedded } = await matcher.sync();
      const ms = performance.now() - t1;
      embed = { passages: embedded, seconds: round(ms / 1000), passages_per_s: round(embedded / (ms / 1000)) };
      await embedder.dispose?.();
    }
    // 2. Refresh an unchanged catalogue of N page sources from a local server: all 304s.
    const etag = (i: number) => `"p${i}"`;
    let full = 0;
    const server = createServer((req, res) => {
      const m = /^\/si\/(\d+)$/.exec(req.url ?? '');
      if (!m) return void res.writeHead(404).end();
      const i = Number(m[1]);
      if (req.headers['if-none-match'] === etag(i)) return void res.writeHead(304, { etag: etag(i) }).end();
      full++;
      res.writeHead(200, { 'content-type': 'text/html', etag: etag(i) }).end(bodies[i]);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const fetcher = createHttpFetcher({ allowPrivate: true, hostDelayMs: 0 });
    const specs = bodies.map((_, i) => ({ url: `${base}/si/${i}`, kind: 'page' as const }));
    const state = emptyState();
    const store = new Map<string, Call>();
    const put = async (c: Call) => void store.set(c.id, c);
    await runSources(specs, { fetcher, calls: [], put, state, saveState: async () => {} });
    const firstFull = full;
    const t2 = performance.now();
    const refresh = await runSources(specs, { fetcher, calls: [...store.values()], put, state, saveState: async () => {} });
    const refreshMs = performance.now() - t2;
    await fetcher.dispose();
    server.close();
    const index = createMatcher({ embedder: { id: 'count', dimensions: 4, embed: async (t) => t.map(() => new Float32Array([1, 0, 0, 0])) }, index: createFlatIndex({ dimensions: 4 }), store: createMemoryStore([...store.values()]) });
    await index.sync();
    // Refreshed calls go through the same index: passages are content-addressed, so nothing is embedded again.
    const reembed = await index.sync();
    return {
      pages: opts.pages,
      import: { seconds: round(importMs / 1000), pages_per_s: round(opts.pages / (importMs / 1000)), calls: calls.size, failures },
      embed,
      refresh_unchanged: {
        sources: opts.pages,
        seconds: round(refreshMs / 1000),
        fetched: refresh.reports.reduce((n, r) => n + r.fetched, 0),
        not_modified: refresh.reports.reduce((n, r) => n + r.not_modified, 0),
        full_responses: full - firstFull,
        written: refresh.written,
        embedded: reembed.embedded,
      },
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const round = (x: number) => Math.round(x * 100) / 100;
