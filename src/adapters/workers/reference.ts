/**
 * The reference population on Workers: the same `data/reference/abstracts.jsonl` the Node server
 * reads from disk, bundled by wrangler as text (wrangler.toml `[[rules]]` for `*.jsonl`). Only its
 * BM25 side: the dense statistics are per embedder and none are shipped for Workers AI's model, so
 * dense scores stay read per query. What that is worth, and the command: docs/workers.md
 * ("Reference population").
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
