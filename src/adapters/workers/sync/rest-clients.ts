/**
 * The Worker bindings' interfaces over the Cloudflare REST API, so the sync
 * script (Node) reuses the same D1 and Vectorize adapters as the Worker.
 * `fetch` is injectable for tests.
 */
import type { AiBinding, D1Like, D1ResultLike, D1StatementLike, VectorizeBinding, VectorizeVectorLike } from '../bindings.js';

export interface RestOptions {
  accountId: string;
  apiToken: string;
  fetch?: typeof fetch;
  /** Default https://api.cloudflare.com/client/v4 */
  baseUrl?: string;
}

type Envelope<T> = { success: boolean; result: T; errors?: Array<{ message: string }> };

function restCall(opts: RestOptions) {
  const f = opts.fetch ?? fetch;
  const base = `${opts.baseUrl ?? 'https://api.cloudflare.com/client/v4'}/accounts/${opts.accountId}`;
  return async <T>(path: string, body: string, contentType = 'application/json'): Promise<T> => {
    const res = await f(`${base}${path}`, { method: 'POST', headers: { authorization: `Bearer ${opts.apiToken}`, 'content-type': contentType }, body });
    const json = (await res.json().catch(() => undefined)) as Envelope<T> | undefined;
    if (!res.ok || !json?.success) {
      throw new Error(`Cloudflare API ${path} failed (${res.status}): ${json?.errors?.map((e) => e.message).join('; ') ?? 'no body'}`);
    }
    return json.result;
  };
}

/**
 * D1 over `POST /d1/database/{id}/query`. `batch` runs the statements one after another.
 *
 * @example
 * const db = restD1({ accountId, apiToken, databaseId });
 * await db.prepare('SELECT id FROM calls').all();
 */
export function restD1(opts: RestOptions & { databaseId: string }): D1Like {
  const call = restCall(opts);
  const statement = (sql: string, params: unknown[]): D1StatementLike => {
    const exec = async <T>() => {
      const [first] = await call<Array<D1ResultLike<T>>>(`/d1/database/${opts.databaseId}/query`, JSON.stringify({ sql, params }));
      return { results: first?.results ?? [], meta: first?.meta ?? {} };
    };
    return { bind: (...values) => statement(sql, values), all: exec, run: exec };
  };
  return {
    prepare: (sql) => statement(sql, []),
    async batch(statements) {
      const out: unknown[] = [];
      for (const s of statements) out.push(await s.run());
      return out;
    },
  };
}

/**
 * Vectorize (v2) over `/vectorize/v2/indexes/{name}/...`: upsert as NDJSON, delete_by_ids, get_by_ids, query.
 *
 * @example
 * const vectorize = restVectorize({ accountId, apiToken, indexName: 'cfpmatch-passages' });
 */
export function restVectorize(opts: RestOptions & { indexName: string }): VectorizeBinding {
  const call = restCall(opts);
  const path = (op: string) => `/vectorize/v2/indexes/${opts.indexName}/${op}`;
  return {
    query: (vector, options) => call(path('query'), JSON.stringify({ vector: Array.from(vector), ...options })),
    upsert: (vectors) =>
      call(path('upsert'), vectors.map((v) => JSON.stringify({ id: v.id, values: Array.from(v.values) })).join('\n'), 'application/x-ndjson'),
    deleteByIds: (ids) => call(path('delete_by_ids'), JSON.stringify({ ids })),
    getByIds: (ids) => call<VectorizeVectorLike[]>(path('get_by_ids'), JSON.stringify({ ids })),
  };
}

/**
 * Workers AI over `POST /ai/run/{model}`: the same `{ text }` in and `{ shape, data }` out as `env.AI.run`.
 *
 * @example
 * const embedder = createWorkersAiEmbedder({ ai: restAi({ accountId, apiToken }) });
 */
export function restAi(opts: RestOptions): AiBinding {
  const call = restCall(opts);
  return { run: (model, inputs) => call(`/ai/run/${model}`, JSON.stringify(inputs)) };
}
