import { describe, expect, it } from 'vitest';
import { createBm25Index } from '../text/bm25.js';
import { tokenize } from '../text/tokens.js';
import { CALL_BM25 } from './corpus.js';
import { createTitleField } from './title-field.js';

const TITLES: Array<[string, string]> = [
  ['mt', 'Machine translation'],
  ['mt2', 'Machine translation of machine translation'],
  ['comics', 'Comics and graphic novels'],
  ['astro', 'Galaxies and dark matter'],
];

describe('createTitleField', () => {
  it('scores bit for bit as a BM25 index over the titles, also after a title changes or a call leaves', () => {
    const field = createTitleField(CALL_BM25);
    const index = createBm25Index(CALL_BM25);
    for (const [id, t] of TITLES) {
      field.upsert(id, t);
      index.upsert(id, t);
    }
    const queries = ['Neural machine translation of comics', 'machine machine translation', 'dark matter in galaxies', 'nothing here'].map(tokenize);
    const same = () => {
      for (const q of queries) for (const [id] of TITLES) expect(field.score(q, id)).toBe(index.score(q, id));
    };
    same();
    expect(field.score(queries[0] ?? [], 'mt')).toBeGreaterThan(0);
    field.upsert('astro', 'Comics of the early universe');
    index.upsert('astro', 'Comics of the early universe');
    field.remove('mt2');
    index.remove('mt2');
    expect(field.size).toBe(3);
    same();
    expect(field.score(queries[0] ?? [], 'mt2')).toBe(0);
  });
});
