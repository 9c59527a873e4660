/**
 * The catalogue's Fetcher for saved files (a page saved from a browser, a feed, a JSONL export):
 * paths or `file:` URLs. The etag is a hash of the bytes, so an unchanged file is a 304 too.
 * Never given to the HTTP server: only the CLI and the catalogue build read local files.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createError } from '../../core/errors.js';
import type { Fetcher, FetchResult } from '../../core/catalogue/types.js';
import { createHttpFetcher, type HttpFetcherOptions } from './http-fetcher.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.htm': 'text/html',
  '.xml': 'application/xml',
  '.rss': 'application/rss+xml',
  '.atom': 'application/atom+xml',
  '.json': 'application/json',
  '.jsonl': 'application/x-ndjson',
  '.ndjson': 'application/x-ndjson',
  '.csv': 'text/csv',
  '.txt': 'text/plain',
  '.md': 'text/plain',
};

export interface FileFetcherOptions {
  /** Relative paths resolve against this folder (default: the working directory). */
  baseDir?: string;
  maxBytes?: number;
}

/**
 * @example
 * const files = createFileFetcher({ baseDir: 'data/catalogue' });
 * await files.fetch('sources/julianprester-calls.json');
 */
export function createFileFetcher(opts: FileFetcherOptions = {}): Fetcher {
  const maxBytes = opts.maxBytes ?? 50 * 1024 * 1024;
  return {
    async fetch(ref, validators): Promise<FetchResult> {
      const path = ref.startsWith('file:') ? fileURLToPath(ref) : resolve(opts.baseDir ?? '.', ref);
      let body: Buffer;
      try {
        body = await readFile(path);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { status: 'gone', httpStatus: 404 };
        throw createError('BAD_INPUT', `cannot read ${ref}: ${(err as Error).message}`, { cause: err });
      }
      if (body.length > maxBytes) throw createError('TOO_LARGE', `${ref}: ${body.length} bytes, over the ${maxBytes}-byte limit`);
      const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 32)}"`;
      if (validators?.etag === etag) return { status: 'not_modified' };
      const type = TYPES[extname(path).toLowerCase()];
      return { status: 'ok', doc: { url: ref, body: new Uint8Array(body), etag, ...(type ? { contentType: type } : {}) } };
    },
  };
}

/**
 * http(s) URLs over the polite HTTP fetcher, anything else as a file: what the CLI uses.
 *
 * @example
 * const fetcher = createSourceFetcher({ http: { allowPrivate: false } });
 */
export function createSourceFetcher(opts: { http?: HttpFetcherOptions; files?: FileFetcherOptions } = {}): Fetcher & { dispose(): Promise<void> } {
  const http = createHttpFetcher(opts.http);
  const files = createFileFetcher(opts.files);
  return {
    fetch: (ref, validators) => (/^https?:\/\//i.test(ref) ? http.fetch(ref, validators) : files.fetch(ref, validators)),
    dispose: () => http.dispose(),
  };
}
