#!/usr/bin/env node
/**
 * `npm run eval:articles [-- --cases DIR] [--json out.json]`: how well a special-issue page's list of
 * published papers is read (issue #18), page by page and over all papers, with what was missed.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { runEntry } from '../cfp/entry.js';
import { runArticleEval } from './run.js';

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { cases: { type: 'string' }, json: { type: 'string' } } });
  const r = await runArticleEval(values.cases ?? 'eval/articles/cases');
  console.log('| page | kind | papers listed | read | right |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const p of r.pages) console.log(`| ${p.id} | ${p.kind} | ${p.truth} | ${p.found} | ${p.matched} |`);
  const pos = r.pages.filter((p) => p.kind === 'positive');
  const neg = r.pages.filter((p) => p.kind === 'negative');
  console.log(`\npapers: precision ${r.precision.toFixed(2)}, recall ${r.recall.toFixed(2)}; pages read exactly ${r.exact} of ${r.pages.length} (lists ${pos.filter((p) => p.matched === p.truth && p.found === p.truth).length} of ${pos.length}, pages without a list given none ${neg.filter((p) => p.found === 0).length} of ${neg.length})`);
  for (const p of r.pages.filter((x) => x.extra.length || x.missed.length)) {
    for (const t of p.missed) console.log(`  ${p.id}: missed "${t}"`);
    for (const t of p.extra) console.log(`  ${p.id}: not the page's "${t}"`);
  }
  if (values.json) await writeFile(values.json, `${JSON.stringify(r, null, 2)}\n`);
  return 0;
}

runEntry('eval:articles', main);
