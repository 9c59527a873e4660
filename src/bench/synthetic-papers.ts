/**
 * Published papers (exemplars) for synthetic calls: drafts written from the call's own fields, so
 * a call's papers are about what the call is about, as a special issue's are.
 */
import { exemplarId } from '../core/papers/exemplars.js';
import type { Exemplar } from '../core/papers/schema.js';
import type { CallStore } from '../core/ports.js';
import type { Call } from '../core/schema.js';
import { createRng, intBetween } from './rng.js';
import { fieldPair, phrase, syntheticCall, syntheticStore } from './synthetic-calls.js';
import type { SyntheticWorld } from './synthetic-world.js';

/**
 * `n` papers for synthetic call `index`, written from its field pair (the same as syntheticCall's).
 *
 * @example
 * syntheticPapers(world, 3, 5).length // 5
 */
export function syntheticPapers(world: SyntheticWorld, index: number, n: number): Exemplar[] {
  // The call's first draw is its field pair: the same seed gives the same fields.
  const [field, other] = fieldPair(world, createRng(world.seed * 1_000_003 + index));
  const r = createRng(world.seed * 13_000_027 + index);
  return Array.from({ length: n }, (_, j) => {
    const title = `${phrase(world, r, field, other, intBetween(r, 5, 9))} ${j}`;
    const abstract = Array.from({ length: intBetween(r, 5, 8) }, () => `${phrase(world, r, field, other, intBetween(r, 12, 20))}.`).join(' ');
    return { id: exemplarId({ title }), title, abstract, keywords: [phrase(world, r, field, other, 1), phrase(world, r, field, other, 1)], source: 'manual' as const };
  });
}

/**
 * Synthetic call `index` with `n` papers.
 *
 * @example
 * syntheticCallWithPapers(world, 0, 5).papers?.length // 5
 */
export function syntheticCallWithPapers(world: SyntheticWorld, index: number, n: number): Call {
  const call = syntheticCall(world, index);
  return n > 0 ? { ...call, papers: syntheticPapers(world, index, n) } : call;
}

/**
 * The synthetic store with `papers` published papers on every call (bench: ranking with exemplars).
 *
 * @example
 * syntheticStoreWithPapers(world, 50_000, 5)
 */
export function syntheticStoreWithPapers(world: SyntheticWorld, n: number, papers: number): CallStore {
  const base = syntheticStore(world, n);
  const withPapers = (c: Call): Call => ({ ...c, papers: syntheticPapers(world, Number(c.id.slice('syn-'.length)), papers) });
  return {
    ...base,
    list: async () => (await base.list()).map(withPapers),
    get: async (id) => {
      const c = await base.get(id);
      return c ? withPapers(c) : undefined;
    },
  };
}
