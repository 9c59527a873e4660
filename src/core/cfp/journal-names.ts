/**
 * Journal names the parser knows from a list, not from the call: the full
 * names of JabRef's journal abbreviation lists (CC0; 41,548 names, built by
 * scripts/journal-names.mjs into data/journal-names/names.json, provenance there
 * and in data/journal-names/README.md). A call names its journal in passing ("submit via
 * the Radio Science site", a line "Information & Computation"); the
 * sentence patterns miss such names, a list does not. Found names are venue
 * candidates like any other (the learned chooser weighs them; a listed name
 * is a feature of every candidate), never the venue by themselves.
 */
import shipped from '../../../data/journal-names/names.json' with { type: 'json' };
import { journalKey } from './journal-key.js';

export { journalKey };

interface Lookup {
  names: ReadonlySet<string>;
  /** Every word-prefix of a name ("journal", "journal of", ...): a scan stops as soon as no name goes on. */
  prefixes: ReadonlySet<string>;
}

let lookup: Lookup | undefined;

/** Built on first use (about 40k names, a few MB of sets), then kept. */
function table(): Lookup {
  if (lookup) return lookup;
  const names = new Set<string>(shipped.names);
  const prefixes = new Set<string>();
  for (const n of names) {
    let at = n.indexOf(' ');
    while (at > 0) {
      prefixes.add(n.slice(0, at));
      at = n.indexOf(' ', at + 1);
    }
    prefixes.add(n);
  }
  lookup = { names, prefixes };
  return lookup;
}

/**
 * Whether the list holds this name.
 *
 * @example
 * isListedJournal('Chemistry of Materials') // true
 */
export function isListedJournal(name: string): boolean {
  const k = journalKey(name);
  return k.length > 0 && table().names.has(k);
}

/** Lower-case words a journal's name may hold between its capitalised ones. */
const SMALL = new Set(['of', 'and', 'on', 'for', 'in', 'the', 'de', 'du', 'des', 'la', 'le', 'di', 'del', 'della', 'e', 'et', 'y', 'und', 'für', 'fur', 'der', 'da', 'do', 'em', 'en', 'a', 'an', 'to', 'with', 'from']);
/** Words before a one-word name that make it a journal's ("in Microbiome", "the journal Psychotherapy", a page's "Journal cover for Midwifery"). */
const ONE_WORD_BEFORE = /(?:\b(?:in|of|to|journal|revue|revista|rivista|zeitschrift|(?:cover|site|homepage|portal) for)\s+[“"‘]?)$/i;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*|&/gu;

/**
 * Listed journals' names as the text writes them, longest first at each
 * place: a run of words that starts and ends with a capital (or a digit),
 * holds only small joining words in lower case, stays on one line and is a
 * name of the list. A one-word name counts only after "in", "of", "to", a
 * journal's word or a page's "cover for" / "site for", where a text puts its
 * journal ("a special series in Nanoscale"), not as any capitalised word. At most `limit` names.
 *
 * @example
 * listedJournals('To submit, use the submission site for Radio Science and select ...') // ['Radio Science']
 */
export function listedJournals(text: string, limit = 40): string[] {
  const { names, prefixes } = table();
  const words = [...text.matchAll(WORD)].map((m) => ({ raw: m[0].replace(/[.’'-]+$/, ''), at: m.index, key: journalKey(m[0]) }));
  const found: string[] = [];
  let covered = -1;
  for (let i = 0; i < words.length && found.length < limit; i++) {
    const first = words[i];
    if (!first || i <= covered || !/^[\p{Lu}\p{N}]/u.test(first.raw) || first.key === '') continue;
    let key = '';
    let best = -1;
    for (let j = i; j < words.length && j < i + 16; j++) {
      const w = words[j];
      const prev = words[j - 1];
      if (!w || w.key === '') break;
      // A name stays on its line and inside its sentence.
      if (j > i && prev && /[\n.;:!?()[\]|]/.test(text.slice(prev.at + prev.raw.length, w.at))) break;
      if (j > i && !/^[\p{Lu}\p{N}&]/u.test(w.raw) && !SMALL.has(w.raw.toLowerCase())) break;
      key = key === '' ? w.key : `${key} ${w.key}`;
      if (!prefixes.has(key)) break;
      if (names.has(key) && /^[\p{Lu}\p{N}]/u.test(w.raw)) best = j;
    }
    if (best < 0) continue;
    const last = words[best];
    if (!last) continue;
    if (best === i && !ONE_WORD_BEFORE.test(text.slice(Math.max(0, first.at - 30), first.at))) continue;
    found.push(text.slice(first.at, last.at + last.raw.length));
    covered = best;
  }
  return found;
}
