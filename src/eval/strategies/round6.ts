/**
 * Round 6's ablations (eval/README.md "What we tried in round 6"). Each is the service as it was
 * before round 6 (`hybrid-r5`: BM25 k1 1.2, every call fused 0.6 dense / 0.4 lexical) with one
 * change or one combination, so the table's rows can be re-run as measured. The service now has
 * k1 3 (corpus.ts CALL_BM25) and title-only calls fused 0.4 / 0.6 (fusion.ts titleOnlyDenseShare).
 */
import { CALL_BM25 } from '../../core/corpus/corpus.js';
import { callDocument } from '../../core/corpus/passages.js';
import { isTitleOnly } from '../../core/rank/features.js';
import type { Call } from '../../core/schema.js';
import type { Bm25Options } from '../../core/text/bm25.js';
import { tokenize } from '../../core/text/tokens.js';
import { lexicalVariantStrategy, titleWeighted, type LexicalVariant } from './lexical-variant-strategy.js';
import type { Strategy } from './strategy.js';

const R5_BM25: Bm25Options = { k1: 1.2 };

/** The round-5 service with `change` applied (BM25 options merged over k1 1.2). */
const r5 = (name: string, change: LexicalVariant = {}): Strategy =>
  lexicalVariantStrategy(name, { ...change, bm25: { ...R5_BM25, ...change.bm25 }, params: { titleOnlyDenseShare: 1, ...change.params } });

/** Title-only calls fused with dense weight `w` (lexical 1 - w), the others 0.6 / 0.4. */
const titleOnlyWeight = (w: number) => (c: Call) => (isTitleOnly(c) ? w : 0.6);
const EXPAND = { abstracts: 10, terms: 30, weight: 0.3 };

export const ROUND6_STRATEGIES: readonly Strategy[] = [
  r5('hybrid-r5'),
  r5('r6-k3=0', { bm25: { k3: 0 } }),
  r5('r6-k3=1.2', { bm25: { k3: 1.2 } }),
  r5('r6-k3=2', { bm25: { k3: 2 } }),
  r5('r6-k3=5', { bm25: { k3: 5 } }),
  r5('r6-title2', { document: titleWeighted(2) }),
  r5('r6-title3', { document: titleWeighted(3) }),
  r5('r6-b0.5', { bm25: { b: 0.5 } }),
  r5('r6-k1=1.6', { bm25: { k1: 1.6 } }),
  r5('r6-k1=2', { bm25: { k1: 2 } }),
  r5('r6-k1=3', { bm25: { k1: 3 } }),
  r5('r6-k1=5', { bm25: { k1: 5 } }),
  r5('r6-lenw', { denseWeightOf: (c) => (tokenize(callDocument(c)).length >= 60 ? 0.6 : 0.4) }),
  r5('r6-tow.4', { denseWeightOf: titleOnlyWeight(0.4) }),
  r5('r6-tow.5', { denseWeightOf: titleOnlyWeight(0.5) }),
  r5('r6-exp-all', { expand: { ...EXPAND, maxCallTokens: Infinity } }),
  r5('r6-exp-short', { expand: { ...EXPAND, maxCallTokens: 30 } }),
  r5('r6-dtitle', { passages: { mix: 'title', share: 0.3 } }),
  r5('r6-dmax', { passages: { mix: 'max', share: 0.3 } }),
  r5('r6-k1k3', { bm25: { k1: 2, k3: 1.2 } }),
  r5('r6-k1tow', { bm25: { k1: 2 }, denseWeightOf: titleOnlyWeight(0.4) }),
  r5('r6-k1=3tow', { bm25: { k1: 3 }, denseWeightOf: titleOnlyWeight(0.4) }),
  r5('r6-k1=5tow', { bm25: { k1: 5 }, denseWeightOf: titleOnlyWeight(0.4) }),
  r5('r6-k1tow.3', { bm25: { k1: 2 }, denseWeightOf: titleOnlyWeight(0.3) }),
  r5('r6-k1=3tow.3', { bm25: { k1: 3 }, denseWeightOf: titleOnlyWeight(0.3) }),
  r5('r6-k1k3tow', { bm25: { k1: 2, k3: 1.2 }, denseWeightOf: titleOnlyWeight(0.4) }),
  // The service as it is now, with the exemplar papers' BM25 at k1 3 too (run with --exemplars).
  lexicalVariantStrategy('r6-exk1=3', { bm25: CALL_BM25, paperBm25: { k1: 3 } }),
  r5('r6-k1k3tow+dmax', { bm25: { k1: 2, k3: 1.2 }, denseWeightOf: titleOnlyWeight(0.4), passages: { mix: 'max', share: 0.3 } }),
];
