/**
 * One build under test in the end-to-end benchmark: its Node runtime (the real default embedder,
 * USE-lite in worker threads) over the given calls and its HTTP app, loaded from a built checkout's
 * dist/ folder, so this build and an older one (`--e2e-base <checkout>`) run in one process, on the
 * same inputs, alternating, under the same machine load.
 */
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Call } from '../core/schema.js';

/** What the benchmark needs of a build's app: Hono's in-process `request`. */
interface AppLike {
  request(path: string, init: RequestInit): Response | Promise<Response>;
}
interface RuntimeLike {
  matcher: { sync(): Promise<{ embedded: number }> };
  embedder: unknown;
  dispose(): Promise<void>;
}
interface RuntimeModule {
  createNodeRuntime(opts: Record<string, unknown>): Promise<RuntimeLike>;
}
interface AppModule {
  createApp(deps: Record<string, unknown>): AppLike;
}

export interface E2eTarget {
  name: string;
  /** POST a JSON body; resolves with the status, ms to the first body chunk, ms to the end and the text. */
  post(path: string, body: unknown, accept?: string): Promise<{ status: number; firstMs: number; totalMs: number; text: string }>;
  /** Embed and index these calls with this build's embedder, into a fresh exact index. */
  index(calls: Call[]): Promise<void>;
  dispose(): Promise<void>;
}

/** The checkout this module was built from (dist/bench/ -> the repository). */
export const THIS_BUILD = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/**
 * @example
 * const target = await loadTarget(THIS_BUILD, 'this build', calls, { embedThreads: 2 }, { requestTimeoutMs: 120_000 });
 */
export async function loadTarget(checkout: string, name: string, calls: Call[], runtimeOpts: Record<string, unknown>, appOpts: Record<string, unknown> = {}): Promise<E2eTarget> {
  const load = <T>(rel: string) => import(pathToFileURL(join(checkout, 'dist', rel)).href) as Promise<T>;
  const { createNodeRuntime } = await load<RuntimeModule>('entry/node-runtime.js');
  const { createApp } = await load<AppModule>('http/app.js');
  const runtime = await createNodeRuntime({ calls, ...runtimeOpts });
  const app = createApp({ matcher: runtime.matcher, ...appOpts });
  return {
    name,
    async post(path, body, accept = 'application/json') {
      const t0 = performance.now();
      const res = await app.request(path, { method: 'POST', headers: { 'content-type': 'application/json', accept }, body: JSON.stringify(body) });
      const reader = res.body?.getReader();
      const decoder = new TextDecoder();
      let text = '';
      let firstMs = NaN;
      for (;;) {
        const chunk = reader ? await reader.read() : { done: true as const, value: undefined };
        if (chunk.done) break;
        if (Number.isNaN(firstMs)) firstMs = performance.now() - t0;
        text += decoder.decode(chunk.value, { stream: true });
      }
      const totalMs = performance.now() - t0;
      return { status: res.status, firstMs: Number.isNaN(firstMs) ? totalMs : firstMs, totalMs, text };
    },
    async index(more) {
      // The same embedder (its loaded worker threads) and a fresh exact index, which sync fills.
      // Not disposed: that would dispose the shared embedder; the index is garbage once dropped.
      await createNodeRuntime({ calls: more, embedderInstance: runtime.embedder });
    },
    async dispose() {
      await runtime.dispose();
    },
  };
}
