/**
 * The triage tests' embedder: the shared deterministic fake (hashed bag of
 * words, 64 dimensions, L2-normalised), so texts that share words are close
 * and no model loads.
 */
import { createFakeEmbedder as sharedFake } from '../fixtures/fake-embedder.js';

export const FAKE_DIMENSIONS = 64;

/**
 * @example
 * const [v] = await createFakeEmbedder().embed(['graph neural networks']);
 */
export function createFakeEmbedder(): ReturnType<typeof sharedFake> {
  return sharedFake(FAKE_DIMENSIONS, 'fake-bow-64');
}
