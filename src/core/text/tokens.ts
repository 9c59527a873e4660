/**
 * Tokens for lexical matching: lower-cased words, English stopwords removed
 * (the `stopword` list; measured to matter when scope texts differ in
 * length), Porter-stemmed (`stemmer`). Scripts without spaces (Chinese,
 * Japanese, Thai) fall back to character bigrams so such drafts still rank.
 */
import { eng } from 'stopword';
import { stemmer } from 'stemmer';

const EXTRA_STOP = [
  'also', 'however', 'based', 'using', 'use', 'used', 'paper', 'propose', 'proposed', 'show', 'results',
  'new', 'approach', 'method', 'methods', 'work', 'study', 'present', 'well', 'may', 'can', 'including',
  'include', 'includes', 'limited', 'topics', 'interest', 'submissions', 'submission', 'papers', 'welcome',
  'research', 'special', 'issue', 'novel', 'one', 'two', 'three', 'within', 'via', 'et', 'al',
];
const STOP = new Set<string>([...eng, ...EXTRA_STOP].map((w) => w.toLowerCase()));

// Latin and Greek plurals (and a few English ones) the Porter stemmer leaves apart from their
// singular: "corpora" never met "corpus", nor "analyses" "analysis". Mapped to the singular first.
const IRREGULAR = new Map<string, string>([
  ['corpora', 'corpus'], ['criteria', 'criterion'], ['phenomena', 'phenomenon'], ['matrices', 'matrix'],
  ['indices', 'index'], ['vertices', 'vertex'], ['appendices', 'appendix'], ['bacteria', 'bacterium'],
  ['curricula', 'curriculum'], ['stimuli', 'stimulus'], ['fungi', 'fungus'], ['nuclei', 'nucleus'],
  ['foci', 'focus'], ['radii', 'radius'], ['loci', 'locus'], ['genera', 'genus'], ['spectra', 'spectrum'],
  ['strata', 'stratum'], ['schemata', 'schema'], ['lemmata', 'lemma'], ['taxa', 'taxon'], ['optima', 'optimum'],
  ['maxima', 'maximum'], ['minima', 'minimum'], ['formulae', 'formula'], ['larvae', 'larva'], ['algae', 'alga'],
  ['axes', 'axis'], ['crises', 'crisis'], ['theses', 'thesis'], ['hypotheses', 'hypothesis'], ['syntheses', 'synthesis'],
  ['parentheses', 'parenthesis'], ['diagnoses', 'diagnosis'], ['prognoses', 'prognosis'],
  ['women', 'woman'], ['men', 'man'], ['children', 'child'], ['mice', 'mouse'], ['teeth', 'tooth'],
]);
/** "analyses", "dialyses", "hydrolyses": the -ysis nouns' plural. */
const YSES = /yses$/;

// Call titles name their kind of issue ("Special Cluster: X", "Special Section on X"): words that say
// nothing about the scope and, unlike "special" and "issue", are not stopwords on their own
// ("cluster" and "section" are topics elsewhere). Removed as a phrase only.
const ISSUE_KIND = /\bspecial\s+(?:clusters?|sections?|features?|collections?|topics?|volumes?|themes?|forums?|focus)\b/giu;

// "AudioVisual", "OpenStreetMap": a lower-case letter run then a capitalised word of 3+ letters is a
// compound whose parts are words (both parts and the whole are kept, as for hyphenated words). "IoT",
// "eHealth" and "GeoAI" are left whole.
const CAMEL = /(?<=\p{Ll}{2})(?=\p{Lu}\p{Ll}{2})/u;

const WORD = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;
const NO_SPACE_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;

/**
 * @example
 * tokenize('Large Language Models for Networks') // ['larg', 'languag', 'model', 'network']
 */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const m of text.replace(ISSUE_KIND, ' ').matchAll(WORD)) {
    const cased = m[0];
    const parts = cased.split(/[-'’]/);
    const pieces = parts.flatMap((p) => p.split(CAMEL));
    for (const piece of pieces) pushToken(piece.toLowerCase(), out);
    // A compound (hyphenated or capitalised) also stands joined.
    if (cased.includes('-') || pieces.length > parts.length) pushToken(cased.toLowerCase().replace(/[-'’]/g, ''), out);
  }
  return out;
}

function pushToken(part: string, out: string[]): void {
  if (part.length === 0) return;
  if (NO_SPACE_SCRIPT.test(part)) {
    const chars = Array.from(part);
    if (chars.length === 1) out.push(part);
    for (let i = 0; i + 1 < chars.length; i++) out.push(`${chars[i]}${chars[i + 1]}`);
    return;
  }
  if (STOP.has(part)) return;
  if (part.length === 1 && !/\p{N}/u.test(part)) return;
  const singular = IRREGULAR.get(part) ?? (YSES.test(part) ? part.replace(YSES, 'ysis') : part);
  out.push(/^[a-z]+$/.test(singular) ? stemmer(singular) : singular);
}
