#!/usr/bin/env node
/**
 * `npm run train:venue [-- --cases DIR] [--anchors FILE] [--folds 5] [--no-write] [--failures] [--miss abstain|skip] [--epochs N --rate R --l2 L]`:
 * train the learned venue chooser on the labelled calls and measure it as
 * train:title measures the title chooser: candidate recall (the ceiling), the
 * rules' accuracy on the same calls (tuned on all of them), the chooser's
 * k-fold accuracy cross-validated by site, per format and fold, each former
 * held-out round left out with its sites, and in-sample. Then writes the
 * weights trained on all calls to data/venue-model.json. Abstaining ("no
 * venue") is a candidate: right when the truth has no venue; `--miss abstain`
 * (the default) also teaches it for calls whose journal no candidate spells,
 * since an empty venue is better than an invented one.
 */
import { parseArgs } from 'node:util';
import { VENUE_FEATURES, type SeenVenueCandidate } from '../../core/cfp/index.js';
import { chooseBest } from '../../core/cfp/title-model.js';
import { parseCase } from './run.js';
import { oneOf, scoreCase, type CfpTruth } from './score.js';
import { groupOf, reportChooser, TRAINER_OPTIONS, trainingSet, writeModel, type TrainRow } from './train-common.js';
import { runEntry } from './entry.js';

const OUT = 'data/venue-model.json';
const COMMAND = 'npm run train:venue';

interface Row extends TrainRow {
  venues: Array<string | undefined>;
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { ...TRAINER_OPTIONS, miss: { type: 'string', default: 'abstain' } } });
  if (values.miss !== 'abstain' && values.miss !== 'skip') throw new Error(`--miss must be abstain or skip, not "${values.miss}"`);
  const rowOf = ({ truth, body }: { truth: CfpTruth; body: string }): Row => {
    let seen: SeenVenueCandidate[] = [];
    const rules = scoreCase(truth, parseCase(truth, body, { venueChooser: 'rules', onVenueCandidates: (s) => (seen = s) })).venue;
    const right = seen.map((s) => oneOf(s.venue, truth.venue, truth.venue_alternatives));
    // With no candidate spelling the journal, "no venue" is the answer to learn (it is wrong either way, but invents nothing).
    const target = right.some(Boolean) || values.miss === 'skip' ? undefined : seen.map((s) => s.venue === undefined);
    return { truth, baseline: rules, venues: seen.map((s) => s.venue), example: { id: truth.id, group: groupOf(truth), features: seen.map((s) => s.features), right, ...(target ? { target, right: target.map((t, i) => t || (right[i] ?? false)) } : {}) } };
  };
  const set = await trainingSet(values, rowOf, (t) => t.venue !== null);
  // Accuracy is always against the truth, whatever was taught.
  const correct = (r: Row, w: readonly number[]) => oneOf(r.venues[chooseBest(r.example.features, w)], r.truth.venue, r.truth.venue_alternatives);
  const ceiling = (r: Row) => r.venues.some((v) => oneOf(v, r.truth.venue, r.truth.venue_alternatives));
  const w = reportChooser({
    ...set, dims: VENUE_FEATURES.length, baseline: 'rules', failures: values.failures ?? false, correct, ceiling,
    subsets: [['no venue in truth', (r) => r.truth.venue === null]],
    miss: (r, weights) => `  ${r.truth.id} [${r.truth.format}${ceiling(r) ? '' : ', no right candidate'}${r.baseline ? ', rules right' : ''}]: got ${JSON.stringify(r.venues[chooseBest(r.example.features, weights)] ?? null)}, want ${JSON.stringify(r.truth.venue)}`,
  });
  if (!values['no-write']) await writeModel(OUT, { command: COMMAND, calls: set.rows.length, features: VENUE_FEATURES, weights: w });
  return 0;
}

runEntry('train:venue', main);
