/**
 * Triage runs a few submissions at once: the results are those of one-by-one triage, in the
 * request's order, with at most `concurrency` in flight; a failure stops the rest.
 */
import { describe, expect, test } from 'vitest';
import { TriageRequest } from '../../src/core/schema.js';
import { triageSubmissions } from '../../src/core/triage/triage.js';
import { GRID_DRAFT, PROTEIN_DRAFT, testMatcher } from './corpus.js';

const SUBMISSIONS = Array.from({ length: 11 }, (_, i) => ({
  id: `s${i}`,
  ...(i % 2 ? GRID_DRAFT : PROTEIN_DRAFT),
  abstract: `${(i % 2 ? GRID_DRAFT : PROTEIN_DRAFT).abstract} Variant ${i} of the study.`,
}));
/** A submission's whole text (its sentences are shorter, and the earlier ones are cached). */
const wholeText = (texts: readonly string[]) => texts.length === 1 && (texts[0] ?? '').length > 80 && (texts[0] ?? '').includes('Variant');
const request = TriageRequest.parse({ call_id: 'grid-gnn', submissions: SUBMISSIONS });

describe('triageSubmissions concurrency', () => {
  test('gives the one-by-one results in request order, never more than `concurrency` submissions in flight', async () => {
    const one = await triageSubmissions(await testMatcher(), request, { concurrency: 1 });
    const matcher = await testMatcher();
    const inner = matcher.embedder.embed.bind(matcher.embedder);
    let inFlight = 0;
    let most = 0;
    // Each submission embeds its whole text once: count those in flight.
    (matcher.embedder as { embed: typeof inner }).embed = async (texts) => {
      if (!wholeText(texts)) return inner(texts);
      most = Math.max(most, ++inFlight);
      await new Promise((r) => setTimeout(r, 5));
      inFlight--;
      return inner(texts);
    };
    const four = await triageSubmissions(matcher, request, { concurrency: 4 });
    expect(four).toEqual(one);
    expect(four.results.map((r) => r.id)).toEqual(SUBMISSIONS.map((s) => s.id));
    expect(most).toBe(4);
  });

  test('a failure rejects the request and starts no further submission', async () => {
    const matcher = await testMatcher();
    const inner = matcher.embedder.embed.bind(matcher.embedder);
    let started = 0;
    (matcher.embedder as { embed: typeof inner }).embed = async (texts) => {
      if (wholeText(texts) && ++started === 3) throw new Error('model failed');
      return inner(texts);
    };
    await expect(triageSubmissions(matcher, request, { concurrency: 2 })).rejects.toThrow('model failed');
    await new Promise((r) => setTimeout(r, 50));
    expect(started).toBeLessThanOrEqual(4);
  });
});
