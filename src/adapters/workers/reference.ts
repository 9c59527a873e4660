/**
 * The reference population on Workers: the same `data/reference/abstracts.jsonl` the Node server
 * reads from disk, bundled by wrangler as text (wrangler.toml `[[rules]]` for `*.jsonl`). Only its
 * BM25 side: the dense statistics are per embedder and none are shipped for Workers AI's model, so
 * dense scores stay read per query. Measured on Node with the dense statistics removed (session 3,
 * README "Measured quality"): acc@1 on the special-issue suite 0.429 without a reference, 0.495 with
 * this lexical side alone (ACL 0.503 -> 0.509, arXiv 0.177 -> 0.183).
 */
import abstractsJsonl from '../../../data/reference/abstracts.jsonl';
import type { ReferencePopulation } from '../../core/corpus/reference.js';
import { referenceAbstracts } from '../../core/corpus/reference-texts.js';

/**
 * @example
 * composeMatcher({ ..., reference: workerReference() });
 */
export function workerReference(): ReferencePopulation {
  return { abstracts: referenceAbstracts(abstractsJsonl) };
}
