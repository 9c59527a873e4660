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
 * Call for every request before handing it to the app. When the answer is complete and the body is
 * not, the rest of the body is read and discarded (up to `limits`); a client that asked for
 * `Connection: close` (urllib does) gets the FIN after the answer, but the socket is destroyed only
 * once its body is in, so its upload never meets a reset.
 *
 * @example
 * createServer((req, res) => { drainAfterEarlyResponse(req, res); void listener(req, res); });
 */
export function drainAfterEarlyResponse(req: IncomingMessage, res: ServerResponse, limits = DRAIN): void {
  const unread = () => !(req.complete || req.readableEnded || req.destroyed);
  let drained: Promise<void> | undefined;
  const drain = (): Promise<void> =>
    (drained ??= new Promise<void>((resolve) => {
      let bytes = 0;
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(done, limits.maxMs);
      timer.unref();
      // The adapter's body stream (Readable.toWeb) pauses the request whenever its unread queue is full, so
      // reading stalled until the keep-alive timeout reset the connection: take over its data, as Node's own _dump does.
      req.removeAllListeners('data');
      req.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        if (bytes > limits.maxBytes) done();
      });
      req.once('end', done);
      req.once('error', done);
      req.once('close', done);
      req.resume();
    }));
  const socket = req.socket;
  const original = socket.destroySoon;
  // Node calls destroySoon right after the answer on a connection that is not kept alive.
  const lingering = function (this: typeof socket): void {
    socket.destroySoon = original;
    if (!unread()) return original.call(this);
    this.end();
    void drain().then(() => this.destroy());
  };
  socket.destroySoon = lingering;
  res.once('close', () => {
    if (socket.destroySoon === lingering) socket.destroySoon = original;
  });
  res.on('finish', () => {
    if (!unread()) return;
    // A kept-alive connection can carry the next request only if this body was read to its end.
    void drain().then(() => {
      if (!req.complete) socket.destroy();
    });
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
