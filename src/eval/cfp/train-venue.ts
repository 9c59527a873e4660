#!/usr/bin/env node
/**
 * `npm run train:venue [-- --cases DIR] [--anchors FILE] [--folds 5] [--no-write] [--failures] [--miss abstain|skip] [--learner trees|linear] [--trees 200 --depth 3 --rate 0.1] [--epochs N --l2 L]`:
 * train the learned venue chooser on the labelled calls and measure it as
 * train:title measures the title chooser: candidate recall (the ceiling), the
 * rules' accuracy on the same calls (tuned on all of them), the chooser's
 * k-fold accuracy cross-validated by site, per format and fold, each former
 * held-out round left out with its sites, and in-sample. Then writes the
 * model trained on all calls to data/venue-model.json: boosted trees
 * (tree-train.ts; `--learner linear` measures the linear ranker they
 * replaced, written only with `--no-write`). Abstaining ("no
 * venue") is a candidate: right when the truth has no venue; `--miss abstain`
 * (the default) also teaches it for calls whose journal no candidate spells,
 * since an empty venue is better than an invented one.
 */
import { parseArgs } from 'node:util';
import { VENUE_FEATURES, type SeenVenueCandidate } from '../../core/cfp/index.js';
import { chooseBest } from '../../core/cfp/title-model.js';
import { chooseBestByTrees, type TreeModel } from '../../core/cfp/tree-model.js';
import { fitTreeRanker } from './tree-train.js';
import { trainTitleModel } from './title-train.js';
import { writeFile } from 'node:fs/promises';
import { parseCase } from './run.js';
import { oneOf, scoreCase, type CfpTruth } from './score.js';
import { groupOf, reportChooser, TRAINER_OPTIONS, trainingSet, type TrainRow } from './train-common.js';
import { runEntry } from './entry.js';

const OUT = 'data/venue-model.json';
const COMMAND = 'npm run train:venue';

interface Row extends TrainRow {
  venues: Array<string | undefined>;
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { ...TRAINER_OPTIONS, miss: { type: 'string', default: 'abstain' }, learner: { type: 'string', default: 'trees' }, trees: { type: 'string', default: '200' }, depth: { type: 'string', default: '3' } } });
  if (values.miss !== 'abstain' && values.miss !== 'skip') throw new Error(`--miss must be abstain or skip, not "${values.miss}"`);
  if (values.learner !== 'trees' && values.learner !== 'linear') throw new Error(`--learner must be trees or linear, not "${values.learner}"`);
  const treeOptions = { trees: Number(values.trees), depth: Number(values.depth), rate: Number(values.rate ?? '0.1') };
  if (![treeOptions.trees, treeOptions.depth, treeOptions.rate].every((n) => Number.isFinite(n) && n > 0)) throw new Error('--trees, --depth and --rate must be positive numbers');
  const rowOf = ({ truth, body }: { truth: CfpTruth; body: string }): Row => {
    let seen: SeenVenueCandidate[] = [];
    const rules = scoreCase(truth, parseCase(truth, body, { venueChooser: 'rules', onVenueCandidates: (s) => (seen = s) })).venue;
    const right = seen.map((s) => oneOf(s.venue, truth.venue, truth.venue_alternatives));
    // With no candidate spelling the journal, "no venue" is the answer to learn (it is wrong either way, but invents nothing).
    const target = right.some(Boolean) || values.miss === 'skip' ? undefined : seen.map((s) => s.venue === undefined);
    return { truth, baseline: rules, venues: seen.map((s) => s.venue), example: { id: truth.id, group: groupOf(truth), features: seen.map((s) => s.features), right, ...(target ? { target, right: target.map((t, i) => t || (right[i] ?? false)) } : {}) } };
  };
  const set = await trainingSet(values, rowOf, (t) => t.venue !== null);
  // A model is the linear ranker's weights or the trees; `pick` is its choice among a call's candidates.
  type Model = number[] | TreeModel;
  const pick = (r: Row, m: Model) => (Array.isArray(m) ? chooseBest(r.example.features, m) : chooseBestByTrees(r.example.features, m, VENUE_FEATURES));
  // Accuracy is always against the truth, whatever was taught.
  const correct = (r: Row, m: Model) => oneOf(r.venues[pick(r, m)], r.truth.venue, r.truth.venue_alternatives);
  const ceiling = (r: Row) => r.venues.some((v) => oneOf(v, r.truth.venue, r.truth.venue_alternatives));
  const m = reportChooser<Row, Model>({
    ...set, dims: VENUE_FEATURES.length, baseline: 'rules', failures: values.failures ?? false, correct, ceiling,
    fit: (examples) => (values.learner === 'trees' ? fitTreeRanker(examples, VENUE_FEATURES, treeOptions) : trainTitleModel(examples, VENUE_FEATURES.length, set.train)),
    subsets: [['no venue in truth', (r) => r.truth.venue === null]],
    miss: (r, model) => `  ${r.truth.id} [${r.truth.format}${ceiling(r) ? '' : ', no right candidate'}${r.baseline ? ', rules right' : ''}]: got ${JSON.stringify(r.venues[pick(r, model)] ?? null)}, want ${JSON.stringify(r.truth.venue)}`,
  });
  if (!values['no-write']) {
    if (Array.isArray(m)) throw new Error('the shipped venue chooser is the trees: write a linear model only with --no-write');
    // Leaf values to 6 significant digits keep the file small; thresholds stay exact, so a value on one goes the same way.
    const trees = m.trees.map((t) => t.map((n) => ('v' in n ? { v: Number(n.v.toPrecision(6)) } : n)));
    await writeFile(OUT, `${JSON.stringify({ command: COMMAND, calls: set.rows.length, options: treeOptions, features: m.features, trees })}\n`);
    console.log(`\nwrote ${OUT}`);
  }
  return 0;
}

runEntry('train:venue', main);
