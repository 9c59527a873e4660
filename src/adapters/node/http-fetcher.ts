/**
 * The catalogue's Fetcher over HTTP, polite by default: a clear User-Agent, robots.txt honoured
 * (RFC 9309: a 4xx robots.txt allows all, an unreachable one disallows all), a delay between
 * requests to one host (robots.txt Crawl-delay when larger, capped), conditional GET, a redirect
 * limit with loop detection, a content-type check, and retries with backoff on 5xx and timeouts
 * only. Addresses are checked by the agent after DNS, on every hop (see http-get.ts).
 */
import { createRequire } from 'node:module';
import { createError, isCfpError } from '../../core/errors.js';
import { silentLogger, type Logger } from '../../core/log.js';
import type { Fetcher, FetchResult, Validators } from '../../core/catalogue/types.js';
import { createAgents, httpGet, isTransient, type GetResponse } from './http-get.js';

export const USER_AGENT = 'cfpmatch-catalogue/0.1 (+https://github.com/cfpmatch/cfpmatch; polite CFP importer)';

export interface HttpFetcherOptions {
  userAgent?: string;
  /** Whole request, headers and body (default 15 s). */
  timeoutMs?: number;
  /** Decoded body cap (default 10 MiB). */
  maxBytes?: number;
  maxRedirects?: number;
  /** Minimum time between two requests to one host (default 1 s). */
  hostDelayMs?: number;
  /** Retries after a 5xx or a timeout (default 2), waiting backoffMs, then twice that, ... */
  retries?: number;
  backoffMs?: number;
  /** Reach private/loopback addresses (IMPORT_ALLOW_PRIVATE=1; tests with a 127.0.0.1 server). */
  allowPrivate?: boolean;
  /** Honour robots.txt (default true). */
  robots?: boolean;
  log?: Logger;
  /** How to wait (per-host delay, backoff); tests pass a recorder. */
  sleep?: (ms: number) => Promise<void>;
}

interface RobotsTxt {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getCrawlDelay(ua?: string): number | undefined;
}
// robots-parser is CommonJS whose typings declare an ES default export; require() gives the function itself.
const robotsParser = createRequire(import.meta.url)('robots-parser') as (url: string, text: string) => RobotsTxt;

const ACCEPTED = /^(text\/(html|plain|xml|csv)|application\/(xhtml\+xml|rss\+xml|atom\+xml|rdf\+xml|xml|json|x-ndjson|ld\+json|jsonl?))$/;
const MAX_CRAWL_DELAY_MS = 30_000;

type Robots = { allowed: (url: string) => boolean; delayMs?: number };

export type HttpFetcher = Fetcher & { readonly name: 'http'; dispose(): Promise<void> };

/**
 * @example
 * const fetcher = createHttpFetcher({ allowPrivate: process.env.IMPORT_ALLOW_PRIVATE === '1' });
 * const r = await fetcher.fetch('https://example.org/cfp', { etag: '"abc"' }); // { status: 'not_modified' }
 */
export function createHttpFetcher(opts: HttpFetcherOptions = {}): HttpFetcher {
  const ua = opts.userAgent ?? USER_AGENT;
  const timeoutMs = opts.timeoutMs ?? 15_000;
  const maxBytes = opts.maxBytes ?? 10 * 1024 * 1024;
  const maxRedirects = opts.maxRedirects ?? 5;
  const hostDelay = opts.hostDelayMs ?? 1_000;
  const retries = opts.retries ?? 2;
  const backoff = opts.backoffMs ?? 500;
  const log = opts.log ?? silentLogger;
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const agents = createAgents(Boolean(opts.allowPrivate));
  const nextSlot = new Map<string, number>();
  const robots = new Map<string, Promise<Robots>>();

  /** Wait for this host's turn; turns are handed out in call order. */
  async function turn(host: string, delay: number): Promise<void> {
    const now = Date.now();
    const at = Math.max(now, nextSlot.get(host) ?? 0);
    nextSlot.set(host, at + delay);
    if (at > now) await sleep(at - now);
  }

  async function get(url: URL, headers: Record<string, string>): Promise<GetResponse> {
    for (let attempt = 0; ; attempt++) {
      const rules = opts.robots === false || url.pathname === '/robots.txt' ? undefined : await robotsFor(url);
      await turn(url.host, Math.max(hostDelay, rules?.delayMs ?? 0));
      try {
        const res = await httpGet(url, agents, { headers: { 'user-agent': ua, ...headers }, timeoutMs, maxBytes });
        if (res.status < 500 || attempt >= retries) return res;
        log('fetch.retry', { host: url.host, status: res.status, attempt: attempt + 1 });
      } catch (err) {
        if (!isTransient(err) || attempt >= retries) throw err;
        log('fetch.retry', { host: url.host, reason: 'timeout or reset', attempt: attempt + 1 });
      }
      await sleep(backoff * 2 ** attempt);
    }
  }

  function robotsFor(url: URL): Promise<Robots> {
    const origin = url.origin;
    let p = robots.get(origin);
    if (!p) {
      p = (async (): Promise<Robots> => {
        const robotsUrl = `${origin}/robots.txt`;
        try {
          const res = await get(new URL(robotsUrl), { accept: 'text/plain' });
          if (res.status >= 400 && res.status < 500) return { allowed: () => true };
          if (res.status !== 200) return { allowed: () => false };
          const parsed = robotsParser(robotsUrl, new TextDecoder().decode(res.body));
          const delay = parsed.getCrawlDelay(ua);
          return { allowed: (u) => parsed.isAllowed(u, ua) !== false, ...(delay ? { delayMs: Math.min(delay * 1000, MAX_CRAWL_DELAY_MS) } : {}) };
        } catch (err) {
          // A host we may not reach at all says so itself; an unreachable robots.txt disallows all (RFC 9309).
          if (isCfpError(err) && err.code === 'FETCH_REFUSED') throw err;
          return { allowed: () => false };
        }
      })();
      robots.set(origin, p);
    }
    return p;
  }

  return {
    name: 'http',
    async fetch(input: string, validators?: Validators): Promise<FetchResult> {
      let url: URL;
      try {
        url = new URL(input);
      } catch {
        throw createError('BAD_INPUT', `not a URL: ${input}`);
      }
      const seen = new Set<string>();
      for (let hop = 0; ; hop++) {
        if (url.protocol !== 'http:' && url.protocol !== 'https:') throw createError('FETCH_REFUSED', `${url.href}: only http and https URLs are fetched`);
        if (opts.robots !== false && !(await robotsFor(url)).allowed(url.href)) throw createError('FETCH_REFUSED', `${url.href}: disallowed by robots.txt`);
        seen.add(url.href);
        const res = await get(url, {
          accept: 'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,application/json;q=0.9,text/csv;q=0.8,text/plain;q=0.5',
          ...(validators?.etag ? { 'if-none-match': validators.etag } : {}),
          ...(validators?.lastModified ? { 'if-modified-since': validators.lastModified } : {}),
        });
        const location = res.headers.location;
        if (res.status >= 300 && res.status < 400 && res.status !== 304 && location) {
          const next = new URL(location, url);
          if (seen.has(next.href)) throw createError('FETCH_FAILED', `${input}: redirect loop at ${next.href}`);
          if (hop >= maxRedirects) throw createError('FETCH_FAILED', `${input}: more than ${maxRedirects} redirects`);
          url = next;
          continue;
        }
        if (res.status === 304) return { status: 'not_modified' };
        if (res.status === 404 || res.status === 410) return { status: 'gone', httpStatus: res.status };
        if (res.status !== 200) throw createError('FETCH_FAILED', `${url.href}: HTTP ${res.status}`);
        const type = String(res.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
        if (type && !ACCEPTED.test(type)) throw createError('BAD_INPUT', `${url.href}: content type ${type} is not a page, feed or data file`);
        const etag = res.headers.etag;
        const lastModified = res.headers['last-modified'];
        return {
          status: 'ok',
          doc: {
            url: url.href,
            body: res.body,
            ...(res.headers['content-type'] ? { contentType: String(res.headers['content-type']) } : {}),
            ...(etag ? { etag } : {}),
            ...(lastModified ? { lastModified } : {}),
          },
        };
      }
    },
    async dispose() {
      agents.destroy();
    },
  };
}

/**
 * Fetch options from the environment: IMPORT_ALLOW_PRIVATE=1, IMPORT_DELAY_MS (per host, default
 * 1000), IMPORT_TIMEOUT_MS (default 15000), IMPORT_MAX_BYTES (default 10 MiB), IMPORT_RETRIES (default 2).
 *
 * @example
 * createHttpFetcher(fetchOptionsFromEnv(process.env));
 */
export function fetchOptionsFromEnv(env: Record<string, string | undefined>, log?: Logger): HttpFetcherOptions {
  const num = (name: string): number | undefined => {
    const v = env[name];
    if (v === undefined || v === '') return undefined;
    if (!/^\d+$/.test(v)) throw createError('BAD_INPUT', `${name} must be a whole number (got "${v}")`);
    return Number(v);
  };
  const delay = num('IMPORT_DELAY_MS');
  const timeout = num('IMPORT_TIMEOUT_MS');
  const maxBytes = num('IMPORT_MAX_BYTES');
  const retries = num('IMPORT_RETRIES');
  return {
    allowPrivate: env.IMPORT_ALLOW_PRIVATE === '1',
    ...(delay !== undefined ? { hostDelayMs: delay } : {}),
    ...(timeout !== undefined ? { timeoutMs: timeout } : {}),
    ...(maxBytes !== undefined ? { maxBytes } : {}),
    ...(retries !== undefined ? { retries } : {}),
    ...(log ? { log } : {}),
  };
}
