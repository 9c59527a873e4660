import { describe, expect, it } from 'vitest';
import { createCorpus } from '../../core/corpus/corpus.js';
import { createFlatIndex } from '../../core/flat-index.js';
import type { Embedder } from '../../core/ports.js';
import { Call } from '../../core/schema.js';
import { callBackgrounds } from './background.js';

const embedder: Embedder = {
  id: 'const',
  dimensions: 4,
  embed: async (texts) => texts.map((t) => {
    const v = new Float32Array([t.length % 3, t.length % 5, 1, t.includes('star') ? 3 : 0]);
    const n = Math.hypot(...v);
    return v.map((x) => x / n);
  }),
};

describe('callBackgrounds', () => {
  it('gives every call a finite mean and a spread at or above the floor, and recomputes when calls change', async () => {
    const corpus = createCorpus({ embedder, index: createFlatIndex({ dimensions: 4 }) });
    await corpus.upsert([
      Call.parse({ id: 'a', title: 'Stars and galaxies', scope: 'Star formation. Galaxy clusters.', topics: ['stellar winds'] }),
      Call.parse({ id: 'b', title: 'Protein folding', scope: 'Protein structure.', topics: ['enzymes', 'molecular dynamics'] }),
    ]);
    const opts = { shrink: 20, minDenseSpread: 0.02, minLexicalSpread: 0.5 };
    const bg = callBackgrounds(corpus, opts);
    for (const id of ['a', 'b']) {
      const m = bg.get(id);
      expect(m?.n).toBeGreaterThan(0);
      expect(Number.isFinite(m?.dense.mean)).toBe(true);
      expect(m?.dense.sd).toBeGreaterThanOrEqual(0.02);
      expect(m?.lexical.sd).toBeGreaterThanOrEqual(0.5);
    }
    expect(callBackgrounds(corpus, opts)).toBe(bg);
    await corpus.upsert([Call.parse({ id: 'c', title: 'Machine translation' })]);
    const again = callBackgrounds(corpus, opts);
    expect(again).not.toBe(bg);
    expect(again.has('c')).toBe(true);
  });
});
