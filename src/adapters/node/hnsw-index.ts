/**
 * VectorIndex on hnswlib-node (HNSW, cosine space). String ids map to integer
 * labels; a removed id's label is marked deleted and reused by the next new id,
 * so the native index does not grow with churn.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HierarchicalNSW } from 'hnswlib-node';
import { createError } from '../../core/errors.js';
import { checkDimensions } from '../../core/flat-index.js';
import type { RawIndex, VectorHit, VectorIndex } from '../../core/ports.js';
import { checkHnswFile, checkHnswRaw, HNSW_INDEX_KIND, type RawIndexFile } from './hnsw-raw.js';
import { l2Normalize } from '../../core/rank/vector-math.js';

/** Filters that allow at most this many ids are searched exactly instead of through the graph. */
const EXACT_FILTER_LIMIT = 512;
/** Filters whose allowed labels are kept between searches (the ranking uses two, both constant functions). */
const KEPT_FILTERS = 4;

/** The labels a filter allows, as a bitmap over labels, kept current as ids come and go. */
interface AllowedLabels {
  bits: Uint8Array;
  count: number;
}

export interface HnswIndexOptions {
  dimensions: number;
  /** Graph degree. Default 16. */
  m?: number;
  /** Build-time candidate list size. Default 200. */
  efConstruction?: number;
  /** Query-time candidate list size; raised to at least k per query. Default 64. */
  efSearch?: number;
  /** Initial capacity; the index doubles when full. Default 1024. */
  initialCapacity?: number;
  /** Seed for level assignment, for reproducible graphs. Default 100. */
  seed?: number;
  /** A saved index to restore (from {@link VectorIndex.save}). */
  raw?: RawIndex;
  /** Or a saved index on disk (from `openIndexFiles`): read natively from its path, without copies. */
  file?: RawIndexFile;
  /**
   * With `file`: synchronous work to run while hnswlib reads the file on a libuv thread, so the
   * two overlap (load time is then the longer of them, not the sum). See restoreCachedHnsw.
   */
  whileReading?: () => void;
}

/** Write `bytes` to a private temp dir, let `fn` use the path, then clean up. */
async function withTempFile<T>(fn: (file: string) => Promise<T>, bytes?: Uint8Array): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'cfpmatch-hnsw-'));
  const file = join(dir, 'index.hnsw');
  try {
    if (bytes) await writeFile(file, bytes);
    return await fn(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Create (or restore) an HNSW index. Async because hnswlib-node is loaded lazily.
 *
 * @example
 * const index = await createHnswIndex({ dimensions: 384 });
 * await index.upsert([{ id: 'call-1#topic:0', vector }]);
 * const hits = await index.search(query, 10, (id) => id.startsWith('call-1#'));
 * const restored = await createHnswIndex({ dimensions: 384, raw: await index.save() });
 */
export async function createHnswIndex(opts: HnswIndexOptions): Promise<VectorIndex> {
  const { dimensions, m = 16, efConstruction = 200, efSearch = 64, initialCapacity = 1024, seed = 100 } = opts;
  if (!Number.isInteger(dimensions) || dimensions <= 0) {
    throw createError('BAD_INPUT', `dimensions must be a positive integer, got ${dimensions}`);
  }
  const { default: hnswlib } = await import('hnswlib-node');
  let index: HierarchicalNSW = new hnswlib.HierarchicalNSW('cosine', dimensions);
  /** labelToId[label] is the id at that label, or undefined for a deleted (free) label. */
  const labelToId: (string | undefined)[] = [];
  const idToLabel = new Map<string, number>();
  const freeLabels: number[] = [];
  // The allowed labels of the last few filters, kept current by upsert and remove: building them
  // walks every id (542k passages at 50k calls: ~350 ms a search when each search rebuilt them).
  const kept = new Map<(id: string) => boolean, AllowedLabels>();
  const setAllowed = (a: AllowedLabels, label: number, allow: boolean): void => {
    if (label >= a.bits.length) {
      const grown = new Uint8Array(Math.max(label + 1, a.bits.length * 2));
      grown.set(a.bits);
      a.bits = grown;
    }
    const was = a.bits[label] === 1;
    if (was === allow) return;
    a.bits[label] = allow ? 1 : 0;
    a.count += allow ? 1 : -1;
  };
  const allowedLabels = (filter: (id: string) => boolean): AllowedLabels => {
    const hit = kept.get(filter);
    if (hit) return hit;
    const a: AllowedLabels = { bits: new Uint8Array(Math.max(1, labelToId.length)), count: 0 };
    for (const [id, label] of idToLabel) if (filter(id)) setAllowed(a, label, true);
    // A filter made for one search (a closure) is kept too; the oldest goes when there are too many.
    if (kept.size >= KEPT_FILTERS) kept.delete(kept.keys().next().value as (id: string) => boolean);
    kept.set(filter, a);
    return a;
  };
  const labelsOf = (a: AllowedLabels): number[] => {
    const out: number[] = [];
    for (let l = 0; l < a.bits.length; l++) if (a.bits[l] === 1) out.push(l);
    return out;
  };

  const corrupt = (err: unknown) => createError('INDEX_CORRUPT', `cannot read saved HNSW index: ${(err as Error).message}`, { cause: err });
  const mapIds = (ids: readonly string[]) => {
    kept.clear();
    ids.forEach((id, label) => {
      labelToId[label] = id === '' ? undefined : id;
      if (id === '') freeLabels.push(label);
      else idToLabel.set(id, label);
    });
    if (idToLabel.size + freeLabels.length !== ids.length) {
      throw createError('INDEX_CORRUPT', 'saved HNSW index has duplicate ids');
    }
  };
  if (opts.file) {
    // Not the ids yet: they may be parsed lazily (openIndexFiles), in the overlap below.
    const labels = checkHnswFile({ kind: opts.file.kind, dimensions: opts.file.dimensions, path: opts.file.path }, dimensions);
    // The native read (~1.6 s for 1.2 GB at 50k calls) runs on a libuv thread while this thread maps
    // the ids (~0.4 s) and runs the caller's work (the vector cache fill): load ~ the longer, not the sum.
    const reading = index.readIndex(opts.file.path).then(
      () => undefined,
      (err: unknown) => corrupt(err),
    );
    let meanwhile: { error: unknown } | undefined;
    try {
      opts.whileReading?.();
      if (opts.file.ids.length !== labels) {
        throw createError('INDEX_CORRUPT', `saved HNSW index holds ${labels} labels but ${opts.file.ids.length} ids`);
      }
      mapIds(opts.file.ids);
    } catch (error) {
      meanwhile = { error };
    }
    // Always wait for the read: the native side must not outlive a failed restore.
    const failed = await reading;
    if (failed) throw failed;
    if (meanwhile) throw meanwhile.error;
  } else if (opts.raw) {
    checkHnswRaw(opts.raw, dimensions);
    await withTempFile(async (file) => {
      try {
        index.readIndexSync(file);
      } catch (err) {
        throw corrupt(err);
      }
    }, opts.raw.bytes);
    mapIds(opts.raw.ids);
  } else {
    index.initIndex({ maxElements: initialCapacity, m, efConstruction, randomSeed: seed });
  }

  function ensureCapacity(extra: number): void {
    const needed = index.getCurrentCount() + extra;
    const max = index.getMaxElements();
    if (needed > max) index.resizeIndex(Math.max(needed, max * 2));
  }

  function exactSearch(vector: Float32Array, labels: number[], k: number): VectorHit[] {
    const query = l2Normalize(vector);
    const hits = labels.map((label) => {
      // Points in the cosine space are stored normalised, so a dot product is the cosine.
      const point = index.getPoint(label);
      let score = 0;
      for (let i = 0; i < dimensions; i++) score += (query[i] as number) * (point[i] as number);
      return { id: labelToId[label] as string, score };
    });
    return hits.sort((a, b) => b.score - a.score).slice(0, k);
  }

  /** Saved ids by label: '' marks a free label. */
  const savedIds = () => labelToId.map((id) => id ?? '');
  /**
   * The native write in progress (saveToFile runs it on a libuv thread). Mutations wait for it: a
   * label deleted while the writer passed it and re-used before the ids were read gave a file and ids
   * that disagreed, and the next start crashed removing an id the file had already deleted.
   */
  let writing: Promise<unknown> | undefined;
  // Callers loop inline, `while (writing) await quiet(writing);`, and change the index in the same
  // synchronous run as the last check: an `await settled()` helper checked, then yielded once more,
  // and a save that started in that gap ran with the mutation (tests/adapters/index-files.test.ts).
  const quiet = (p: Promise<unknown>) => p.catch(() => undefined);

  const self: VectorIndex = {
    name: 'hnsw',
    dimensions,
    size: () => idToLabel.size,
    has: (id) => idToLabel.has(id),
    get(id) {
      const label = idToLabel.get(id);
      return label === undefined ? undefined : Float32Array.from(index.getPoint(label));
    },
    async upsert(items) {
      while (writing) await quiet(writing);
      for (const { id, vector } of items) {
        checkDimensions(vector, dimensions, `vector "${id}"`);
        if (id === '') throw createError('BAD_INPUT', 'vector ids must not be empty');
      }
      const fresh = new Set(items.map((i) => i.id).filter((id) => !idToLabel.has(id)));
      ensureCapacity(Math.max(0, fresh.size - freeLabels.length));
      for (const { id, vector } of items) {
        let label = idToLabel.get(id);
        if (label === undefined) {
          label = freeLabels.pop() ?? labelToId.length;
          labelToId[label] = id;
          idToLabel.set(id, label);
          for (const [f, a] of kept) setAllowed(a, label, f(id));
        }
        // Same label: hnswlib updates the point in place (and un-deletes a reused label).
        index.addPoint(Array.from(vector), label);
      }
    },
    async remove(ids) {
      while (writing) await quiet(writing);
      for (const id of ids) {
        const label = idToLabel.get(id);
        if (label === undefined) continue;
        try {
          index.markDelete(label);
        } catch (err) {
          // Already deleted in a file saved by an older build (see `writing`): the end state is the same.
          if (!/already deleted/i.test((err as Error).message)) throw err;
        }
        idToLabel.delete(id);
        labelToId[label] = undefined;
        freeLabels.push(label);
        for (const a of kept.values()) setAllowed(a, label, false);
      }
    },
    async search(vector, k, filter) {
      checkDimensions(vector, dimensions, 'query');
      const live = idToLabel.size;
      if (k <= 0 || live === 0) return [];
      let want = Math.min(Math.floor(k), live);
      let labelFilter: ((label: number) => boolean) | undefined;
      let ef = Math.max(efSearch, want);
      if (filter) {
        const allowed = allowedLabels(filter);
        if (allowed.count === 0) return [];
        // A selective filter (say, one call's passages) is answered exactly: cheaper and never misses.
        if (allowed.count <= EXACT_FILTER_LIMIT) return exactSearch(vector, labelsOf(allowed), want);
        want = Math.min(want, allowed.count);
        // Over-fetch: the rarer the allowed ids, the wider the search must look.
        ef = Math.min(live, Math.max(efSearch, want) * Math.min(16, Math.ceil(live / allowed.count)));
        ef = Math.max(ef, want);
        const bits = allowed.bits;
        labelFilter = (label) => bits[label] === 1;
      }
      index.setEf(ef);
      const { neighbors, distances } = index.searchKnn(Array.from(vector), want, labelFilter);
      const hits: VectorHit[] = [];
      neighbors.forEach((label, i) => {
        const id = labelToId[label];
        if (id !== undefined) hits.push({ id, score: 1 - (distances[i] ?? 1) });
      });
      return hits;
    },
    async save() {
      const bytes = await withTempFile(async (file) => {
        index.writeIndexSync(file);
        return new Uint8Array(await readFile(file));
      });
      return { kind: HNSW_INDEX_KIND, dimensions, ids: savedIds(), bytes };
    },
    async saveToFile(path) {
      while (writing) await quiet(writing);
      // hnswlib's async writer: the file is written on a libuv thread, with no copy in JS memory. The ids
      // are read as it starts and nothing changes the index until it ends, so both describe one state.
      const ids = savedIds();
      const write = index.writeIndex(path);
      writing = write;
      try {
        await write;
      } finally {
        if (writing === write) writing = undefined;
      }
      return { kind: HNSW_INDEX_KIND, dimensions, ids };
    },
    async dispose() {
      // Drop the native index so its memory can be collected; the object is unusable afterwards.
      index = new hnswlib.HierarchicalNSW('cosine', dimensions);
      idToLabel.clear();
      labelToId.length = 0;
      freeLabels.length = 0;
      kept.clear();
    },
  };
  return self;
}
