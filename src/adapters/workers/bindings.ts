/**
 * The parts of the Cloudflare bindings the Workers adapters use, as small
 * structural interfaces. The real bindings (`Ai`, `Vectorize`, `D1Database`
 * from @cloudflare/workers-types) satisfy them, and so do the in-memory test
 * bindings in tests/worker/bindings and the REST clients the sync script uses.
 * Keeping them local means these adapters type-check without the Workers
 * globals and can be unit-tested in Node.
 */

/** `env.AI` for a text-embedding model: `{ text }` in, `{ shape, data }` out. */
export interface AiBinding {
  run(model: string, inputs: { text: string[] }): Promise<unknown>;
}

export interface VectorizeVectorLike {
  id: string;
  values: number[] | Float32Array | Float64Array;
  metadata?: Record<string, unknown>;
}

export interface VectorizeMatchLike {
  id: string;
  score: number;
  values?: number[] | Float32Array | Float64Array;
}

/** `env.VECTORIZE`: a Vectorize (v2) index binding. */
export interface VectorizeBinding {
  query(
    vector: number[] | Float32Array,
    options?: { topK?: number; returnValues?: boolean; returnMetadata?: boolean | 'none' | 'indexed' | 'all' },
  ): Promise<{ matches: VectorizeMatchLike[]; count: number }>;
  upsert(vectors: VectorizeVectorLike[]): Promise<unknown>;
  deleteByIds(ids: string[]): Promise<unknown>;
  getByIds(ids: string[]): Promise<VectorizeVectorLike[]>;
}

export interface D1ResultLike<T> {
  results: T[];
  meta?: { changes?: number };
}

export interface D1StatementLike {
  bind(...values: unknown[]): D1StatementLike;
  all<T = Record<string, unknown>>(): Promise<D1ResultLike<T>>;
  run(): Promise<D1ResultLike<unknown>>;
}

/** `env.DB`: a D1 database binding. */
export interface D1Like {
  prepare(sql: string): D1StatementLike;
  batch(statements: D1StatementLike[]): Promise<unknown[]>;
}
