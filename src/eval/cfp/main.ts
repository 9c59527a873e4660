#!/usr/bin/env node
/**
 * `npm run eval:cfp [-- --cases DIR] [--json out.json] [--failures tune|heldout|all|none] [--title learned|cascade] [--venue learned|rules] [--editors learned|rules] [--topics learned|rules]`:
 * per-field accuracy of the CFP parser on the tuning and held-out splits, then
 * the failures (both splits unless `--failures` says otherwise: while rules are
 * being written, print only the tuning split's, so held-out stays unseen).
 * `--title` picks the title chooser, `--venue` the venue chooser, `--editors` the guest-editor chooser, `--topics` the topic chooser (default: the parser's).
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { runCfpEval } from './run.js';
import type { FieldTable } from './score.js';
import { runEntry } from './entry.js';

const f2 = (n: number) => n.toFixed(2);

function row(name: string, t: FieldTable): string {
  // An empty split (e.g. while a new held-out set is being labelled) has no accuracy to show, not 1.00.
  if (t.cases === 0) return `| ${name} | 0 | - | - | - | - | - |`;
  return `| ${name} | ${t.cases} | ${f2(t.title)} | ${f2(t.venue)} | ${f2(t.deadline)} | ${f2(t.topics.precision)} / ${f2(t.topics.recall)} / ${f2(t.topics.f1)} (${t.topics.truth}) | ${f2(t.editors.recall)} / ${f2(t.editors.precision)} (${t.editors.truth}) |`;
}

/** A chooser flag's value, one of `allowed` (undefined when the flag is not given). */
function oneOfFlag<T extends string>(flag: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw new Error(`--${flag} must be ${allowed.join(' or ')}, not "${value}"`);
  return value as T;
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { cases: { type: 'string' }, json: { type: 'string' }, failures: { type: 'string', default: 'all' }, title: { type: 'string' }, venue: { type: 'string' }, editors: { type: 'string' }, topics: { type: 'string' } } });
  const show = values.failures ?? 'all';
  if (!['tune', 'heldout', 'all', 'none'].includes(show)) throw new Error(`--failures must be tune, heldout, all or none, not "${show}"`);
  const chooser = oneOfFlag('title', values.title, ['learned', 'cascade'] as const);
  const venue = oneOfFlag('venue', values.venue, ['learned', 'rules'] as const);
  const editors = oneOfFlag('editors', values.editors, ['learned', 'rules'] as const);
  const topics = oneOfFlag('topics', values.topics, ['learned', 'rules'] as const);
  const result = await runCfpEval(values.cases ?? 'eval/cfp/cases', {
    ...(chooser ? { titleChooser: chooser } : {}), ...(venue ? { venueChooser: venue } : {}), ...(editors ? { editorChooser: editors } : {}), ...(topics ? { topicChooser: topics } : {}),
  });
  console.log('| split | CFPs | title | venue | deadline | topics P / R / F1 (items) | guest editors R / P (names) |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  console.log(row('tune', result.tune));
  console.log(row('held-out', result.heldout));
  console.log(row('all', result.all));
  for (const split of (['tune', 'heldout'] as const).filter((x) => show === 'all' || show === x)) {
    const failed = result.scores.filter((s) => s.split === split && s.failures.length > 0);
    console.log(`\nfailures (${split}, ${failed.length} of ${result.scores.filter((s) => s.split === split).length} CFPs):`);
    for (const s of failed) for (const f of s.failures) console.log(`  ${s.id} [${s.format}]: ${f}`);
  }
  if (values.json) await writeFile(values.json, `${JSON.stringify(result, null, 2)}\n`);
  return 0;
}

runEntry('eval:cfp', main);
