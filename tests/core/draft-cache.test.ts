/**
 * The matcher's draft-embedding LRU: ranking an edited draft embeds only the whole text and the
 * changed sentence, ranking it unchanged embeds nothing, and the answers equal those of a matcher
 * without the cache.
 */
import { describe, expect, it } from 'vitest';
import { createFakeEmbedder } from '../fixtures/fake-embedder.js';
import { LAM_DRAFT, testMatcher } from '../http/helpers.js';

async function matcherWith(maxEntries?: number) {
  const embedder = createFakeEmbedder(64);
  const matcher = await testMatcher({ embedder, ...(maxEntries === undefined ? {} : { draftCache: { maxEntries } }) });
  return { matcher, embedder };
}
const withoutTiming = (r: { timing_ms: unknown }) => ({ ...r, timing_ms: undefined });

describe('draft embedding cache in the matcher', () => {
  it('re-ranking embeds only what changed, with the same answer as without the cache', async () => {
    const { matcher, embedder } = await matcherWith();
    const first = await matcher.rank(LAM_DRAFT);
    const sentences = embedder.texts;
    const again = await matcher.rank(LAM_DRAFT);
    expect(embedder.texts).toBe(sentences);
    expect(withoutTiming(again)).toEqual(withoutTiming(first));

    const edited = { ...LAM_DRAFT, abstract: `${LAM_DRAFT.abstract} We release the scheduler as open source.` };
    await matcher.rank(edited);
    expect(embedder.texts - sentences).toBe(2); // the whole text and the new sentence

    const { matcher: plain, embedder: plainEmbedder } = await matcherWith(0);
    expect(withoutTiming(await plain.rank(edited))).toEqual(withoutTiming(await matcher.rank(edited)));
    const before = plainEmbedder.texts;
    await plain.rank(edited);
    expect(plainEmbedder.texts - before).toBeGreaterThan(2);
  });
});
