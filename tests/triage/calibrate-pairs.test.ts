/** The calibration's training rows (src/calibrate/pairs.ts): read like the evaluation, one row per paper, balanced weights. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pairWeights, suitePairs, type Pair } from '../../src/calibrate/pairs.js';
import { createFakeEmbedder } from '../fixtures/fake-embedder.js';

let dir = '';
const jsonl = (rows: readonly object[]) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';
const CALLS = [
  { id: '10.1000/si-astro', title: 'Galaxies and cosmology', description: 'Dark matter in galaxy clusters and the cosmic microwave background.' },
  { id: 'bio', title: 'Protein folding', description: 'Protein structure prediction and enzyme design.', topics: ['protein structure'] },
];
const PAPERS = [
  { id: 'a1', title: 'Weighing clusters', abstract: 'Dark matter in galaxy clusters measured with the cosmic microwave background.', call_id: '10.1000/si-astro' },
  { id: 'b1', title: 'Protein structure prediction for enzyme design', abstract: '', call_id: 'bio' },
  { id: 'o1', title: 'Sourdough', abstract: 'Bread rises overnight in a warm kitchen.', call_id: null },
];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cfp-calibrate-'));
  // Saved on Windows: a byte-order mark and CRLF line ends.
  await writeFile(join(dir, 'calls.jsonl'), `\uFEFF${jsonl(CALLS).replace(/\n/g, '\r\n')}`);
  await writeFile(join(dir, 'papers.jsonl'), jsonl(PAPERS));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('suitePairs', () => {
  it('gives one row per paper with its top call, labelled in or out of scope; DOI call ids and title-only papers are read as the eval reads them', async () => {
    const { pairs, calls, papers } = await suitePairs('s', join(dir, 'calls.jsonl'), join(dir, 'papers.jsonl'), createFakeEmbedder());
    expect([calls, papers]).toEqual([2, 3]);
    expect(pairs.map((p) => [p.paperId, p.y, p.outOfScope])).toEqual([['a1', 1, false], ['b1', 1, false], ['o1', 0, true]]);
    for (const p of pairs) for (const v of Object.values(p.f)) expect(Number.isFinite(Number(v))).toBe(true);
    // The call's own text in words: "Galaxies and cosmology" + its 10-word description.
    expect(pairs.find((p) => p.paperId === 'a1')?.f.callWords).toBe(13);
    // The in-scope papers' top calls are their own, so their cosine beats the bread paper's.
    const dense = (id: string) => pairs.find((p) => p.paperId === id)?.f.dense ?? NaN;
    expect(dense('a1')).toBeGreaterThan(dense('o1'));
    expect(dense('b1')).toBeGreaterThan(dense('o1'));
  });

  it('fails naming the paper and the call when a paper names a call outside the suite', async () => {
    await writeFile(join(dir, 'bad.jsonl'), jsonl([...PAPERS, { id: 'x9', title: 't', abstract: 'a b', call_id: 'gone' }]));
    await expect(suitePairs('s', join(dir, 'calls.jsonl'), join(dir, 'bad.jsonl'), createFakeEmbedder())).rejects.toThrow(/"x9".*"gone"/);
  });
});

describe('pairWeights (even prior)', () => {
  const pair = (suite: string, y: 0 | 1): Pair => ({ suite, paperId: `${suite}${y}`, callId: 'c', f: { dense: 0, coverage: 0, score: 0, normDense: 0, normLexical: 0, denseRef: true, lexicalRef: true, margin: 0, callWords: 0 }, sentTo: [], y, outOfScope: y === 0, heldOut: false });
  it('gives each suite equal weight, split evenly between in-scope and out-of-scope papers, and none to a suite without out-of-scope papers', () => {
    const pairs = [pair('a', 1), pair('a', 1), pair('a', 1), pair('a', 0), pair('b', 1), pair('b', 0), pair('c', 1)];
    const w = pairWeights(pairs, 0.5);
    const sum = (f: (p: Pair) => boolean) => pairs.reduce((s, p, i) => s + (f(p) ? (w[i] ?? 0) : 0), 0);
    expect(sum((p) => p.suite === 'a' && p.y === 1)).toBeCloseTo(sum((p) => p.suite === 'a' && p.y === 0), 12);
    expect(sum((p) => p.suite === 'a')).toBeCloseTo(sum((p) => p.suite === 'b'), 12);
    expect(sum((p) => p.suite === 'c')).toBe(0);
  });
});
