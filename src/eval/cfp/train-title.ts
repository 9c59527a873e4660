#!/usr/bin/env node
/**
 * `npm run train:title [-- --cases DIR] [--anchors FILE] [--folds 5] [--no-write] [--failures] [--epochs N --rate R --l2 L]`: train the
 * learned title chooser on the labelled calls and measure it honestly.
 * Prints candidate recall (a call has some right candidate: the ceiling), the
 * cascade's accuracy on the same calls (tuned on all of them, so optimistic),
 * the chooser's k-fold cross-validated accuracy (folds by site, so one site's
 * look-alike calls never sit on both sides), per format and per fold, and its
 * accuracy on each former held-out round when trained on the other calls
 * (minus those from the round's sites). Then writes the weights trained on
 * all calls to data/title-model.json.
 */
import { parseArgs } from 'node:util';
import { TITLE_FEATURES, type SeenTitleCandidate } from '../../core/cfp/index.js';
import { chooseBest } from '../../core/cfp/title-model.js';
import { parseCase } from './run.js';
import { oneOf, scoreCase, type CfpTruth } from './score.js';
import { groupOf, pickedRight, reportChooser, TRAINER_OPTIONS, trainingSet, writeModel, type TrainRow } from './train-common.js';
import { runEntry } from './entry.js';

const OUT = 'data/title-model.json';
const COMMAND = 'npm run train:title';

interface Row extends TrainRow {
  titles: string[];
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: TRAINER_OPTIONS });
  const rowOf = ({ truth, body }: { truth: CfpTruth; body: string }): Row => {
    let seen: SeenTitleCandidate[] = [];
    const cascade = scoreCase(truth, parseCase(truth, body, { titleChooser: 'cascade', onTitleCandidates: (s) => (seen = s) })).title;
    const right = seen.map((s) => oneOf(s.title, truth.title, truth.title_alternatives));
    // Alternatives are other right spellings ("Special Issue on X"); the chooser learns toward the main title where a candidate spells it.
    const target = seen.map((s) => oneOf(s.title, truth.title));
    return { truth, baseline: cascade, titles: seen.map((s) => s.title), example: { id: truth.id, group: groupOf(truth), features: seen.map((s) => s.features), right, target } };
  };
  const set = await trainingSet(values, rowOf, (t) => t.title !== '');
  const w = reportChooser({
    ...set, dims: TITLE_FEATURES.length, baseline: 'cascade', failures: values.failures ?? false,
    correct: (r, weights) => pickedRight(r.example, weights),
    ceiling: (r) => r.example.right.some(Boolean),
    miss: (r, weights) => `  ${r.truth.id} [${r.truth.format}${r.example.right.some(Boolean) ? '' : ', no right candidate'}${r.baseline ? ', cascade right' : ''}]: got ${JSON.stringify(r.titles[chooseBest(r.example.features, weights)] ?? null)}, want ${JSON.stringify(r.truth.title)}`,
  });
  if (!values['no-write']) await writeModel(OUT, { command: COMMAND, calls: set.rows.length, features: TITLE_FEATURES, weights: w });
  return 0;
}

runEntry('train:title', main);
