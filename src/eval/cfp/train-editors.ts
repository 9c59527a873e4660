#!/usr/bin/env node
/**
 * `npm run train:editors [-- --cases DIR] [--folds 5] [--threshold 0.5] [--rule-threshold 0.2] [--no-write] [--failures] [--drop f,g] [--l2 L]`:
 * train the learned guest-editor chooser on the labelled calls and measure
 * it against the rules: candidate recall (the ceiling), the rules' recall and
 * precision (tuned on all of these calls), the chooser's k-fold figures
 * cross-validated by site, each former held-out round left out with its
 * sites, and in-sample. Then writes the weights trained on all calls to
 * data/editor-model.json.
 */
import { parseArgs } from 'node:util';
import { EDITOR_FEATURES, type EditorCandidate } from '../../core/cfp/editor-candidates.js';
import { editorProbabilities, NEIGHBOUR_FEATURES, probability, secondFeatures, type EditorModel } from '../../core/cfp/editor-model.js';
import { parseCase } from './run.js';
import { matched, normName } from './score.js';
import { foldsByGroup } from './title-train.js';
import { addItems, emptyTally, fitBiasFirst, groupOf, rounded, roundsLeftOut, roundsOf, tallyItems, tuningCases, writeJsonModel, type ItemTally, type LabelledRow } from './train-common.js';
import { runEntry } from './entry.js';

const OUT = 'data/editor-model.json';
const COMMAND = 'npm run train:editors';

type Row = LabelledRow<EditorCandidate>;

/** Names of `found` matched one-to-one against the truth, as the eval matches them. */
const matchCount = (found: readonly string[], truth: readonly string[]) => matched(found, truth, (a, b) => normName(a) === normName(b));


const add = (t: ItemTally, found: readonly string[], truth: readonly string[]) => addItems(t, found, truth, matchCount);
const fmt = (t: ItemTally) => `${(t.truth ? t.matched / t.truth : 1).toFixed(3)} / ${(t.found ? t.matched / t.found : 1).toFixed(3)} (${t.matched} of ${t.truth}, ${t.found} found)`;

const pick = (r: Row, p: readonly number[], threshold: number, ruleThreshold: number) =>
  r.candidates.filter((c, i) => (p[i] ?? 0) >= (c.rule ? ruleThreshold : threshold)).map((c) => c.name);
const chosen = (r: Row, m: EditorModel) => pick(r, editorProbabilities(r.candidates, m), m.threshold, m.ruleThreshold);

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { cases: { type: 'string' }, folds: { type: 'string', default: '5' }, threshold: { type: 'string', default: '0.5' }, 'rule-threshold': { type: 'string', default: '0.2' }, 'no-write': { type: 'boolean' }, failures: { type: 'boolean' }, l2: { type: 'string', default: '0.001' }, drop: { type: 'string' } },
  });
  const dir = values.cases ?? 'eval/cfp/cases';
  const threshold = Number(values.threshold);
  const ruleThreshold = Number(values['rule-threshold']);
  const l2 = Number(values.l2);
  const rows: Row[] = (await tuningCases(dir)).map(({ truth, body }) => {
    let candidates: EditorCandidate[] = [];
    const call = parseCase(truth, body, { editorChooser: 'rules', onEditorCandidates: (c) => (candidates = c) });
    const truthKeys = new Set(truth.guest_editors.map(normName));
    return {
      truth, group: groupOf(truth), candidates, labels: candidates.map((c) => truthKeys.has(normName(c.name))),
      rules: 'error' in call ? [] : call.guest_editors.map((e) => e.name),
    };
  });
  const rounds = await roundsOf(dir);
  const drop = new Set((values.drop ?? '').split(',').filter(Boolean).map((d) => {
    const j = EDITOR_FEATURES.indexOf(d as (typeof EDITOR_FEATURES)[number]);
    if (j <= 0) throw new Error(`--drop: "${d}" is not a feature the chooser can do without (${EDITOR_FEATURES.slice(1).join(', ')})`);
    return j;
  }));
  if (drop.size > 0) for (const r of rows) for (const c of r.candidates) c.features = c.features.map((v, j) => (drop.has(j) ? 0 : v));
  const examples = (rs: readonly Row[]) => rs.flatMap((r) => r.candidates.map((c, i) => ({ x: c.features, y: r.labels[i] ?? false })));
  /** Both models: the second learns from the first's cross-fitted probabilities (3 folds by site), as it will see them on a new call. */
  const train = (rs: readonly Row[]): EditorModel => {
    const first = fitBiasFirst(examples(rs), l2);
    const inner = foldsByGroup(rs, 3);
    const p1 = rs.map((r) => r.candidates.map(() => 0));
    for (let f = 0; f < 3; f++) {
      const w = fitBiasFirst(examples(rs.filter((_, i) => inner[i] !== f)), l2);
      rs.forEach((r, i) => {
        if (inner[i] === f) p1[i] = r.candidates.map((c) => probability(c.features, w));
      });
    }
    const second = fitBiasFirst(rs.flatMap((r, i) => secondFeatures(r.candidates, p1[i] ?? []).map((x, k) => ({ x, y: r.labels[k] ?? false }))), l2);
    return { features: [...EDITOR_FEATURES], first, second, threshold, ruleThreshold };
  };

  /** Names `found` gives each call of `rs`, tallied against the truth. */
  const tallyOf = (rs: readonly Row[], found: (r: Row) => readonly string[]) => tallyItems(rs, found, (r) => r.truth.guest_editors, matchCount);
  const candidateNames = (r: Row) => r.candidates.map((c) => c.name);
  console.log(`${rows.length} calls, ${rows.reduce((a, r) => a + r.candidates.length, 0)} candidates, ${rows.reduce((a, r) => a + r.truth.guest_editors.length, 0)} editors\n`);
  console.log('| calls | candidate recall | rules R / P (tuned on all) | learned R / P |');
  console.log('| --- | --- | --- | --- |');
  const folds = foldsByGroup(rows, Number(values.folds));
  const cv = emptyTally();
  const misses: string[] = [];
  /** Each call's cross-validated probabilities, for the threshold table. */
  const cvP: number[][] = rows.map(() => []);
  for (let f = 0; f < Number(values.folds); f++) {
    const w = train(rows.filter((_, i) => folds[i] !== f));
    rows.forEach((r, i) => {
      if (folds[i] !== f) return;
      cvP[i] = editorProbabilities(r.candidates, w);
      const got = chosen(r, w);
      add(cv, got, r.truth.guest_editors);
      if (matchCount(got, r.truth.guest_editors) < Math.max(got.length, r.truth.guest_editors.length)) {
        misses.push(`  ${r.truth.id}: got ${JSON.stringify(got)}, want ${JSON.stringify(r.truth.guest_editors)}${matchCount(r.rules, r.truth.guest_editors) === r.truth.guest_editors.length && r.rules.length === r.truth.guest_editors.length ? ' (rules right)' : ''}`);
      }
    });
  }
  console.log(`| all, ${values.folds}-fold by site | ${fmt(tallyOf(rows, candidateNames))} | ${fmt(tallyOf(rows, (r) => r.rules))} | ${fmt(cv)} |`);
  for (const { round, inRound, rest } of roundsLeftOut(rows, rounds, (r) => r.truth.id, (r) => r.group)) {
    const w = train(rest);
    console.log(`| round ${round} left out | ${fmt(tallyOf(inRound, candidateNames))} | ${fmt(tallyOf(inRound, (r) => r.rules))} | ${fmt(tallyOf(inRound, (r) => chosen(r, w)))} |`);
  }
  console.log('\nThresholds, cross-validated by site (a name the rules did not give / a rules\' editor):\n\n| threshold | rule threshold | R / P |\n| --- | --- | --- |');
  for (const [t, rt] of [[0.3, 0.2], [0.4, 0.2], [0.5, 0.05], [0.5, 0.1], [0.5, 0.2], [0.5, 0.3], [0.5, 0.5], [0.6, 0.2], [0.7, 0.2]] as const) {
    const tally = emptyTally();
    rows.forEach((r, i) => add(tally, pick(r, cvP[i] ?? [], t, rt), r.truth.guest_editors));
    console.log(`| ${t} | ${rt} | ${fmt(tally)} |`);
  }
  const w = train(rows);
  console.log(`| all, in-sample | | | ${fmt(tallyOf(rows, (r) => chosen(r, w)))} |`);
  console.log('\nweights (first, second):');
  [...EDITOR_FEATURES, ...NEIGHBOUR_FEATURES].forEach((f, i) => console.log(`  ${f}: ${(w.first[i] ?? 0).toFixed(3)} ${(w.second[i] ?? 0).toFixed(3)}`));
  if (values.failures) console.log(`\ncross-validated misses (${misses.length}):\n${misses.join('\n')}`);
  if (!values['no-write']) {
    await writeJsonModel(OUT, { command: COMMAND, calls: rows.length, features: [...EDITOR_FEATURES], first: rounded(w.first), second: rounded(w.second), threshold, ruleThreshold });
  }
  return 0;
}

runEntry('train:editors', main);
