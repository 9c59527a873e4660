/**
 * A test's handle on a Miniflare D1 database that is asynchronous all the way.
 *
 * Miniflare's `getD1Database()` proxy answers synchronous property reads (`db.prepare`, `.bind`)
 * with a blocking round trip to a helper thread (Atomics.wait, then receiveMessageOnPort). Under
 * load that read can find no message yet and fails with miniflare's bare
 * "AssertionError: false == true" from fetch-sync; it failed a CI run while a test seeded its
 * calls. Here every statement is sent by an ordinary `dispatchFetch` to a small worker bound to the
 * same database, which runs it on `env.DB` and answers with the result.
 */
import type { Miniflare } from 'miniflare';
import type { D1Like, D1ResultLike, D1StatementLike } from '../../src/adapters/workers/bindings.js';

const HOST = 'd1-sql.test';

/** Runs `{ statements: [{ sql, params }], mode }` on env.DB: 'all' or 'run' for one statement, 'batch' for a D1 batch (one transaction). */
const SCRIPT = `
export default {
  async fetch(request, env) {
    try {
      const { statements, mode } = await request.json();
      const prepared = statements.map((s) => env.DB.prepare(s.sql).bind(...s.params));
      const results = mode === 'batch' ? await env.DB.batch(prepared) : [mode === 'all' ? await prepared[0].all() : await prepared[0].run()];
      return Response.json({ results });
    } catch (e) {
      return Response.json({ error: String(e && e.message ? e.message : e) }, { status: 500 });
    }
  },
};
`;

/**
 * The worker to add to a Miniflare's `workers` (after the entry worker): bound to D1 database `id` as DB.
 *
 * @example
 * new Miniflare({ workers: [entry, d1SqlWorker('cfpmatch-test')] })
 */
export function d1SqlWorker(id: string) {
  return { name: 'd1-sql', modules: true, script: SCRIPT, d1Databases: { DB: id }, routes: [`${HOST}/*`] };
}

interface Statement extends D1StatementLike {
  readonly sql: string;
  readonly params: unknown[];
}

/**
 * A D1Like over `d1SqlWorker`: the same database the Worker under test sees.
 *
 * @example
 * const db = d1OverFetch(mf);
 * await db.prepare('SELECT count(*) AS n FROM calls').all();
 */
export function d1OverFetch(mf: Miniflare): D1Like {
  const own = (s: D1StatementLike): Statement => {
    if (!('sql' in s)) throw new Error('d1OverFetch: batch takes only statements from its own prepare()');
    return s as Statement;
  };
  const send = async (statements: Statement[], mode: 'all' | 'run' | 'batch'): Promise<unknown[]> => {
    const res = await mf.dispatchFetch(`http://${HOST}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ statements: statements.map((s) => ({ sql: s.sql, params: s.params })), mode }),
    });
    const body = (await res.json()) as { results?: unknown[]; error?: string };
    if (!res.ok || !body.results) throw new Error(`D1: ${body.error ?? `HTTP ${res.status}`}`);
    return body.results;
  };
  const statement = (sql: string, params: unknown[]): Statement => {
    const one = async <T>(mode: 'all' | 'run') => (await send([statement(sql, params)], mode))[0] as D1ResultLike<T>;
    return { sql, params, bind: (...values) => statement(sql, values), all: <T>() => one<T>('all'), run: () => one('run') };
  };
  return {
    prepare: (sql) => statement(sql, []),
    batch: (statements) => send(statements.map(own), 'batch'),
  };
}
