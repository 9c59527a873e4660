#!/usr/bin/env node
/**
 * `npm run train:title [-- --cases DIR] [--folds 5] [--no-write] [--failures] [--epochs N --rate R --l2 L]`: train the
 * learned title chooser on the labelled calls and measure it honestly.
 * Prints candidate recall (a call has some right candidate: the ceiling), the
 * cascade's accuracy on the same calls (tuned on all of them, so optimistic),
 * the chooser's k-fold cross-validated accuracy (folds by site, so one site's
 * look-alike calls never sit on both sides), per format and per fold, and its
 * accuracy on each former held-out round when trained on the other calls
 * (minus those from the round's sites). Then writes the weights trained on
 * all calls to data/title-model.json.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { TITLE_FEATURES, type SeenTitleCandidate } from '../../core/cfp/index.js';
import { chooseBest } from '../../core/cfp/title-model.js';
import { loadCases, parseCase } from './run.js';
import { oneOf, scoreCase, type CfpTruth } from './score.js';
import { foldsByGroup, trainTitleModel, type TitleExample } from './title-train.js';
import { groupOf, pct, pickedRight, roundsOf } from './train-common.js';

const OUT = 'data/title-model.json';
const COMMAND = 'npm run train:title';

interface Row {
  truth: CfpTruth;
  example: TitleExample;
  cascade: boolean;
  titles: string[];
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { cases: { type: 'string' }, folds: { type: 'string', default: '5' }, 'no-write': { type: 'boolean' }, failures: { type: 'boolean' }, epochs: { type: 'string' }, rate: { type: 'string' }, l2: { type: 'string' } } });
  const train = { ...(values.epochs ? { epochs: Number(values.epochs) } : {}), ...(values.rate ? { rate: Number(values.rate) } : {}), ...(values.l2 ? { l2: Number(values.l2) } : {}) };
  const dir = values.cases ?? 'eval/cfp/cases';
  const k = Number(values.folds ?? 5);
  const rounds = await roundsOf(dir);
  const rows: Row[] = [];
  for (const { truth, body } of await loadCases(dir)) {
    let seen: SeenTitleCandidate[] = [];
    const cascade = scoreCase(truth, parseCase(truth, body, { titleChooser: 'cascade', onTitleCandidates: (s) => (seen = s) })).title;
    const right = seen.map((s) => oneOf(s.title, truth.title, truth.title_alternatives));
    // Alternatives are other right spellings ("Special Issue on X"); the chooser learns toward the main title where a candidate spells it.
    const target = seen.map((s) => oneOf(s.title, truth.title));
    rows.push({ truth, cascade, titles: seen.map((s) => s.title), example: { id: truth.id, group: groupOf(truth), features: seen.map((s) => s.features), right, target } });
  }
  const dims = TITLE_FEATURES.length;
  const folds = foldsByGroup(rows.map((r) => r.example), k);
  const cv = new Array<boolean>(rows.length).fill(false);
  const misses: string[] = [];
  for (let f = 0; f < k; f++) {
    const w = trainTitleModel(rows.filter((_, i) => folds[i] !== f).map((r) => r.example), dims, train);
    rows.forEach((r, i) => {
      if (folds[i] !== f) return;
      cv[i] = pickedRight(r.example, w);
      const got = r.titles[chooseBest(r.example.features, w)];
      if (!cv[i]) misses.push(`  ${r.truth.id} [${r.truth.format}${r.example.right.some(Boolean) ? '' : ', no right candidate'}${r.cascade ? ', cascade right' : ''}]: got ${JSON.stringify(got ?? null)}, want ${JSON.stringify(r.truth.title)}`);
    });
  }
  const table = (name: string, idx: number[], learned: (i: number) => boolean) => {
    const n = idx.length;
    const count = (p: (i: number) => boolean) => idx.filter(p).length;
    console.log(`| ${name} | ${n} | ${pct(count((i) => rows[i]?.example.right.some(Boolean) ?? false), n)} | ${pct(count((i) => rows[i]?.cascade ?? false), n)} | ${pct(count(learned), n)} |`);
  };
  const all = rows.map((_, i) => i);
  console.log(`${rows.length} calls, ${rows.reduce((a, r) => a + r.example.features.length, 0)} candidates, ${new Set(rows.map((r) => r.example.group)).size} sites, ${k} folds by site\n`);
  console.log('| calls | n | candidate recall | cascade (tuned on all) | learned, cross-validated |');
  console.log('| --- | --- | --- | --- | --- |');
  table('all', all, (i) => cv[i] ?? false);
  for (const fmt of ['text', 'html'] as const) table(fmt, all.filter((i) => rows[i]?.truth.format === fmt), (i) => cv[i] ?? false);
  for (let f = 0; f < k; f++) table(`fold ${f + 1}`, all.filter((i) => folds[i] === f), (i) => cv[i] ?? false);
  console.log('\nFormer held-out rounds, the chooser trained on every other call except those of the round\'s sites:\n');
  console.log('| calls | n | candidate recall | cascade (tuned on all) | learned, round left out |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const round of [...new Set(rounds.values())].sort()) {
    const inRound = all.filter((i) => rounds.get(rows[i]?.truth.id ?? '') === round);
    const sites = new Set(inRound.map((i) => rows[i]?.example.group));
    const w = trainTitleModel(rows.filter((r) => !sites.has(r.example.group)).map((r) => r.example), dims, train);
    table(`round ${round} held-out`, inRound, (i) => (rows[i] ? pickedRight(rows[i].example, w) : false));
  }
  const w = trainTitleModel(rows.map((r) => r.example), dims, train);
  console.log('\nTrained on all calls (no longer unseen):\n');
  console.log('| calls | n | candidate recall | cascade (tuned on all) | learned, trained on all |');
  console.log('| --- | --- | --- | --- | --- |');
  table('all', all, (i) => (rows[i] ? pickedRight(rows[i].example, w) : false));
  if (values.failures) console.log(`\ncross-validated misses (${misses.length}):\n${misses.join('\n')}`);
  if (!values['no-write']) {
    const model = { command: COMMAND, calls: rows.length, features: [...TITLE_FEATURES], weights: w.map((v) => Number(v.toFixed(4))) };
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
