/**
 * What the learned choosers' trainers (train-title.ts, train-venue.ts) share:
 * the site a call comes from (folds are by site), the former held-out round
 * of each call, and the accuracy figure they print.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chooseBest } from '../../core/cfp/title-model.js';
import type { CfpTruth } from './score.js';
import type { TitleExample } from './title-train.js';

/**
 * The site a call comes from: its URL's host (DBWorld, a publisher, a listing site), so near-identical calls share a fold.
 *
 * @example
 * groupOf({ provenance: { url: 'https://www.mdpi.com/journal/x' } } as CfpTruth) // 'mdpi.com'
 */
export function groupOf(t: CfpTruth): string {
  try {
    return new URL(t.provenance.url).hostname.replace(/^www\./, '');
  } catch {
    return t.provenance.source.split(/[@:]/)[0] ?? t.id;
  }
}

/**
 * Which former held-out round each call came from, as SOURCES.md's tables mark them ("tune (held-out in round 5)").
 *
 * @example
 * (await roundsOf('eval/cfp/cases')).get('mdpi-religions-world-christianity') // 8
 */
export async function roundsOf(dir: string): Promise<Map<string, number>> {
  const text = await readFile(join(dir, '..', 'SOURCES.md'), 'utf8').catch(() => '');
  const out = new Map<string, number>();
  for (const m of text.matchAll(/^\| ([\w.-]+) \| tune \(held-out in round (\d+)\)/gm)) if (m[1] && m[2]) out.set(m[1], Number(m[2]));
  return out;
}

/**
 * "0.896 (249/278)", or "-" for no calls.
 *
 * @example
 * pct(1, 2) // '0.500 (1/2)'
 */
export const pct = (ok: number, n: number) => (n === 0 ? '-' : `${(ok / n).toFixed(3)} (${ok}/${n})`);

/**
 * Whether the weights pick a right candidate of the call.
 *
 * @example
 * pickedRight({ id: 'a', group: 'g', features: [[1], [0]], right: [true, false] }, [1]) // true
 */
export function pickedRight(e: TitleExample, w: readonly number[]): boolean {
  return e.right[chooseBest(e.features, w)] ?? false;
}
