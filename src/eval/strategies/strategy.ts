/**
 * Eval strategies: ways of scoring every call for one paper that the harness compares. The
 * service has one scorer (src/core/rank: weighted z-scores of dense and lexical); the
 * alternatives measured against it (per-call backgrounds, reciprocal-rank fusion, sentence
 * evidence in the score) live here, built from the same core pieces, so core carries no
 * switches that only experiments use.
 */
import type { Corpus } from '../../core/corpus/corpus.js';
import type { Embedder } from '../../core/ports.js';
import type { EmbeddedText } from '../../core/rank/evidence.js';
import type { EmbeddedDraft } from '../../core/rank/features.js';

/** What a strategy scores: one paper against every call of the suite. */
export interface StrategyInput {
  corpus: Corpus;
  draft: EmbeddedDraft;
  callIds: readonly string[];
  /** The paper's sentences, embedded; present only when the strategy `needsSentences`. */
  sentences?: readonly EmbeddedText[];
}

/** A call's score and the features the calibration reads. */
export interface StrategyScore {
  callId: string;
  score: number;
  dense: number;
  coverage: number;
}

export interface Strategy {
  name: string;
  /** Needs every sentence of every paper embedded (~8x the model time): run it by name only. */
  needsSentences: boolean;
  /** Load what the strategy needs once the suite's corpus is built (e.g. the reference population). */
  prepare?(ctx: { corpus: Corpus; embedder: Embedder }): Promise<void>;
  score(input: StrategyInput): StrategyScore[];
}
