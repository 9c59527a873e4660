/**
 * Storage behind the BM25 index: documents in numbered slots (freed slots are
 * reused), each with its terms as a sorted array of term numbers and counts,
 * and one postings list (slots + counts) per term. Packed arrays rather than
 * nested `Map`s keep 50,000 documents of ~150 distinct terms in tens of MB.
 */

export interface PostingList {
  /** Slots of the documents that contain the term (unordered). Read only. */
  docs: Int32Array;
  /** Count of the term in each of those documents. Read only. */
  tfs: Int32Array;
}

/**
 * A term's postings, growable: typed arrays with spare capacity instead of `number[]`s, which
 * hold 8 bytes an entry plus growth slack (~70 MB of postings at 50k calls, now about half).
 */
interface GrowableList {
  docs: Int32Array;
  tfs: Int32Array;
  n: number;
}

function push(list: GrowableList, doc: number, tf: number): void {
  if (list.n === list.docs.length) {
    const cap = Math.max(4, list.docs.length * 2);
    const docs = new Int32Array(cap);
    const tfs = new Int32Array(cap);
    docs.set(list.docs);
    tfs.set(list.tfs);
    list.docs = docs;
    list.tfs = tfs;
  }
  list.docs[list.n] = doc;
  list.tfs[list.n] = tf;
  list.n++;
}

export interface Postings {
  readonly size: number;
  /** Sum of document lengths (tokens). */
  readonly totalLen: number;
  add(id: string, tf: ReadonlyMap<string, number>, len: number): void;
  remove(id: string): void;
  slotOf(id: string): number | undefined;
  id(slot: number): string;
  len(slot: number): number;
  /** The term's number (as in {@link Postings.termsOf}), undefined when no document ever had it. */
  termId(term: string): number | undefined;
  /** The document's term numbers (ascending) and their counts, undefined for a free slot. Read only. */
  termsOf(slot: number): { terms: Int32Array; tfs: Int32Array } | undefined;
  /** Number of documents containing `term`. */
  df(term: string): number;
  /** The postings of `term`, or undefined when no document has it. */
  list(term: string): PostingList | undefined;
  /** Every document as `[id, terms, length]`, the persisted form. */
  entries(): Array<[string, Record<string, number>, number]>;
}

/**
 * @example
 * const p = createPostings();
 * p.add('a', new Map([['edg', 2]]), 5);
 * p.tf(p.slotOf('a') ?? -1, 'edg'); // 2
 */
export function createPostings(): Postings {
  const ids: Array<string | undefined> = [];
  const slotById = new Map<string, number>();
  const free: number[] = [];
  const lens: number[] = [];
  const docTerms: Array<Int32Array | undefined> = [];
  const docTfs: Array<Int32Array | undefined> = [];
  const termNum = new Map<string, number>();
  const termStr: string[] = [];
  const lists: GrowableList[] = [];
  let totalLen = 0;

  const numOf = (term: string): number => {
    let n = termNum.get(term);
    if (n === undefined) {
      n = termStr.length;
      termNum.set(term, n);
      termStr.push(term);
      lists.push({ docs: new Int32Array(0), tfs: new Int32Array(0), n: 0 });
    }
    return n;
  };

  return {
    get size() {
      return slotById.size;
    },
    get totalLen() {
      return totalLen;
    },
    add(id, tf, len) {
      const slot = free.pop() ?? ids.length;
      const pairs = [...tf].map(([t, f]) => [numOf(t), f] as const).sort((a, c) => a[0] - c[0]);
      ids[slot] = id;
      slotById.set(id, slot);
      lens[slot] = len;
      docTerms[slot] = Int32Array.from(pairs, (x) => x[0]);
      docTfs[slot] = Int32Array.from(pairs, (x) => x[1]);
      totalLen += len;
      for (const [n, f] of pairs) {
        push(lists[n] as GrowableList, slot, f);
      }
    },
    remove(id) {
      const slot = slotById.get(id);
      if (slot === undefined) return;
      for (const n of docTerms[slot] ?? []) {
        const list = lists[n] as GrowableList;
        const i = list.docs.subarray(0, list.n).indexOf(slot);
        const last = list.n - 1;
        // Swap-remove: postings order does not matter (scores add up per document in query-term order).
        list.docs[i] = list.docs[last] as number;
        list.tfs[i] = list.tfs[last] as number;
        list.n--;
      }
      totalLen -= lens[slot] ?? 0;
      slotById.delete(id);
      ids[slot] = undefined;
      docTerms[slot] = undefined;
      docTfs[slot] = undefined;
      free.push(slot);
    },
    slotOf: (id) => slotById.get(id),
    id: (slot) => ids[slot] ?? '',
    len: (slot) => lens[slot] ?? 0,
    termId: (term) => termNum.get(term),
    termsOf(slot) {
      const terms = docTerms[slot];
      const tfs = docTfs[slot];
      return terms && tfs ? { terms, tfs } : undefined;
    },
    df(term) {
      const n = termNum.get(term);
      return n === undefined ? 0 : (lists[n]?.n ?? 0);
    },
    list(term) {
      const n = termNum.get(term);
      const list = n === undefined ? undefined : lists[n];
      return list && list.n ? { docs: list.docs.subarray(0, list.n), tfs: list.tfs.subarray(0, list.n) } : undefined;
    },
    entries() {
      const out: Array<[string, Record<string, number>, number]> = [];
      ids.forEach((id, slot) => {
        if (id === undefined) return;
        const nums = docTerms[slot] ?? new Int32Array();
        const tfs = docTfs[slot] ?? new Int32Array();
        const terms = Object.fromEntries(Array.from(nums, (n, i) => [termStr[n] as string, tfs[i] as number]));
        out.push([id, terms, lens[slot] ?? 0]);
      });
      return out;
    },
  };
}
