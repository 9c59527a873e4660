/**
 * One HTTP(S) GET with the limits a crawler needs: a deadline for the whole exchange, a cap on
 * the decoded body (so a gzip bomb stops at the cap too), gzip/deflate/brotli decoding, and
 * an agent that refuses private, loopback and link-local addresses after DNS resolution
 * (request-filtering-agent), so a redirect or a DNS answer cannot reach them either.
 */
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Readable } from 'node:stream';
import { RequestFilteringHttpAgent, RequestFilteringHttpsAgent } from 'request-filtering-agent';
import { createError } from '../../core/errors.js';

export interface GetResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Uint8Array;
}

export interface GetOptions {
  headers: Record<string, string>;
  timeoutMs: number;
  maxBytes: number;
}

export interface Agents {
  http: RequestFilteringHttpAgent;
  https: RequestFilteringHttpsAgent;
  destroy(): void;
}

/** Keep-alive agents; `allowPrivate` lets tests reach their 127.0.0.1 fixture server. */
export function createAgents(allowPrivate: boolean): Agents {
  const opts = { keepAlive: true, maxSockets: 4, allowPrivateIPAddress: allowPrivate, allowMetaIPAddress: false };
  const http = new RequestFilteringHttpAgent(opts);
  const https = new RequestFilteringHttpsAgent(opts);
  return { http, https, destroy: () => (http.destroy(), https.destroy()) };
}

function decoded(res: Readable & { headers: IncomingHttpHeaders }): Readable {
  const enc = String(res.headers['content-encoding'] ?? '').toLowerCase().trim();
  if (enc === 'gzip' || enc === 'x-gzip') return res.pipe(createGunzip());
  if (enc === 'deflate') return res.pipe(createInflate());
  if (enc === 'br') return res.pipe(createBrotliDecompress());
  return res;
}

/** Errors that a retry may cure (the caller retries these and 5xx answers only). */
export function isTransient(err: unknown): boolean {
  return (err as { transient?: boolean }).transient === true;
}

const transient = (message: string, cause?: unknown) => Object.assign(createError('FETCH_FAILED', message, { cause }), { transient: true });

/**
 * @example
 * const res = await httpGet(new URL('https://example.org/'), agents, { headers: {}, timeoutMs: 15_000, maxBytes: 10 << 20 });
 */
export function httpGet(url: URL, agents: Agents, opts: GetOptions): Promise<GetResponse> {
  const isHttps = url.protocol === 'https:';
  const send = isHttps ? httpsRequest : httpRequest;
  return new Promise<GetResponse>((resolve, reject) => {
    let settled = false;
    const finish = (err: unknown, value?: GetResponse) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (err) {
        req.destroy();
        reject(err);
      } else resolve(value as GetResponse);
    };
    const req = send(url, { method: 'GET', headers: { 'accept-encoding': 'gzip, deflate, br', ...opts.headers }, agent: isHttps ? agents.https : agents.http }, (res) => {
      const status = res.statusCode ?? 0;
      const declared = Number(res.headers['content-length'] ?? NaN);
      if (status === 200 && Number.isFinite(declared) && declared > opts.maxBytes && !res.headers['content-encoding']) {
        return finish(createError('TOO_LARGE', `${url.href}: ${declared} bytes, over the ${opts.maxBytes}-byte limit`));
      }
      const chunks: Buffer[] = [];
      let size = 0;
      const body = status >= 300 && status < 400 ? res : decoded(res);
      body.on('data', (c: Buffer) => {
        size += c.length;
        if (size > opts.maxBytes) finish(createError('TOO_LARGE', `${url.href}: over the ${opts.maxBytes}-byte limit`));
        else chunks.push(c);
      });
      body.on('end', () => finish(null, { status, headers: res.headers, body: new Uint8Array(Buffer.concat(chunks)) }));
      body.on('error', (err) => finish(createError('FETCH_FAILED', `${url.href}: could not decode the body (${err.message})`, { cause: err })));
      res.on('error', (err) => finish(transient(`${url.href}: ${err.message}`, err)));
    });
    const timer = setTimeout(() => finish(transient(`${url.href}: no complete answer within ${opts.timeoutMs} ms`)), opts.timeoutMs);
    req.on('error', (err: NodeJS.ErrnoException) => {
      if (/is not allowed/.test(err.message)) return finish(createError('FETCH_REFUSED', `${url.href}: refused, it resolves to a private, loopback or link-local address (IMPORT_ALLOW_PRIVATE=1 allows it)`, { cause: err }));
      const retry = ['ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN'].includes(err.code ?? '');
      finish(retry ? transient(`${url.href}: ${err.message}`, err) : createError('FETCH_FAILED', `${url.href}: ${err.message}`, { cause: err }));
    });
    req.end();
  });
}
