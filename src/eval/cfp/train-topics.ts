#!/usr/bin/env node
/**
 * `npm run train:topics [-- --cases DIR] [--folds 5] [--threshold 0.3] [--no-write] [--failures] [--l2 L]`:
 * train the learned topic chooser on the labelled calls and measure it
 * against the rules: candidate recall (the ceiling), the rules' precision and
 * recall (tuned on all of these calls), the chooser's k-fold figures
 * cross-validated by site, each former held-out round left out with its
 * sites, and in-sample. Then writes the weights trained on all calls to
 * data/topic-model.json.
 */
import { parseArgs } from 'node:util';
import { TOPIC_FEATURES, type TopicCandidate } from '../../core/cfp/topic-candidates.js';
import { chooseTopics, type TopicModel } from '../../core/cfp/topic-model.js';
import { parseCase } from './run.js';
import { matched, sameTopic } from './score.js';
import { foldsByGroup } from './title-train.js';
import { addItems, emptyTally, fitBiasFirst, groupOf, rounded, roundsLeftOut, roundsOf, tallyItems, tuningCases, writeJsonModel, type ItemTally, type LabelledRow } from './train-common.js';
import { runEntry } from './entry.js';

const OUT = 'data/topic-model.json';
const COMMAND = 'npm run train:topics';

type Row = LabelledRow<TopicCandidate>;

const matchCount = (found: readonly string[], truth: readonly string[]) => matched(found, truth, sameTopic);

/** A candidate list is the call's topics when at least half its items are labelled topics. */
const isTopicList = (items: readonly string[], truth: readonly string[]) => {
  const m = matchCount(items, truth);
  return m > 0 && m * 2 >= items.length;
};


const add = (t: ItemTally, found: readonly string[], truth: readonly string[]) => addItems(t, found, truth, matchCount);
const fmt = (t: ItemTally) => {
  const p = t.found ? t.matched / t.found : 1;
  const r = t.truth ? t.matched / t.truth : 1;
  return `${p.toFixed(3)} / ${r.toFixed(3)} / ${(p + r === 0 ? 0 : (2 * p * r) / (p + r)).toFixed(3)}`;
};

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { cases: { type: 'string' }, folds: { type: 'string', default: '5' }, threshold: { type: 'string', default: '0.3' }, 'no-write': { type: 'boolean' }, failures: { type: 'boolean' }, l2: { type: 'string', default: '0.001' } },
  });
  const dir = values.cases ?? 'eval/cfp/cases';
  const threshold = Number(values.threshold);
  const l2 = Number(values.l2);
  const rows: Row[] = (await tuningCases(dir)).map(({ truth, body }) => {
    let candidates: TopicCandidate[] = [];
    const call = parseCase(truth, body, { topicChooser: 'rules', onTopicCandidates: (c) => (candidates = c) });
    return { truth, group: groupOf(truth), candidates, labels: candidates.map((c) => isTopicList(c.items, truth.topics)), rules: 'error' in call ? [] : call.topics };
  });
  const rounds = await roundsOf(dir);
  // Fitted on the calls whose topics the rules did not find: elsewhere the rules' lists are kept.
  const train = (rs: readonly Row[]): TopicModel => ({
    features: [...TOPIC_FEATURES],
    weights: fitBiasFirst(rs.filter((r) => r.rules.length === 0).flatMap((r) => r.candidates.map((c, i) => ({ x: c.features, y: r.labels[i] ?? false }))), l2),
    threshold,
  });
  const chosen = (r: Row, m: TopicModel) => chooseTopics(r.candidates, r.rules, m).topics;

  /** Topics `found` gives each call of `rs`, tallied against the truth. */
  const tallyOf = (rs: readonly Row[], found: (r: Row) => readonly string[]) => tallyItems(rs, found, (r) => r.truth.topics, matchCount);
  const labelled = (r: Row) => r.candidates.filter((_, i) => r.labels[i]).flatMap((c) => c.items);
  console.log(`${rows.length} calls, ${rows.reduce((a, r) => a + r.candidates.length, 0)} candidate lists (${rows.reduce((a, r) => a + r.labels.filter(Boolean).length, 0)} topic lists), ${rows.reduce((a, r) => a + r.truth.topics.length, 0)} topics\n`);
  console.log('P / R / F1 of the topics:\n\n| calls | the labelled lists (ceiling) | rules (tuned on all) | learned |');
  console.log('| --- | --- | --- | --- |');
  const k = Number(values.folds);
  const folds = foldsByGroup(rows, k);
  const foldOf = new Map(rows.map((r, i) => [r, folds[i] ?? 0]));
  const cv = emptyTally();
  const misses: string[] = [];
  const cvW: TopicModel[] = [];
  for (let f = 0; f < k; f++) {
    const m = train(rows.filter((_, i) => folds[i] !== f));
    cvW.push(m);
    rows.forEach((r, i) => {
      if (folds[i] !== f) return;
      const got = chosen(r, m);
      add(cv, got, r.truth.topics);
      const n = matchCount(got, r.truth.topics);
      if (n < Math.max(got.length, r.truth.topics.length)) {
        const rulesRight = matchCount(r.rules, r.truth.topics);
        misses.push(`  ${r.truth.id}: ${n} of ${r.truth.topics.length}, ${got.length - n} extra (rules ${rulesRight}, ${r.rules.length - rulesRight} extra) got ${JSON.stringify(got.slice(0, 3))}`);
      }
    });
  }
  console.log(`| all, ${k}-fold by site | ${fmt(tallyOf(rows, labelled))} | ${fmt(tallyOf(rows, (r) => r.rules))} | ${fmt(cv)} |`);
  for (const { round, inRound, rest } of roundsLeftOut(rows, rounds, (r) => r.truth.id, (r) => r.group)) {
    const m = train(rest);
    console.log(`| round ${round} left out | ${fmt(tallyOf(inRound, labelled))} | ${fmt(tallyOf(inRound, (r) => r.rules))} | ${fmt(tallyOf(inRound, (r) => chosen(r, m)))} |`);
  }
  console.log('\nThresholds for adding a list the rules did not take, cross-validated by site:\n\n| threshold | P / R / F1 |\n| --- | --- |');
  for (const t of [0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]) {
    console.log(`| ${t} | ${fmt(tallyOf(rows, (r) => chosen(r, { ...(cvW[foldOf.get(r) ?? 0] as TopicModel), threshold: t })))} |`);
  }
  const w = train(rows);
  console.log(`| all, in-sample | | ${fmt(tallyOf(rows, (r) => chosen(r, w)))} |`);
  console.log('\nweights:');
  TOPIC_FEATURES.forEach((f, i) => console.log(`  ${f}: ${(w.weights[i] ?? 0).toFixed(3)}`));
  if (values.failures) console.log(`\ncross-validated misses (${misses.length}):\n${misses.join('\n')}`);
  if (!values['no-write']) {
    await writeJsonModel(OUT, { command: COMMAND, calls: rows.length, features: [...TOPIC_FEATURES], weights: rounded(w.weights), threshold });
  }
  return 0;
}

runEntry('train:topics', main);
