/**
 * USE-lite's SentencePiece tokenizer, rewritten to run in linear time with the same output as the
 * one in `@energetic-ai/embeddings`. That one copies the rest of the text for every character it
 * looks up (`symbols.slice(i)`), so it costs O(n²) in characters: ~34 ms of CPU for a 270-token
 * abstract, about a quarter of the whole embedding (docs/performance.md). This one walks a trie of
 * code points from each position in place. Ids are checked against the package's tokenizer on every
 * text of both shared eval suites and on adversarial strings (use-lite-tokenizer.test.ts).
 */

/** [piece, score] pairs in id order, as in the package's vocab.json. */
export type UseVocabulary = ReadonlyArray<readonly [string, number]>;

interface Node {
  children: Map<number, Node>;
  /** The vocabulary id ending here, or -1. */
  id: number;
  score: number;
  /** The piece's length in code points. */
  symbols: number;
}

/** The package's first six ids (unknown, <s>, </s>, three extra ids) are never produced from text. */
const RESERVED = 6;
const SEPARATOR = '\u2581';

const newNode = (): Node => ({ children: new Map(), id: -1, score: 0, symbols: 0 });

/** NFKC, then a separator before the text and instead of every space (the package's processInput). */
function codePoints(input: string): number[] {
  const normalized = input.normalize('NFKC');
  const text = normalized.length > 0 ? SEPARATOR + normalized.replace(/ /g, SEPARATOR) : normalized;
  const out: number[] = [];
  for (const ch of text) out.push(ch.codePointAt(0) as number);
  return out;
}

export interface UseTokenizer {
  encode(input: string): number[];
}

/**
 * @example
 * const tok = createUseTokenizer(vocabulary);
 * tok.encode('Graph neural networks'); // the same ids as the package's Tokenizer
 */
export function createUseTokenizer(vocabulary: UseVocabulary): UseTokenizer {
  const root = newNode();
  for (let id = RESERVED; id < vocabulary.length; id++) {
    const [piece, score] = vocabulary[id] as readonly [string, number];
    let node = root;
    let n = 0;
    for (const ch of piece) {
      const cp = ch.codePointAt(0) as number;
      let next = node.children.get(cp);
      if (!next) {
        next = newNode();
        node.children.set(cp, next);
      }
      node = next;
      n++;
    }
    if (n === 0) continue;
    node.id = id;
    node.score = score;
    node.symbols = n;
  }
  // The package steps back by the piece's UTF-16 length when it reads the best path off.
  const utf16 = vocabulary.map(([piece]) => piece.length);

  return {
    encode(input) {
      const symbols = codePoints(input);
      const n = symbols.length;
      // best[e]: the best path's score over the first e symbols; words[e]: the id of its last piece.
      // Relaxing forward from each start in order visits the pieces ending at e in the order the
      // package does (by start), and best[i] is final once every start before i is done.
      const best = new Float64Array(n + 1);
      const words = new Int32Array(n + 1);
      const relax = (end: number, score: number, id: number) => {
        // The package's rule, kept as it is: 0 means "unset", and ties go to the later piece.
        if (best[end] === 0 || score >= (best[end] as number)) {
          best[end] = score;
          words[end] = id;
        }
      };
      for (let i = 0; i < n; i++) {
        const from = best[i] as number;
        let node = root.children.get(symbols[i] as number);
        let found = false;
        for (let k = i; node; k++) {
          if (node.id >= 0) {
            relax(k + 1, node.score + from, node.id);
            found = true;
          }
          node = k + 1 < n ? node.children.get(symbols[k + 1] as number) : undefined;
        }
        // No piece starts here: the package takes one symbol as the unknown id 0 with score 0.
        if (!found) relax(i + 1, from, 0);
      }
      const reversed: number[] = [];
      for (let at = n; at > 0; at -= utf16[words[at] as number] as number) reversed.push(words[at] as number);
      // Runs of unknown ids become one.
      const out: number[] = [];
      let previousUnknown = false;
      for (const id of reversed) {
        if (!(previousUnknown && id === 0)) out.push(id);
        previousUnknown = id === 0;
      }
      return out.reverse();
    },
  };
}
