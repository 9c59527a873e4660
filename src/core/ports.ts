/**
 * The three ports the matcher depends on. Adapters are factories that return
 * plain objects implementing these (see src/adapters/). Each port has a
 * contract test suite in tests/contracts/ that every adapter runs.
 */
import type { FeedbackRecord } from './feedback/schema.js';
import type { Call } from './schema.js';

/** Turns text into unit-length vectors. */
export interface Embedder {
  /** Stable identifier of the model, recorded in index manifests (e.g. `use-lite`, `onnx:Xenova/bge-small-en-v1.5`). */
  readonly id: string;
  readonly dimensions: number;
  /** Embed a batch of texts; returns one L2-normalised vector per input, in order. */
  embed(texts: readonly string[]): Promise<Float32Array[]>;
  dispose?(): Promise<void>;
}

export interface VectorHit {
  id: string;
  /** Cosine similarity in [-1, 1]; higher is closer. */
  score: number;
}

/** Raw persisted form of a stateful part: bytes plus a small JSON header. */
export interface RawIndex {
  kind: string;
  dimensions: number;
  ids: string[];
  bytes: Uint8Array;
}

/** Nearest-neighbour search over unit vectors by cosine similarity. */
export interface VectorIndex {
  readonly name: string;
  readonly dimensions: number;
  size(): number;
  has(id: string): boolean;
  /** Insert or replace vectors by id. */
  upsert(items: ReadonlyArray<{ id: string; vector: Float32Array }>): Promise<void>;
  remove(ids: readonly string[]): Promise<void>;
  /** The k nearest ids, best first. `filter` restricts the candidates. */
  search(vector: Float32Array, k: number, filter?: (id: string) => boolean): Promise<VectorHit[]>;
  /** Stored vector by id (used for exact re-scoring and evidence). Read-only: it may be the index's own storage. */
  get(id: string): Float32Array | undefined;
  /**
   * Optional: make `get` answer for these ids. Indexes that keep vectors remotely
   * (Vectorize) load them here; the ranker awaits it for its candidates' passages
   * before scoring. In-memory indexes leave it out.
   */
  prefetch?(ids: readonly string[]): Promise<void>;
  save(): Promise<RawIndex>;
  /**
   * Optional: write the bytes `save()` would return straight to `path` and return the rest.
   * For big native indexes (1.2 GB at 50k calls), so persisting never holds a second copy in memory.
   */
  saveToFile?(path: string): Promise<Omit<RawIndex, 'bytes'>>;
  dispose(): Promise<void>;
}

/** Where calls live. */
export interface CallStore {
  readonly name: string;
  list(): Promise<Call[]>;
  get(id: string): Promise<Call | undefined>;
  /** Insert or replace. `sourceText` is the raw CFP text when the call came from one. */
  put(call: Call): Promise<void>;
  delete(id: string): Promise<boolean>;
}

/**
 * Where editors' triage decisions live, per call (feedback/). Confidential: only decisions an editor
 * chose to record, holding a vector and a label (text only when the editor asked), listable and
 * deletable per call. Never read when ranking for authors.
 */
export interface FeedbackStore {
  readonly name: string;
  /** The call's decisions, oldest first. */
  list(callId: string): Promise<FeedbackRecord[]>;
  /** Insert, or replace the decision with the same `call_id` and `id`. */
  put(record: FeedbackRecord): Promise<void>;
  delete(callId: string, id: string): Promise<boolean>;
  /** Remove every decision of the call; returns how many there were. */
  clear(callId: string): Promise<number>;
}
