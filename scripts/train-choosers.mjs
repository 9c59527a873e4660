#!/usr/bin/env node
/**
 * `npm run train:choosers`: retrain the title chooser, then the venue chooser, and check the result.
 * The venue chooser's features read the chosen title, so the title chooser must be trained first;
 * the shipped weights are what the trainers write only when a further pass changes neither file.
 * Each pass runs `npm run train:title` then `npm run train:venue` (each builds first, so the venue
 * trainer reads the new title weights); it stops at the first pass that changes neither file (the
 * second, from scratch), at most 6 passes, and exits non-zero when they do not settle.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const FILES = ['data/title-model.json', 'data/venue-model.json'];
const read = () => FILES.map((f) => readFileSync(f, 'utf8'));
const MAX_PASSES = 6;

for (let pass = 1; pass <= MAX_PASSES; pass++) {
  const before = read();
  for (const script of ['train:title', 'train:venue']) {
    const out = execFileSync('npm', ['run', '--silent', script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    if (pass === 1 || process.argv.includes('--verbose')) process.stdout.write(out);
  }
  const after = read();
  const changed = FILES.filter((_, i) => before[i] !== after[i]);
  console.log(`pass ${pass}: ${changed.length ? `changed ${changed.join(', ')}` : 'neither model changed: fixed point'}`);
  if (changed.length === 0) process.exit(0);
}
console.error(`train:choosers: the models still change after ${MAX_PASSES} passes`);
process.exit(1);
