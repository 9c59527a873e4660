#!/usr/bin/env node
/**
 * `npm run build && node --expose-gc scripts/journal-names-check.mjs`: what the journal list
 * (data/journal-names) costs and covers. Prints the time and heap the parser's lookup sets take
 * when first built, the time of one scan of each labelled call's text, and how many of the
 * labelled calls' journals (eval/cfp/cases/*.truth.json, venue or an alternative) the list holds.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { isListedJournal, listedJournals } from '../dist/core/cfp/journal-names.js';

const gc = globalThis.gc ?? (() => {});
gc();
const before = process.memoryUsage().heapUsed;
const t0 = performance.now();
isListedJournal('x');
const built = performance.now() - t0;
gc();
const heap = (process.memoryUsage().heapUsed - before) / 1e6;

const dir = 'eval/cfp/cases';
let venues = 0;
let listed = 0;
let scanMs = 0;
let texts = 0;
for (const f of readdirSync(dir).filter((x) => x.endsWith('.truth.json')).sort()) {
  const truth = JSON.parse(readFileSync(join(dir, f), 'utf8'));
  const id = f.slice(0, -'.truth.json'.length);
  const txt = join(dir, `${id}.txt`);
  if (existsSync(txt)) {
    const text = readFileSync(txt, 'utf8');
    const t = performance.now();
    listedJournals(text);
    scanMs += performance.now() - t;
    texts++;
  }
  if (!truth.venue) continue;
  venues++;
  if ([truth.venue, ...(truth.venue_alternatives ?? [])].some((v) => isListedJournal(v))) listed++;
}
console.log(`lookup sets: built in ${built.toFixed(0)} ms, ${globalThis.gc ? `${heap.toFixed(1)} MB of heap` : 'heap not measured (run with --expose-gc)'}`);
console.log(`scan: ${(scanMs / texts).toFixed(2)} ms a call on average over ${texts} case texts`);
console.log(`labelled journals the list holds: ${listed} of ${venues} (${(listed / venues).toFixed(2)})`);
