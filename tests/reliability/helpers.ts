/**
 * Helpers for the reliability tests: error-body checks and request builders
 * that the shared HTTP helpers do not have (raw bytes, streamed bodies).
 */
import { expect } from 'vitest';

export interface ErrorBody {
  error: { code: string; message: string; fields?: Array<{ path: string; message: string }> };
}

/** Assert a JSON error response with this status and code; returns the body. */
export async function expectError(res: Response, status: number, code: string): Promise<ErrorBody> {
  expect(res.headers.get('content-type') ?? '').toContain('application/json');
  const body = (await res.json()) as ErrorBody;
  expect({ status: res.status, code: body.error.code }).toEqual({ status, code });
  expect(typeof body.error.message).toBe('string');
  return body;
}

/** Paths of the failing fields of a validation error. */
export function fieldPaths(body: ErrorBody): string[] {
  return (body.error.fields ?? []).map((f) => f.path);
}

/** A POST with raw bytes as the body. */
export function rawPost(bytes: Uint8Array<ArrayBuffer> | string, contentType = 'application/json'): RequestInit {
  return { method: 'POST', headers: { 'content-type': contentType }, body: bytes };
}

/**
 * A body streamed in 64 KiB chunks with no Content-Length; `pulled()` says how
 * many bytes the server actually read before answering.
 */
export function streamedBody(totalBytes: number): { init: RequestInit & { duplex: 'half' }; pulled: () => number } {
  const chunk = new TextEncoder().encode('a'.repeat(64 * 1024));
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= totalBytes) {
        controller.close();
        return;
      }
      sent += chunk.length;
      controller.enqueue(chunk);
    },
  });
  return {
    init: { method: 'POST', headers: { 'content-type': 'application/json' }, body, duplex: 'half' },
    pulled: () => sent,
  };
}
