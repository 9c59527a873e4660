/**
 * The scorers the harness reports, by name (src/eval/strategies/). All but the sentence-evidence
 * one are scored from one embedding of each paper.
 */
import { exemplarStrategyByName } from './strategies/exemplar-strategy.js';
import { exemplarRound7ByName } from './strategies/exemplar-round7.js';
import { exemplarVariantByName } from './strategies/exemplar-variants.js';
import { round8ByName } from './strategies/round8.js';
import { hubStrategy } from './strategies/hub-strategy.js';
import { STRATEGIES, type Strategy } from './strategies/index.js';

export type Scorer = Strategy;

export const SCORERS: readonly Scorer[] = STRATEGIES;

/** Scorers run when none are named: everything that one whole-abstract embedding can score. */
export const DEFAULT_SCORER_SET = SCORERS.filter((s) => !s.needsSentences).map((s) => s.name);

/** The scorer the service uses. */
export const DEFAULT_SCORER = 'hybrid';

/** Scorers by name; an unknown name is an error that lists the known ones. */
export function pickScorers(names?: readonly string[]): Scorer[] {
  return (names && names.length ? names : DEFAULT_SCORER_SET).map((n) => {
    const s = SCORERS.find((x) => x.name === n) ?? exemplarStrategyByName(n) ?? exemplarVariantByName(n) ?? exemplarRound7ByName(n) ?? round8ByName(n) ?? hubByName(n);
    if (!s) throw new Error(`unknown scorer "${n}" (known: ${SCORERS.map((x) => x.name).join(', ')})`);
    return s;
  });
}

/** `hub:<lambda>[,top=<share>]`: the hubness-reduction prototype (strategies/hub-strategy.ts). */
function hubByName(n: string): Scorer | undefined {
  const m = /^hub:([\d.]+)(?:,top=([\d.]+))?$/.exec(n);
  return m ? hubStrategy(n, Number(m[1]), m[2] ? Number(m[2]) : 1) : undefined;
}

/** Whether any scorer needs per-sentence draft vectors (topic evidence). */
export function needsSentences(scorers: readonly Scorer[]): boolean {
  return scorers.some((s) => s.needsSentences);
}
