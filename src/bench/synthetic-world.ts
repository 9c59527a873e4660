/**
 * A reproducible synthetic "science": pseudo-words grouped into fields and
 * fields grouped into areas, each word with a vector near its field's centre.
 * Calls and drafts are written from field vocabularies, and the synthetic
 * embedder averages word vectors, so vectors have real cluster structure (what
 * makes HNSW recall meaningful) and BM25 sees topic-like word sequences.
 */
import { createRng, normalizeInPlace, randomUnit, type Rng } from './rng.js';

export interface WorldOptions {
  seed: number;
  dims: number;
  areas?: number;
  fieldsPerArea?: number;
  wordsPerField?: number;
  /** Words every field uses ("model", "analysis" ...): long BM25 postings. */
  generalWords?: number;
}

export interface SyntheticWorld {
  readonly seed: number;
  readonly dims: number;
  readonly words: readonly string[];
  /** Word numbers of each field's vocabulary. */
  readonly fields: readonly (readonly number[])[];
  readonly general: readonly number[];
  readonly wordIndex: ReadonlyMap<string, number>;
  /** Row-major, `words.length` rows of `dims`. */
  readonly wordVectors: Float32Array;
}

const SYLLABLES = 'ka lo mi ne ru ta vo shi pel dor gan tri mur sel vin cor bal fen lum ris tor zan quel bry nox hal dem pra sto gli'.split(' ');

function makeWords(r: Rng, count: number): string[] {
  const seen = new Set<string>();
  while (seen.size < count) {
    let w = '';
    const n = 2 + Math.floor(r() * 3);
    for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(r() * SYLLABLES.length)];
    seen.add(w);
  }
  return [...seen];
}

/**
 * @example
 * const world = createWorld({ seed: 7, dims: 512 });
 * world.fields.length; // 250
 */
export function createWorld(opts: WorldOptions): SyntheticWorld {
  const { seed, dims, areas = 25, fieldsPerArea = 10, wordsPerField = 80, generalWords = 300 } = opts;
  const r = createRng(seed);
  const nFields = areas * fieldsPerArea;
  const words = makeWords(r, nFields * wordsPerField + generalWords);
  const wordVectors = new Float32Array(words.length * dims);
  const fields: number[][] = [];
  let next = 0;
  for (let a = 0; a < areas; a++) {
    const area = randomUnit(r, dims);
    for (let f = 0; f < fieldsPerArea; f++) {
      const centre = randomUnit(r, dims);
      for (let i = 0; i < dims; i++) centre[i] = (area[i] as number) + 0.8 * (centre[i] as number);
      normalizeInPlace(centre);
      const vocab: number[] = [];
      for (let w = 0; w < wordsPerField; w++, next++) {
        const noise = randomUnit(r, dims);
        const row = wordVectors.subarray(next * dims, (next + 1) * dims);
        for (let i = 0; i < dims; i++) row[i] = (centre[i] as number) + 0.9 * (noise[i] as number);
        normalizeInPlace(row);
        vocab.push(next);
      }
      fields.push(vocab);
    }
  }
  const general: number[] = [];
  for (; next < words.length; next++) {
    const row = wordVectors.subarray(next * dims, (next + 1) * dims);
    row.set(randomUnit(r, dims));
    for (let i = 0; i < dims; i++) row[i] = 0.5 * (row[i] as number);
    general.push(next);
  }
  // Fields borrow a few words from a neighbour in the same area, so fields overlap as real ones do.
  fields.forEach((vocab, f) => {
    const neighbour = fields[f - (f % fieldsPerArea) + ((f + 1) % fieldsPerArea)] ?? vocab;
    vocab.push(...neighbour.slice(0, Math.floor(wordsPerField / 8)));
  });
  return { seed, dims, words, fields, general, wordIndex: new Map(words.map((w, i) => [w, i])), wordVectors };
}

/** Average of the word vectors of the known words in `text`, unit length; `undefined` when none is known. */
export function embedWords(world: SyntheticWorld, text: string): Float32Array | undefined {
  const { dims, wordVectors, wordIndex } = world;
  const v = new Float32Array(dims);
  let n = 0;
  for (const w of text.toLowerCase().split(/[^a-z]+/)) {
    const i = wordIndex.get(w);
    if (i === undefined) continue;
    n++;
    const off = i * dims;
    for (let d = 0; d < dims; d++) v[d] = (v[d] as number) + (wordVectors[off + d] as number);
  }
  return n ? normalizeInPlace(v) : undefined;
}
