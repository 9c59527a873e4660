#!/usr/bin/env node
/**
 * `npm run train:venue [-- --cases DIR] [--folds 5] [--no-write] [--failures] [--miss abstain|skip] [--epochs N --rate R --l2 L]`:
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
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { VENUE_FEATURES, type SeenVenueCandidate } from '../../core/cfp/index.js';
import { chooseBest } from '../../core/cfp/title-model.js';
import { loadCases, parseCase } from './run.js';
import { oneOf, scoreCase, type CfpTruth } from './score.js';
import { foldsByGroup, trainTitleModel, type TitleExample } from './title-train.js';
import { groupOf, pct, roundsOf } from './train-common.js';

const OUT = 'data/venue-model.json';
const COMMAND = 'npm run train:venue';

interface Row {
  truth: CfpTruth;
  example: TitleExample;
  rules: boolean;
  venues: Array<string | undefined>;
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { cases: { type: 'string' }, folds: { type: 'string', default: '5' }, 'no-write': { type: 'boolean' }, failures: { type: 'boolean' }, miss: { type: 'string', default: 'abstain' }, epochs: { type: 'string' }, rate: { type: 'string' }, l2: { type: 'string' } } });
  const train = { ...(values.epochs ? { epochs: Number(values.epochs) } : {}), ...(values.rate ? { rate: Number(values.rate) } : {}), ...(values.l2 ? { l2: Number(values.l2) } : {}) };
  if (values.miss !== 'abstain' && values.miss !== 'skip') throw new Error(`--miss must be abstain or skip, not "${values.miss}"`);
  const dir = values.cases ?? 'eval/cfp/cases';
  const k = Number(values.folds ?? 5);
  const rounds = await roundsOf(dir);
  const rows: Row[] = [];
  for (const { truth, body } of await loadCases(dir)) {
    let seen: SeenVenueCandidate[] = [];
    const rules = scoreCase(truth, parseCase(truth, body, { venueChooser: 'rules', onVenueCandidates: (s) => (seen = s) })).venue;
    const right = seen.map((s) => oneOf(s.venue, truth.venue, truth.venue_alternatives));
    // With no candidate spelling the journal, "no venue" is the answer to learn (it is wrong either way, but invents nothing).
    const target = right.some(Boolean) || values.miss === 'skip' ? undefined : seen.map((s) => s.venue === undefined);
    rows.push({ truth, rules, venues: seen.map((s) => s.venue), example: { id: truth.id, group: groupOf(truth), features: seen.map((s) => s.features), right, ...(target ? { target, right: target.map((t, i) => t || (right[i] ?? false)) } : {}) } });
  }
  // Accuracy is always against the truth, whatever was taught.
  const correct = (r: Row, w: readonly number[]) => oneOf(r.venues[chooseBest(r.example.features, w)], r.truth.venue, r.truth.venue_alternatives);
  const ceiling = (r: Row) => r.venues.some((v) => oneOf(v, r.truth.venue, r.truth.venue_alternatives));
  const dims = VENUE_FEATURES.length;
  const folds = foldsByGroup(rows.map((r) => r.example), k);
  const cv = new Array<boolean>(rows.length).fill(false);
  const misses: string[] = [];
  for (let f = 0; f < k; f++) {
    const w = trainTitleModel(rows.filter((_, i) => folds[i] !== f).map((r) => r.example), dims, train);
    rows.forEach((r, i) => {
      if (folds[i] !== f) return;
      cv[i] = correct(r, w);
      const got = r.venues[chooseBest(r.example.features, w)];
      if (!cv[i]) misses.push(`  ${r.truth.id} [${r.truth.format}${ceiling(r) ? '' : ', no right candidate'}${r.rules ? ', rules right' : ''}]: got ${JSON.stringify(got ?? null)}, want ${JSON.stringify(r.truth.venue)}`);
    });
  }
  const table = (name: string, idx: number[], learned: (i: number) => boolean) => {
    const count = (p: (i: number) => boolean) => idx.filter(p).length;
    console.log(`| ${name} | ${idx.length} | ${pct(count((i) => (rows[i] ? ceiling(rows[i]) : false)), idx.length)} | ${pct(count((i) => rows[i]?.rules ?? false), idx.length)} | ${pct(count(learned), idx.length)} |`);
  };
  const all = rows.map((_, i) => i);
  console.log(`${rows.length} calls, ${rows.reduce((a, r) => a + r.example.features.length, 0)} candidates (abstain included), ${new Set(rows.map((r) => r.example.group)).size} sites, ${k} folds by site\n`);
  console.log('| calls | n | candidate recall | rules (tuned on all) | learned, cross-validated |');
  console.log('| --- | --- | --- | --- | --- |');
  table('all', all, (i) => cv[i] ?? false);
  for (const fmt of ['text', 'html'] as const) table(fmt, all.filter((i) => rows[i]?.truth.format === fmt), (i) => cv[i] ?? false);
  table('no venue in truth', all.filter((i) => rows[i]?.truth.venue === null), (i) => cv[i] ?? false);
  for (let f = 0; f < k; f++) table(`fold ${f + 1}`, all.filter((i) => folds[i] === f), (i) => cv[i] ?? false);
  console.log('\nFormer held-out rounds, the chooser trained on every other call except those of the round\'s sites:\n');
  console.log('| calls | n | candidate recall | rules (tuned on all) | learned, round left out |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const round of [...new Set(rounds.values())].sort()) {
    const inRound = all.filter((i) => rounds.get(rows[i]?.truth.id ?? '') === round);
    const sites = new Set(inRound.map((i) => rows[i]?.example.group));
    const w = trainTitleModel(rows.filter((r) => !sites.has(r.example.group)).map((r) => r.example), dims, train);
    table(`round ${round} held-out`, inRound, (i) => (rows[i] ? correct(rows[i], w) : false));
  }
  const w = trainTitleModel(rows.map((r) => r.example), dims, train);
  console.log('\nTrained on all calls (no longer unseen):\n');
  console.log('| calls | n | candidate recall | rules (tuned on all) | learned, trained on all |');
  console.log('| --- | --- | --- | --- | --- |');
  table('all', all, (i) => (rows[i] ? correct(rows[i], w) : false));
  if (values.failures) console.log(`\ncross-validated misses (${misses.length}):\n${misses.join('\n')}`);
  if (!values['no-write']) {
    const model = { command: COMMAND, calls: rows.length, features: [...VENUE_FEATURES], weights: w.map((v) => Number(v.toFixed(4))) };
    await writeFile(OUT, `${JSON.stringify(model, null, 1)}\n`);
    console.log(`\nwrote ${OUT}`);
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  },
);
