#!/usr/bin/env node
/**
 * `node scripts/person-names.mjs <faker package dir> <popular-names dir> [commit]`: writes
 * data/person-names/names.json, the given names and family names the CFP parser's guest-editor chooser
 * looks a candidate's words up in (src/core/cfp/person-names.ts): every Latin-script first and last name
 * of every locale of @faker-js/faker (MIT; install it outside the project, `npm install --no-save
 * @faker-js/faker@10.6.0` in a scratch directory, and pass its node_modules/@faker-js/faker), and the
 * romanized names of sigpwned/popular-names-by-country-dataset (CC0; a directory holding its
 * common-forenames-by-country.csv and common-surnames-by-country.csv). Names are folded as the parser
 * folds a word (accents off, lower case), sorted and deduplicated, one a line so a rebuild diffs by name.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fields } from './csv-fields.mjs';

const [fakerDir, popularDir, commit = 'unknown'] = process.argv.slice(2);
if (!fakerDir || !popularDir) {
  console.error('usage: node scripts/person-names.mjs <node_modules/@faker-js/faker> <dir of common-*-by-country.csv> [commit]');
  process.exit(2);
}
const LATIN = /^[\p{Script=Latin}'’ -]+$/u;
const fold = (s) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim();
/** Joke locales of faker (Swedish-chef English, "ocker" Australian): their names are words, not names. */
const SKIP_LOCALES = new Set(['en_BORK', 'en_AU_ocker']);
/**
 * Listed given names that are far more often words in a call ("The", "General", "Major", "May", "Will", "Long"), and two-letter ones
 * (most are particles or articles: "le", "da", "de", "el") but for these few.
 */
const NOT_GIVEN = new Set(['the', 'that', 'general', 'major', 'may', 'will', 'long', 'art', 'sky', 'river', 'stone', 'bay', 'king', 'prince', 'justice', 'london', 'paris', 'sydney', 'august', 'june', 'april', 'summer', 'christian', 'chase', 'hunter', 'price', 'green', 'brown', 'bill', 'mark', 'dean']);
const TWO_LETTER_GIVEN = new Set(['ed', 'jo', 'bo', 'yu', 'al']);
const given = new Set();
const family = new Set();
/** A given name of two words ("Mary Ann", "Jean-Luc") gives each word; a family name is kept whole and by its last word. */
const addGiven = (n) => {
  if (typeof n !== 'string' || !LATIN.test(n)) return;
  for (const w of n.split(/[\s-]+/).map(fold)) if ((w.length > 2 || TWO_LETTER_GIVEN.has(w)) && !NOT_GIVEN.has(w)) given.add(w);
};
const addFamily = (n) => { if (typeof n !== 'string' || !LATIN.test(n)) return; const w = n.split(/[\s-]+/).filter((x) => x.length > 1); for (const x of w) family.add(fold(x)); };

const pkg = JSON.parse(readFileSync(join(fakerDir, 'package.json'), 'utf8'));
const faker = await import(pathToFileURL(join(fakerDir, 'dist', 'index.js')).href);
const values = (x) => (!x ? [] : Array.isArray(x) ? x.flat(2) : Object.values(x).flat(2));
let locales = 0;
for (const [code, def] of Object.entries(faker.allLocales)) {
  const p = def.person;
  if (SKIP_LOCALES.has(code)) continue;
  if (!p) continue;
  locales++;
  for (const n of values(p.first_name)) addGiven(n);
  for (const n of values(p.last_name)) addFamily(n);
}

function romanized(file) {
  const [head, ...rows] = readFileSync(join(popularDir, file), 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).filter(Boolean);
  const col = fields(head).indexOf('Romanized Name');
  return rows.map((r) => fields(r)[col] ?? '');
}
for (const n of romanized('common-forenames-by-country.csv')) addGiven(n);
for (const n of romanized('common-surnames-by-country.csv')) addFamily(n);

const sortedGiven = [...given].sort();
const sortedFamily = [...family].sort();
const head = {
  source: `@faker-js/faker ${pkg.version} (every locale's person.first_name and person.last_name, Latin script) and GitHub sigpwned/popular-names-by-country-dataset commit ${commit} (Romanized Name of common-forenames-by-country.csv and common-surnames-by-country.csv)`,
  licence: 'faker: MIT; popular-names-by-country-dataset: CC0-1.0',
  built_by: 'node scripts/person-names.mjs <node_modules/@faker-js/faker> <dir of the CSV files> <commit>',
  given_count: sortedGiven.length,
  family_count: sortedFamily.length,
};
const list = (a) => `[\n${a.map((n) => JSON.stringify(n)).join(',\n')}\n]`;
writeFileSync('data/person-names/names.json', `${JSON.stringify(head).slice(0, -1)},"given":${list(sortedGiven)},"family":${list(sortedFamily)}}\n`);
console.log(`${sortedGiven.length} given names and ${sortedFamily.length} family names (${locales} faker locales, popular-names ${commit})`);
