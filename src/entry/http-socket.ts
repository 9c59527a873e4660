/**
 * Socket-level answers the Hono app never sees: requests Node's HTTP parser refuses (a 100k-character
 * URL, broken framing) get a JSON error instead of an empty one, and a request answered before its
 * body was read (413 from Content-Length) has the rest of its body read and discarded, so clients
 * that send the whole body before reading the answer (Python's urllib) see the 413 instead of a reset.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ErrorCode } from '../core/errors.js';

/** How long and how much an unread body is drained after an early answer before the socket is closed. */
export const DRAIN = { maxMs: 10_000, maxBytes: 64 * 1024 * 1024 };

/**
 * Call for every request before handing it to the app.
 *
 * @example
 * createServer((req, res) => { drainAfterEarlyResponse(req, res); void listener(req, res); });
 */
export function drainAfterEarlyResponse(req: IncomingMessage, res: ServerResponse, limits = DRAIN): void {
  res.on('finish', () => {
    if (req.complete || req.destroyed || req.readableEnded) return;
    let bytes = 0;
    const close = () => {
      clearTimeout(timer);
      req.socket.destroySoon();
    };
    const timer = setTimeout(close, limits.maxMs);
    timer.unref();
    req.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > limits.maxBytes) close();
    });
    req.on('end', () => clearTimeout(timer));
    req.on('error', () => clearTimeout(timer));
    req.resume();
  });
}

const REASONS: Record<number, string> = { 400: 'Bad Request', 408: 'Request Timeout', 431: 'Request Header Fields Too Large' };

/**
 * `server.on('clientError', jsonClientError)`: Node's default answers these with no body.
 *
 * @example
 * server.on('clientError', jsonClientError);
 */
export function jsonClientError(err: NodeJS.ErrnoException, socket: Duplex): void {
  if (err.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const [code, status, message]: [ErrorCode, number, string] =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? ['HEADERS_TOO_LARGE', 431, 'the request line and headers are over the 16 KiB limit (a URL that long is not a cfpmatch URL)']
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? ['BAD_INPUT', 408, 'the request took too long to arrive']
        : ['BAD_INPUT', 400, 'malformed HTTP request'];
  const body = JSON.stringify({ error: { code, message } });
  socket.end(
    `HTTP/1.1 ${status} ${REASONS[status] ?? 'Error'}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
