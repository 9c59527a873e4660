#!/usr/bin/env node
/**
 * `npm run build && node scripts/journal-names.mjs <checkout of JabRef/abbrv.jabref.org> [commit]`: writes
 * data/journal-names/names.json, the full journal names of JabRef's abbreviation lists (CC0),
 * normalised by the parser's own journalKey (src/core/cfp/journal-key.ts, from dist), sorted and
 * deduplicated, one name a line so a rebuild diffs by name. The list is data the parser ships; this script
 * only rebuilds it. `git -C <mirror> show HEAD:journals/<file>` is how the lists were read
 * when the checkout is a bare mirror: pass a directory holding the CSV files.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { journalKey } from '../dist/core/cfp/journal-key.js';
import { fields as csvFields } from './csv-fields.mjs';

/** One CSV line of the lists: comma or semicolon between fields. */
const fields = (line) => csvFields(line, ',;');

const [dir, commit = 'unknown'] = process.argv.slice(2);
if (!dir) {
  console.error('usage: node scripts/journal-names.mjs <directory of journal_abbreviations_*.csv> [commit]');
  process.exit(2);
}
const files = readdirSync(dir).filter((f) => /^journal_abbreviations_.*\.csv$/.test(f)).sort();
const names = new Set();
for (const f of files) {
  for (const line of readFileSync(join(dir, f), 'utf8').split('\n')) {
    const full = fields(line)[0]?.trim();
    if (!full) continue;
    const key = journalKey(full);
    // A name needs a word of two letters: "J", "3" or a bare number names nothing a call would write.
    if (/\p{L}{2}/u.test(key) && key.length <= 150) names.add(key);
  }
}
const sorted = [...names].sort();
const head = { source: `GitHub JabRef/abbrv.jabref.org commit ${commit}, journals/journal_abbreviations_*.csv (first column, the full name)`, licence: 'CC0-1.0', built_by: 'npm run build && node scripts/journal-names.mjs <dir> <commit>', count: sorted.length };
const body = JSON.stringify(head).slice(0, -1);
writeFileSync('data/journal-names/names.json', `${body},"names":[\n${sorted.map((n) => JSON.stringify(n)).join(',\n')}\n]}\n`);
console.log(`${sorted.length} names from ${files.length} lists (JabRef/abbrv.jabref.org ${commit})`);
