/**
 * The ablations the harness reports. They differ only in fusion parameters,
 * so all of them are scored from one embedding pass per paper.
 */
import type { RankParams } from '../core/rank/fusion.js';

export interface Scorer {
  name: string;
  /** Overrides of DEFAULT_RANK_PARAMS. */
  params: Partial<RankParams>;
}

export const SCORERS: readonly Scorer[] = [
  { name: 'hybrid', params: {} },
  { name: 'bm25', params: { denseWeight: 0, lexicalWeight: 1, evidenceShare: 0 } },
  { name: 'dense', params: { denseWeight: 1, lexicalWeight: 0, evidenceShare: 0 } },
  { name: 'hybrid+bg', params: { backgroundNorm: true } },
  { name: 'hybrid-rrf', params: { fusion: 'rrf' } },
  // Needs every abstract sentence embedded (~8x the model time); run it by name.
  { name: 'hybrid+evidence', params: { evidenceShare: 0.3 } },
];

/** Scorers run when none are named: everything that one whole-abstract embedding can score. */
export const DEFAULT_SCORER_SET = ['hybrid', 'bm25', 'dense', 'hybrid+bg', 'hybrid-rrf'];

/** The scorer the service uses. */
export const DEFAULT_SCORER = 'hybrid';

/** Scorers by name; an unknown name is an error that lists the known ones. */
export function pickScorers(names?: readonly string[]): Scorer[] {
  return (names && names.length ? names : DEFAULT_SCORER_SET).map((n) => {
    const s = SCORERS.find((x) => x.name === n);
    if (!s) throw new Error(`unknown scorer "${n}" (known: ${SCORERS.map((x) => x.name).join(', ')})`);
    return s;
  });
}

/** Whether any scorer needs per-sentence draft vectors (topic evidence). */
export function needsSentences(scorers: readonly Scorer[], base: RankParams): boolean {
  return scorers.some((s) => (s.params.evidenceShare ?? base.evidenceShare) > 0);
}
