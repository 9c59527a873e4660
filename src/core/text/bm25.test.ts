import { describe, expect, it } from 'vitest';
import { createBm25Index, termFreq } from './bm25.js';
import { tokenize } from './tokens.js';
import { createRng as rng } from '../random.js';

/** Document-at-a-time BM25 over every document: the reference the inverted index must reproduce exactly. */
function bruteForce(docs: ReadonlyMap<string, string>, query: string, k1 = 1.2, b = 0.75, k3 = Infinity): Map<string, number> {
  const tfs = new Map([...docs].map(([id, text]) => [id, termFreq(tokenize(text))] as const));
  const lens = new Map([...docs].map(([id, text]) => [id, tokenize(text).length] as const));
  const df = new Map<string, number>();
  for (const tf of tfs.values()) for (const t of tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const total = [...lens.values()].reduce((a, x) => a + x, 0);
  const avg = Math.max(docs.size ? total / docs.size : 1, 1e-9);
  const q = termFreq(tokenize(query));
  const out = new Map<string, number>();
  for (const [id, tf] of tfs) {
    let s = 0;
    for (const [t, qf] of q) {
      const f = tf.get(t);
      if (!f) continue;
      const n = df.get(t) ?? 0;
      const idf = Math.log(1 + (docs.size - n + 0.5) / (n + 0.5));
      const w = k3 === Infinity ? qf : ((k3 + 1) * qf) / (k3 + qf);
      s += w * idf * ((f * (k1 + 1)) / (f + k1 * (1 - b + (b * (lens.get(id) ?? 0)) / avg)));
    }
    out.set(id, s);
  }
  return out;
}


const VOCAB = 'graph neural network edge federated learning privacy energy grid battery robot vision language model sensor ocean climate protein drug quantum circuit'.split(' ');

function text(r: () => number, words: number): string {
  return Array.from({ length: words }, () => VOCAB[Math.floor(r() * r() * VOCAB.length)] ?? 'graph').join(' ');
}

describe('BM25 inverted index', () => {
  for (const seed of [1, 2, 3, 4, 5]) {
    it(`gives the brute-force scores on random corpus ${seed}, through upserts, replacements and removals`, () => {
      const r = rng(seed);
      const docs = new Map<string, string>();
      const idx = createBm25Index();
      for (let i = 0; i < 120; i++) {
        const id = `d${Math.floor(r() * 80)}`;
        if (r() < 0.15) {
          docs.delete(id);
          idx.remove(id);
        } else {
          const t = text(r, 1 + Math.floor(r() * 30));
          docs.set(id, t);
          idx.upsert(id, t);
        }
      }
      expect(idx.size).toBe(docs.size);
      const restored = createBm25Index({}, idx.save());
      for (let qn = 0; qn < 20; qn++) {
        const query = text(r, 1 + Math.floor(r() * 12));
        const want = bruteForce(docs, query);
        const got = idx.scoreAll(query);
        for (const [id, s] of want) {
          expect(got.get(id) ?? 0).toBe(s);
          expect(idx.score(tokenize(query), id)).toBe(s);
          expect(idx.lexical(tokenize(query), id).score).toBe(s);
          expect(restored.scoreAll(query).get(id) ?? 0).toBe(s);
        }
        for (const id of got.keys()) expect(docs.has(id)).toBe(true);
        const ranked = [...want].filter(([, s]) => s > 0).sort((a, c) => c[1] - a[1] || (a[0] < c[0] ? -1 : 1));
        expect(idx.top(tokenize(query), 7)).toEqual(ranked.slice(0, 7).map(([id, score]) => ({ id, score })));
      }
    });
  }

  it('top() with maxDocShare ranks by the terms found in at most that share of the documents', () => {
    const r = rng(9);
    const docs = new Map<string, string>();
    const idx = createBm25Index();
    for (let i = 0; i < 60; i++) {
      const t = `${text(r, 1 + Math.floor(r() * 20))} common`;
      docs.set(`d${i}`, t);
      idx.upsert(`d${i}`, t);
    }
    for (let qn = 0; qn < 10; qn++) {
      const query = `${text(r, 1 + Math.floor(r() * 8))} common common`;
      const df = (t: string) => [...docs.values()].filter((d) => tokenize(d).includes(t)).length;
      const rare = tokenize(query).filter((t) => df(t) <= 0.5 * docs.size);
      expect(rare).not.toContain('common');
      const got = idx.top(tokenize(query), 5, { maxDocShare: 0.5 });
      const ranked = [...docs.keys()]
        .map((id) => ({ id, score: idx.score(rare, id) }))
        .filter((x) => x.score > 0)
        .sort((a, c) => c.score - a.score || (a.id < c.id ? -1 : 1));
      expect(got.map((x) => x.id)).toEqual(ranked.slice(0, 5).map((x) => x.id));
      got.forEach((x, i) => expect(x.score).toBeCloseTo(ranked[i]?.score ?? NaN, 12));
      expect(idx.top(tokenize(query), 5, { maxDocShare: 1 })).toEqual(idx.top(tokenize(query), 5));
    }
  });

  it('lexical() gives score() and coverage() in one pass', () => {
    const idx = createBm25Index();
    idx.upsert('a', 'federated learning at the edge, edge devices');
    idx.upsert('b', 'protein folding and learning');
    const q = tokenize('edge learning protein unknownword');
    for (const id of ['a', 'b', 'missing']) expect(idx.lexical(q, id)).toEqual({ score: idx.score(q, id), coverage: idx.coverage(q, id) });
    expect(idx.lexical(q, 'a').coverage).toBeGreaterThan(0);
  });

  it('only returns documents that share a term, and scores unknown ids 0', () => {
    const idx = createBm25Index();
    idx.upsert('a', 'federated learning at the edge');
    idx.upsert('b', 'protein folding');
    expect([...idx.scoreAll('edge learning').keys()]).toEqual(['a']);
    expect(idx.score(tokenize('edge'), 'missing')).toBe(0);
    expect(idx.coverage(tokenize('edge protein'), 'a')).toBeGreaterThan(0);
    expect(idx.coverage(tokenize('edge protein'), 'a')).toBeLessThan(1);
    expect(idx.top(tokenize('edge'), 0)).toEqual([]);
  });

  it('re-reads idf after a change when the same query-token array is scored again', () => {
    const idx = createBm25Index();
    const docs = new Map([['a', 'edge learning'], ['b', 'protein folding']]);
    for (const [id, t] of docs) idx.upsert(id, t);
    const q = tokenize('edge protein');
    expect(idx.score(q, 'a')).toBe(bruteForce(docs, 'edge protein').get('a'));
    docs.set('c', 'edge edge devices');
    idx.upsert('c', 'edge edge devices');
    expect(idx.score(q, 'a')).toBe(bruteForce(docs, 'edge protein').get('a'));
    expect(idx.coverage(q, 'a')).toBeLessThan(0.5);
    docs.delete('b');
    idx.remove('b');
    expect(idx.score(q, 'a')).toBe(bruteForce(docs, 'edge protein').get('a'));
  });

  it('saturates repeated query terms with k3 (k3 = 0: each distinct term once), in every scoring path', () => {
    const docs = new Map([
      ['a', 'edge learning edge devices at the edge'],
      ['b', 'graph learning for power grids'],
      ['c', 'edge computing'],
    ]);
    const query = 'edge edge edge learning graph';
    for (const k3 of [0, 1.2, 5]) {
      const idx = createBm25Index({ k1: 2, k3 });
      for (const [id, t] of docs) idx.upsert(id, t);
      const want = bruteForce(docs, query, 2, 0.75, k3);
      for (const [id, s] of want) {
        expect(idx.score(tokenize(query), id)).toBeCloseTo(s, 12);
        expect(idx.scoreAll(query).get(id) ?? 0).toBeCloseTo(s, 12);
      }
      expect(idx.top(tokenize(query), 3).map((h) => h.id)).toEqual([...want].filter(([, s]) => s > 0).sort((x, y) => y[1] - x[1]).map(([id]) => id));
    }
    const binary = createBm25Index({ k3: 0 });
    const linear = createBm25Index();
    for (const [id, t] of docs) {
      binary.upsert(id, t);
      linear.upsert(id, t);
    }
    // k3 = 0 scores the repeated query as its distinct terms; the default counts the repeats.
    expect(binary.score(tokenize(query), 'a')).toBeCloseTo(linear.score(tokenize('edge learning graph'), 'a'), 12);
    expect(linear.score(tokenize(query), 'a')).toBeGreaterThan(linear.score(tokenize('edge learning graph'), 'a'));
  });

  it('round-trips through save() and load() as plain JSON', () => {
    const idx = createBm25Index({ k1: 1.5, b: 0.5 });
    idx.upsert('a', 'federated learning at the edge, edge devices');
    idx.upsert('b', 'graph neural networks for power grids');
    idx.remove('a');
    idx.upsert('c', 'edge computing for grids');
    const raw = JSON.parse(JSON.stringify(idx.save())) as ReturnType<typeof idx.save>;
    expect(raw.k1).toBe(1.5);
    expect(raw.docs.map((d) => d[0]).sort()).toEqual(['b', 'c']);
    const again = createBm25Index({}, raw);
    expect(again.save()).toEqual(idx.save());
    expect(again.scoreAll('edge grids')).toEqual(idx.scoreAll('edge grids'));
  });
});
