/**
 * The indexed call set: calls, their passages, the vector index of passage
 * embeddings and the BM25 index of call documents. Re-indexing is
 * incremental: passages are content-addressed, so only new or changed text
 * is embedded.
 */
import type { Embedder, VectorIndex } from '../ports.js';
import type { Call } from '../schema.js';
import { createBm25Index, type Bm25Index, type Bm25Options } from '../text/bm25.js';
import { callDocument, callPassages, type Passage, type PassageOptions } from './passages.js';
import { createTitleField, type TitleScorer } from './title-field.js';
import { createReferenceMoments, type ReferenceMoments, type ReferenceOptions, type ReferencePopulation } from './reference.js';

/**
 * BM25 of the call documents. k1 3 (the usual 1.2 saturates a term's count in the document after a
 * few mentions): a CFP repeats the terms of its theme, and how often it does is evidence worth
 * keeping. Measured over 1.2-5 on ACL, arXiv and the special-issue suites (eval/README.md "What we
 * tried in round 6"): acc@1 rose on all of them up to 3; above it ACL and arXiv kept rising while
 * the special issues against long distractor CFPs fell. The exemplar papers' index keeps the default.
 */
export const CALL_BM25: Bm25Options = { k1: 3 };

export interface Corpus {
  readonly calls: ReadonlyMap<string, Call>;
  readonly passagesByCall: ReadonlyMap<string, readonly Passage[]>;
  readonly bm25: Bm25Index;
  /**
   * BM25 over each call's title alone (the call-title field, title-field.ts): the draft's title
   * against it is a match that means the same for a title-only call and a full CFP, read against its
   * own reference moments and mixed into the lexical score (features.ts TITLE_FIELD_WEIGHT).
   */
  readonly titleField: TitleScorer;
  /** Exemplar papers (`Call.papers`) as passages, for calls that have any; the same objects as in `passagesByCall`. */
  readonly papersByCall: ReadonlyMap<string, readonly Passage[]>;
  /**
   * BM25 over the exemplar papers: one document per call with papers (its papers' texts), keyed by
   * call id. Apart from `bm25`, so the call documents' statistics (idf, mean length) and hence every
   * call's lexical score are the same whether or not any call has papers.
   */
  readonly paperBm25: Bm25Index;
  readonly index: VectorIndex;
  /** Each call's moments over the shipped reference population; undefined when the corpus has none. */
  readonly reference: ReferenceMoments | undefined;
  /** Add or replace calls; returns how many passages had to be embedded. */
  upsert(calls: readonly Call[], onEmbedded?: (passages: number) => void): Promise<{ embedded: number }>;
  /**
   * Register calls for lexical search (passages, BM25) without embedding anything; returns how many
   * of their passages the vector index still lacks. A first start ranks on this while `upsert` embeds.
   */
  register(calls: readonly Call[]): { passages: number; missing: number };
  remove(ids: readonly string[]): Promise<void>;
  /** Remove every passage in the vector index that no call owns any more. */
  prune(): Promise<number>;
}

export interface CorpusOptions {
  embedder: Embedder;
  index: VectorIndex;
  passages?: PassageOptions;
  /** Texts embedded per embedder call. */
  batchSize?: number;
  /** The reference population of abstracts (data/reference/) that call scores are read against. */
  reference?: ReferencePopulation;
  referenceOptions?: ReferenceOptions;
}

/**
 * @example
 * const corpus = createCorpus({ embedder, index: createFlatIndex({ dimensions: embedder.dimensions }) });
 * await corpus.upsert(calls);
 */
export function createCorpus(opts: CorpusOptions): Corpus {
  const { embedder, index } = opts;
  const batchSize = opts.batchSize ?? 32;
  const calls = new Map<string, Call>();
  const passagesByCall = new Map<string, Passage[]>();
  const bm25 = createBm25Index(CALL_BM25);
  const titleField = createTitleField(CALL_BM25);
  const papersByCall = new Map<string, Passage[]>();
  const paperBm25 = createBm25Index();
  const setPapers = (callId: string, passages: readonly Passage[]) => {
    const papers = passages.filter((p) => p.kind === 'paper');
    const before = papersByCall.get(callId) ?? [];
    const same = before.length === papers.length && before.every((p, i) => p.id === papers[i]?.id);
    if (same) return;
    if (papers.length) {
      papersByCall.set(callId, papers);
      paperBm25.upsert(callId, papers.map((p) => p.text).join('. '));
    } else {
      papersByCall.delete(callId);
      paperBm25.remove(callId);
    }
  };
  const reference = opts.reference?.abstracts.length ? createReferenceMoments({ calls, passagesByCall, bm25, titleField, index }, opts.reference, opts.referenceOptions) : undefined;

  const dropCall = async (id: string) => {
    const old = passagesByCall.get(id);
    calls.delete(id);
    passagesByCall.delete(id);
    bm25.remove(id);
    titleField.remove(id);
    setPapers(id, []);
    reference?.forget(id);
    if (old?.length) await index.remove(old.map((p) => p.id).filter((pid) => index.has(pid)));
  };

  return {
    calls,
    passagesByCall,
    bm25,
    titleField,
    papersByCall,
    paperBm25,
    index,
    register(newCalls) {
      let passages = 0;
      let missing = 0;
      const seen = new Set<string>();
      for (const call of newCalls) {
        const ps = callPassages(call, opts.passages);
        calls.set(call.id, call);
        passagesByCall.set(call.id, ps);
        bm25.upsert(call.id, callDocument(call));
        titleField.upsert(call.id, call.title);
        setPapers(call.id, ps);
        for (const p of ps) {
          if (seen.has(p.id)) continue;
          seen.add(p.id);
          passages++;
          if (!index.has(p.id)) missing++;
        }
      }
      reference?.update(calls.keys());
      return { passages, missing };
    },
    reference,
    async upsert(newCalls, onEmbedded) {
      // Passages are embedded in batches as calls are registered, not collected first: at 50k calls
      // the list of every missing passage and the set to dedupe it were ~50 MB at the build's peak.
      // `queued` holds only passages not yet in the index (a batch at most, plus one call's).
      const pending: Passage[] = [];
      const queued = new Set<string>();
      let embedded = 0;
      const flush = async (all: boolean) => {
        while (pending.length >= batchSize || (all && pending.length > 0)) {
          const batch = pending.splice(0, batchSize);
          const vectors = await embedder.embed(batch.map((p) => p.text));
          await index.upsert(batch.map((p, j) => ({ id: p.id, vector: vectors[j] as Float32Array })));
          for (const p of batch) queued.delete(p.id);
          embedded += batch.length;
          onEmbedded?.(batch.length);
        }
      };
      for (const call of newCalls) {
        const passages = callPassages(call, opts.passages);
        const keep = new Set(passages.map((p) => p.id));
        const stale = (passagesByCall.get(call.id) ?? []).filter((p) => !keep.has(p.id) && index.has(p.id));
        if (stale.length) await index.remove(stale.map((p) => p.id));
        calls.set(call.id, call);
        passagesByCall.set(call.id, passages);
        bm25.upsert(call.id, callDocument(call));
        titleField.upsert(call.id, call.title);
        setPapers(call.id, passages);
        for (const p of passages) {
          if (index.has(p.id) || queued.has(p.id)) continue;
          queued.add(p.id);
          pending.push(p);
        }
        await flush(false);
      }
      await flush(true);
      // After the whole batch, so BM25's statistics are those of the new corpus; calls whose BM25
      // moments went stale as the corpus grew are refreshed in the same pass.
      reference?.update(calls.keys());
      return { embedded };
    },
    async remove(ids) {
      for (const id of ids) await dropCall(id);
    },
    async prune() {
      const owned = new Set<string>();
      let present = 0;
      for (const ps of passagesByCall.values()) for (const p of ps) if (!owned.has(p.id) && owned.add(p.id) && index.has(p.id)) present++;
      // Every stored vector is owned: nothing to prune. Listing the index's ids needs save(), which
      // for HNSW copies the whole index (1.1 GB at 50k calls) through a temp file: skip it.
      if (present === index.size()) return 0;
      const raw = await index.save();
      const orphans = raw.ids.filter((id) => id && !owned.has(id) && index.has(id));
      if (orphans.length) await index.remove(orphans);
      return orphans.length;
    },
  };
}
