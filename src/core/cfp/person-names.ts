/**
 * Given names and family names the guest-editor chooser looks a candidate's
 * words up in: 15k given and 15k family names of 73 locales (@faker-js/faker,
 * MIT) and 106 countries' most common names (sigpwned/popular-names-by-country-dataset,
 * CC0), built by scripts/person-names.mjs into data/person-names/names.json
 * (provenance in data/person-names/README.md). A run of capitalised words
 * that opens with a known given name is far more often a person than one
 * that does not ("Maria Panetta" against "Le Norme", "Pekka Abrahamsson"
 * against "Open Access Challenges"), whatever the language or the layout
 * around it; the chooser weighs it as one feature among the others, so an
 * unlisted name is still found where its context says so. Chinese given
 * names are too many to list: a word of one or two pinyin syllables beside a
 * listed family name counts as one ("Xiaofeng Wang", "Wang Xiaofeng").
 */
import shipped from '../../../data/person-names/names.json' with { type: 'json' };

interface Lookup {
  given: ReadonlySet<string>;
  family: ReadonlySet<string>;
}
let lookup: Lookup | undefined;
/** Built on first use (30k short strings), then kept. */
function table(): Lookup {
  lookup ??= { given: new Set(shipped.given), family: new Set(shipped.family) };
  return lookup;
}

/** A word as the list holds it: accents folded, lower case. */
const fold = (w: string) => w.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

const PINYIN_SYLLABLE = '(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ang|eng|ing|ong|uai|ian|iao|uan|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ue|ui|er|a|o|e|i|u|v)';
const PINYIN_GIVEN = new RegExp(`^${PINYIN_SYLLABLE}(?:${PINYIN_SYLLABLE})?$`);
/** Places written as two words that are listed or pinyin-like names ("Hong Kong"): not a person. */
const PLACES = new Set(['hong kong', 'xi an', 'nan ning', 'ma on']);

/**
 * Whether a word is a listed given name.
 *
 * @example
 * isGivenName('Gaspare') // true
 * isGivenName('Norme') // false
 */
export function isGivenName(word: string): boolean {
  return table().given.has(fold(word));
}

/**
 * Whether a word is a listed family name.
 *
 * @example
 * isFamilyName('Abrahamsson') // true
 */
export function isFamilyName(word: string): boolean {
  return table().family.has(fold(word));
}

/**
 * What the lists say of a person's name as words (honorifics and initials
 * already dropped, e.g. an editorKey): whether it opens with a given name
 * (or is a pinyin given name beside a listed family name, in either order),
 * and whether it closes with a family name.
 *
 * @example
 * nameEvidence(['xiaofeng', 'wang']) // { given: true, family: true }
 * nameEvidence(['open', 'access', 'challenges']) // { given: false, family: false }
 * nameEvidence(['hong', 'kong']).given // false
 */
export function nameEvidence(words: readonly string[]): { given: boolean; family: boolean } {
  const first = fold(words[0] ?? '');
  const last = fold(words[words.length - 1] ?? '');
  if (words.length < 2 || !first || !last || PLACES.has(`${first} ${last}`)) return { given: false, family: false };
  const t = table();
  const family = t.family.has(last);
  const chinese = words.length <= 3 && ((family && PINYIN_GIVEN.test(first)) || (t.family.has(first) && PINYIN_GIVEN.test(last)));
  return { given: t.given.has(first) || chinese, family };
}
