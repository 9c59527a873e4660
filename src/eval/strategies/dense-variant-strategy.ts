/**
 * The dense half read from more than the whole-call vector (eval/README.md
 * "What we tried in round 6"): each passage's cosine (title, topics, scope chunks) is read against
 * that passage's own moments over the reference population (corpus/reference.ts denseMoments, from
 * the shipped statistics), and the call's dense z mixes the whole-call z with the title's or with
 * the best passage's. A call known by its title alone has one passage, so it scores as before.
 */
import type { Corpus } from '../../core/corpus/corpus.js';
import { denseMoments, type DenseStats, type Moments } from '../../core/corpus/reference.js';
import type { CallFeatures, EmbeddedDraft } from '../../core/rank/features.js';
import { dot } from '../../core/rank/vector-math.js';
import { loadReferencePopulation } from '../../adapters/node/reference-file.js';

export type PassageMix = 'title' | 'max';

const MIN_PASSAGE_SPREAD = 0.02;

export interface PassageZ {
  vector: Float32Array;
  moments: Moments;
  kind: string;
}

/**
 * Each call's title, topic and scope passages with their moments over the reference population.
 *
 * @example
 * const zs = await passageMoments(corpus, embedder.id);
 */
export async function passageMoments(corpus: Corpus, embedderId: string): Promise<Map<string, PassageZ[]>> {
  const population = await loadReferencePopulation(embedderId);
  const stats: DenseStats | undefined = population?.dense;
  const out = new Map<string, PassageZ[]>();
  for (const [id, passages] of corpus.passagesByCall) {
    const zs: PassageZ[] = [];
    for (const ps of passages) {
      if (ps.kind !== 'title' && ps.kind !== 'topic' && ps.kind !== 'scope') continue;
      const vector = corpus.index.get(ps.id);
      if (!vector || !stats) continue;
      const m = denseMoments(vector, stats);
      zs.push({ vector, kind: ps.kind, moments: { mean: m.mean, sd: Math.max(m.sd, MIN_PASSAGE_SPREAD) } });
    }
    out.set(id, zs);
  }
  return out;
}

/**
 * The call's dense z mixed with its best passage z (`mix` 'title': the title's): (1 - share) * whole + share * best.
 * Calls with one passage (a title alone) keep the whole-call z.
 *
 * @example
 * features.map((f) => mixPassages(f, draft, zs.get(f.callId) ?? [], 'max', 0.3))
 */
export function mixPassages<T extends CallFeatures>(f: T, draft: EmbeddedDraft, passages: readonly PassageZ[], mix: PassageMix, share: number): T {
  if (!f.denseRef || passages.length < 2) return f;
  const pick = mix === 'title' ? passages.filter((x) => x.kind === 'title') : passages;
  if (!pick.length) return f;
  let best = -Infinity;
  for (const x of pick) best = Math.max(best, (dot(draft.vector, x.vector) - x.moments.mean) / x.moments.sd);
  return { ...f, normDense: (1 - share) * f.normDense + share * best };
}
