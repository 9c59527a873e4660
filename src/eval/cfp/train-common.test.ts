import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CfpTruth } from './score.js';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addItems, ANCHORS, emptyTally, fitBiasFirst, groupOf, loadAnchors, pct, pickedRight, reportChooser, roundsLeftOut, tallyItems, trainingSet, type TrainRow } from './train-common.js';

const truth = (id: string, url: string): CfpTruth => ({ id, provenance: { url, source: 'x' }, format: 'text' }) as unknown as CfpTruth;

describe('trainer helpers', () => {
  afterEach(() => vi.restoreAllMocks());

  it('leaves each former round out with its sites, rounds in numeric order, and tallies items over rows', () => {
    const rows = [
      { id: 'a', site: 's1' }, { id: 'b', site: 's1' }, { id: 'c', site: 's2' }, { id: 'd', site: 's3' }, { id: 'e', site: 's3' },
    ];
    const rounds = new Map([['a', 10], ['c', 2], ['d', 10]]);
    const out = roundsLeftOut(rows, rounds, (r) => r.id, (r) => r.site);
    expect(out.map((o) => o.round)).toEqual([2, 10]);
    expect(out[0]?.inRound.map((r) => r.id)).toEqual(['c']);
    expect(out[0]?.rest.map((r) => r.id)).toEqual(['a', 'b', 'd', 'e']);
    // Round 10 holds a and d: every call of their sites (s1, s3) is left out, b and e too.
    expect(out[1]?.inRound.map((r) => r.id)).toEqual(['a', 'd']);
    expect(out[1]?.rest.map((r) => r.id)).toEqual(['c']);
    const same = (f: readonly string[], t: readonly string[]) => f.filter((x) => t.includes(x)).length;
    expect(tallyItems([{ f: ['A', 'X'], t: ['A', 'B'] }, { f: [], t: ['C'] }], (r) => r.f, (r) => r.t, same)).toEqual({ found: 2, truth: 3, matched: 1 });
    expect(emptyTally()).toEqual({ found: 0, truth: 0, matched: 0 });
  });

  it('groups calls by their site and prints counts with their share', () => {
    expect(groupOf(truth('a', 'https://www.mdpi.com/journal/soils'))).toBe('mdpi.com');
    expect(pct(1, 4)).toBe('0.250 (1/4)');
    expect(pct(0, 0)).toBe('-');
  });

  it('cross-validates by site and returns weights that pick the right candidate of every call', () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    // The right candidate always has feature 0; the wrong one feature 1. Six sites, so every fold has training calls.
    const rows: TrainRow[] = Array.from({ length: 12 }, (_, i) => ({
      truth: truth(`c${i}`, `https://site${i % 6}.org/x`),
      baseline: i % 2 === 0,
      example: { id: `c${i}`, group: `site${i % 6}`, features: [[1, 0], [0, 1]], right: [true, false] },
    }));
    const w = reportChooser({ rows, dims: 2, folds: 3, train: {}, rounds: new Map(), baseline: 'rules', correct: (r, ws) => pickedRight(r.example, ws), ceiling: () => true, miss: (r) => r.truth.id });
    expect(rows.every((r) => pickedRight(r.example, w))).toBe(true);
    // The old path is right on half the calls, the chooser cross-validated on all.
    expect(log.mock.calls.map((c) => String(c[0])).find((l) => l.startsWith('| all |'))).toBe('| all | 12 | 1.000 (12/12) | 0.500 (6/12) | 1.000 (12/12) |');
  });

  it('reads the anchors with their texts, and leaves a field an anchor does not teach empty', async () => {
    const anchors = await loadAnchors(ANCHORS);
    expect(anchors.length).toBeGreaterThanOrEqual(5);
    expect(anchors.every((a) => a.body.length > 50)).toBe(true);
    const network = anchors.find((a) => a.truth.id === 'bundled-ieee-network-lam-ioe');
    expect(network?.truth.venue).toBe('IEEE Network');
    expect(network?.truth.title).toBe('');
  });

  it('refuses an anchor with both a text and a text file, naming where', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'anchors-')), 'a.json');
    await writeFile(file, JSON.stringify({ about: 'x', anchors: [{ id: 'a', text: 'x', text_file: 'y', from: 't' }] }));
    await expect(loadAnchors(file)).rejects.toThrow(/anchors\.0: an anchor has either text or text_file/);
  });

  it('trains on anchors in every fold without scoring them', () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    // The calls cannot teach which candidate is right (both look the same); the anchors can, and must not be counted.
    const rows: TrainRow[] = Array.from({ length: 6 }, (_, i) => ({ truth: truth(`c${i}`, `https://site${i}.org/x`), baseline: false, example: { id: `c${i}`, group: `site${i}`, features: [[1, 0], [0, 1]], right: [true, false] } }));
    const anchors: TrainRow[] = [{ truth: truth('anchor', 'anchor:x'), baseline: false, example: { id: 'anchor', group: 'anchor', features: [[1, 0], [0, 1]], right: [true, false] } }];
    const w = reportChooser({ rows, anchors, dims: 2, folds: 3, train: {}, rounds: new Map(), baseline: 'rules', correct: (r, ws) => pickedRight(r.example, ws), ceiling: () => true, miss: (r) => r.truth.id });
    expect(pickedRight(anchors[0]!.example, w)).toBe(true);
    const lines = log.mock.calls.map((c) => String(c[0]));
    expect(lines.find((l) => l.startsWith('| all |'))).toMatch(/^\| all \| 6 \|/);
    expect(lines.find((l) => l.startsWith('\nanchors'))).toContain('1 of 1 right');
  });

  it('gives a trainer the tuning calls (no held-out one), only the anchors that teach it, and the options it was run with', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cases-'));
    const t = { id: 'c1', split: 'tune', format: 'text', field: 'x', publisher: 'x', title: 'Soil', venue: null, deadline: null, topics: [], guest_editors: [], provenance: { source: 's', url: 'https://a.org/x', note: '' } };
    await writeFile(join(dir, 'c1.truth.json'), JSON.stringify(t));
    await writeFile(join(dir, 'c1.txt'), 'Soil\n');
    // A held-out call is measured, never trained on.
    await writeFile(join(dir, 'h1.truth.json'), JSON.stringify({ ...t, id: 'h1', split: 'heldout' }));
    await writeFile(join(dir, 'h1.txt'), 'Water\n');
    const anchors = join(dir, 'anchors.json');
    await writeFile(anchors, JSON.stringify({ about: 'x', anchors: [{ id: 'a1', text: 'A', title: 'A', from: 't' }, { id: 'a2', text: 'B', venue: 'V', from: 't' }] }));
    const set = await trainingSet({ cases: dir, anchors, folds: '3', l2: '0.1' }, ({ truth, body }) => ({ truth, baseline: body.length > 1, example: { id: truth.id, group: 'g', features: [], right: [] } }), (x) => x.title !== '');
    expect(set.rows.map((r) => r.truth.id)).toEqual(['c1']);
    expect(set.anchors.map((r) => r.truth.id)).toEqual(['a1']);
    expect(set.folds).toBe(3);
    expect(set.train).toEqual({ l2: 0.1 });
  });
});


describe('addItems and fitBiasFirst', () => {
  it('tallies found, labelled and matched items over calls', () => {
    const t = { found: 0, truth: 0, matched: 0 };
    const same = (found: readonly string[], truth: readonly string[]) => found.filter((f) => truth.includes(f)).length;
    addItems(t, ['A', 'X'], ['A', 'B'], same);
    addItems(t, [], ['C'], same);
    expect(t).toEqual({ found: 2, truth: 3, matched: 1 });
  });

  it('fits the bias apart and writes it back first', () => {
    const rows = [...Array.from({ length: 20 }, () => ({ x: [1, 1], y: true })), ...Array.from({ length: 20 }, () => ({ x: [1, 0], y: false })), { x: [1, 1], y: false }, { x: [1, 0], y: true }];
    const [bias, w] = fitBiasFirst(rows, 0.001);
    expect(bias).toBeLessThan(0);
    expect(w).toBeGreaterThan(0);
  });
});
