/**
 * Test-only Vectorize (v2) binding, loaded into workerd as a wrapped binding
 * (`env.VECTORIZE`): an exact in-memory cosine index with the real method
 * shapes and the limits the adapter has to respect (64-byte ids, topK <= 100,
 * or <= 20 with values, dimensions fixed). Self-contained, like fake-ai.ts.
 */
const MAX_ID_BYTES = 64;

interface Vector {
  id: string;
  values: number[];
  metadata?: Record<string, unknown>;
}


function unit(values: readonly number[]): number[] {
  let s = 0;
  for (const x of values) s += x * x;
  const n = Math.sqrt(s) || 1;
  return values.map((x) => x / n);
}

/**
 * An empty index of `DIMENSIONS`-d vectors (also used directly by the Node-side adapter tests).
 *
 * @example
 * const vectorize = createFakeVectorize(24);
 * await vectorize.upsert([{ id: 'a', values: new Array(24).fill(0.1) }]);
 */
export function createFakeVectorize(DIMENSIONS = 384) {
  const vectors = new Map<string, Vector>();
  let mutations = 0;
  const check = (v: { id: string; values: ArrayLike<number> }): void => {
    if (new TextEncoder().encode(v.id).length > MAX_ID_BYTES) throw new Error(`VECTOR_UPSERT_ERROR: id over ${MAX_ID_BYTES} bytes: ${v.id}`);
    if (v.values.length !== DIMENSIONS) throw new Error(`VECTOR_UPSERT_ERROR: ${v.values.length} dimensions, index has ${DIMENSIONS}`);
  };
  const index = {
    async describe() {
      return { id: 'fake', name: 'cfpmatch-passages', config: { dimensions: DIMENSIONS, metric: 'cosine' }, vectorCount: vectors.size };
    },
    async query(vector: ArrayLike<number>, options: { topK?: number; returnValues?: boolean; returnMetadata?: boolean | string } = {}) {
      const topK = options.topK ?? 5;
      const withData = options.returnValues === true || (options.returnMetadata !== undefined && options.returnMetadata !== false && options.returnMetadata !== 'none');
      if (topK < 1 || topK > (withData ? 20 : 100)) throw new Error(`VECTOR_QUERY_ERROR: topK ${topK} out of range`);
      if (vector.length !== DIMENSIONS) throw new Error('VECTOR_QUERY_ERROR: wrong dimensions');
      const q = unit(Array.from(vector));
      const matches = [...vectors.values()]
        .map((v) => ({ v, score: unit(v.values).reduce((s, x, i) => s + x * (q[i] ?? 0), 0) }))
        .sort((a, b) => b.score - a.score || (a.v.id < b.v.id ? -1 : 1))
        .slice(0, topK)
        .map(({ v, score }) => ({ id: v.id, score, ...(options.returnValues ? { values: v.values } : {}) }));
      return { matches, count: matches.length };
    },
    async upsert(items: Array<{ id: string; values: ArrayLike<number>; metadata?: Record<string, unknown> }>) {
      for (const it of items) check(it);
      for (const it of items) vectors.set(it.id, { id: it.id, values: Array.from(it.values), ...(it.metadata ? { metadata: it.metadata } : {}) });
      return { mutationId: `m${++mutations}` };
    },
    async insert(items: Array<{ id: string; values: ArrayLike<number> }>) {
      for (const it of items) if (vectors.has(it.id)) throw new Error(`VECTOR_INSERT_ERROR: duplicate id ${it.id}`);
      return index.upsert(items);
    },
    async deleteByIds(ids: string[]) {
      for (const id of ids) vectors.delete(id);
      return { mutationId: `m${++mutations}` };
    },
    async getByIds(ids: string[]) {
      if (ids.length > 20) throw new Error('VECTOR_GET_ERROR: more than 20 ids');
      return ids.flatMap((id) => {
        const v = vectors.get(id);
        return v ? [{ ...v, values: [...v.values] }] : [];
      });
    },
    /** Test hook: how many vectors are stored. */
    count: () => vectors.size,
  };
  return index;
}

export type FakeVectorize = ReturnType<typeof createFakeVectorize>;

// One index per isolate: module state outlives requests, like the real index outlives isolates.
const shared = createFakeVectorize(384);

/** Wrapped-binding entry: workerd calls it and uses the result as `env.VECTORIZE`. */
export default function makeBinding(): FakeVectorize {
  return shared;
}
