/**
 * Reproducible synthetic calls and drafts written from a {@link SyntheticWorld}.
 * Call `i` depends only on the seed and `i`, so the first 1,000 calls of the
 * 50,000-call set are the 1,000-call set.
 */
import type { CallStore, Embedder } from '../core/ports.js';
import type { Call, DraftInput } from '../core/schema.js';
import { hashText } from '../core/text/hash.js';
import { createRng, intBetween, pick, randomUnit, type Rng } from './rng.js';
import { embedWords, type SyntheticWorld } from './synthetic-world.js';

export function phrase(world: SyntheticWorld, r: Rng, field: number, other: number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) {
    const x = r();
    const pool = x < 0.7 ? world.fields[field] : x < 0.85 ? world.fields[other] : world.general;
    out.push(world.words[pick(r, pool ?? world.general)] ?? 'ka');
  }
  return out.join(' ');
}

function sentence(world: SyntheticWorld, r: Rng, field: number, other: number, lo: number, hi: number): string {
  const s = phrase(world, r, field, other, intBetween(r, lo, hi));
  return `${s.charAt(0).toUpperCase()}${s.slice(1)}.`;
}

export function fieldPair(world: SyntheticWorld, r: Rng): [number, number] {
  const n = world.fields.length;
  const field = Math.floor(r() * n);
  // The second field is usually a neighbour (same area), sometimes anywhere.
  const other = r() < 0.7 ? field - (field % 10) + Math.floor(r() * 10) : Math.floor(r() * n);
  return [field, Math.min(other, n - 1)];
}

/**
 * Call `index` of the synthetic set: 5-20 topics (most calls have few), a title and a scope paragraph.
 *
 * @example
 * syntheticCall(world, 0).topics.length >= 5 // true
 */
export function syntheticCall(world: SyntheticWorld, index: number): Call {
  const r = createRng(world.seed * 1_000_003 + index);
  const [field, other] = fieldPair(world, r);
  const topics = Array.from({ length: 5 + Math.floor(r() ** 4 * 16) }, () => phrase(world, r, field, other, intBetween(r, 3, 7)));
  const scope = Array.from({ length: intBetween(r, 2, 4) }, () => sentence(world, r, field, other, 10, 18)).join(' ');
  const month = String(intBetween(r, 1, 12)).padStart(2, '0');
  return {
    id: `syn-${index}`,
    title: phrase(world, r, field, other, intBetween(r, 5, 9)),
    scope,
    topics,
    dates: { submission_deadline: `2027-${month}-15` },
    guest_editors: [],
    rules: {},
    warnings: [],
  };
}

export function syntheticCalls(world: SyntheticWorld, n: number, from = 0): Call[] {
  return Array.from({ length: n }, (_, i) => syntheticCall(world, from + i));
}

/**
 * A read-only CallStore over the first `n` synthetic calls that generates them when asked, as the
 * file store reads them from disk: the process then holds the calls once (in the corpus), as the
 * server does. A memory store plus the generated array held two more copies (~100 MB at 50k calls)
 * that the bench's peak memory counted against the service.
 *
 * @example
 * const store = syntheticStore(world, 50_000);
 * (await store.list()).length === 50_000
 */
export function syntheticStore(world: SyntheticWorld, n: number): CallStore {
  const indexOf = (id: string): number | undefined => {
    const m = /^syn-(\d+)$/.exec(id);
    const i = m ? Number(m[1]) : -1;
    return i >= 0 && i < n ? i : undefined;
  };
  const readOnly = (): never => {
    throw new Error('the synthetic store is read-only');
  };
  return {
    name: 'synthetic',
    list: async () => syntheticCalls(world, n),
    get: async (id) => {
      const i = indexOf(id);
      return i === undefined ? undefined : syntheticCall(world, i);
    },
    put: async () => readOnly(),
    delete: async () => readOnly(),
  };
}

/**
 * Draft `index`: a title, 6-9 abstract sentences and keywords from one or two fields.
 *
 * @example
 * syntheticDraft(world, 3).abstract.split('.').length > 5 // true
 */
export function syntheticDraft(world: SyntheticWorld, index: number): DraftInput {
  const r = createRng(world.seed * 7_000_003 + 1_000_000_000 + index);
  const [field, other] = fieldPair(world, r);
  const abstract = Array.from({ length: intBetween(r, 6, 9) }, () => sentence(world, r, field, other, 14, 24)).join(' ');
  return {
    title: phrase(world, r, field, other, intBetween(r, 6, 10)),
    abstract,
    keywords: Array.from({ length: 4 }, () => phrase(world, r, field, other, 1)),
  };
}

export interface SyntheticEmbedder extends Embedder {
  /** Texts embedded so far and milliseconds spent doing it (to subtract from build times). */
  readonly stats: { texts: number; ms: number };
}

/**
 * Embedder that averages the world's word vectors: costs microseconds, so
 * index and ranking timings are not hidden behind a model ("embeddings given").
 *
 * @example
 * const e = createSyntheticEmbedder(world);
 * const [v] = await e.embed(['ka lo mi']);
 */
export function createSyntheticEmbedder(world: SyntheticWorld): SyntheticEmbedder {
  const stats = { texts: 0, ms: 0 };
  return {
    id: `synthetic:${world.seed}:${world.dims}`,
    dimensions: world.dims,
    stats,
    async embed(texts) {
      const t0 = performance.now();
      const out = texts.map((t) => embedWords(world, t) ?? randomUnit(createRng(parseInt(hashText(t).slice(-6), 36)), world.dims));
      stats.texts += texts.length;
      stats.ms += performance.now() - t0;
      return out;
    },
  };
}
