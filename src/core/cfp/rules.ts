/**
 * Submission rules stated in a CFP: abstract length, keyword count, file
 * formats, and the other requirements verbatim.
 */
import type { SubmissionRules } from '../schema.js';

const ABSTRACT_MAX =
  /abstracts?\b[^.\n]{0,40}?\b(?:no more than|not (?:to )?exceed(?:ing)?|up to|maximum of|max(?:imum)?\.?|at most|limited to|fewer than|less than|within)\s*(\d{2,4})\s*words/i;
const ABSTRACT_WORDS_BEFORE = /\b(\d{2,4})[- ]words?\s+abstract/i;
const ABSTRACT_RANGE = /abstracts?\b[^.\n]{0,30}?\b(\d{2,4})\s*(?:-|–|to)\s*(\d{2,4})\s*words/i;
const ABSTRACT_MIN = /abstracts?\b[^.\n]{0,40}?\b(?:at least|no (?:less|fewer) than|minimum of)\s*(\d{2,4})\s*words/i;
const KEYWORDS_RANGE = /\b(\d{1,2})\s*(?:-|–|to)\s*(\d{1,2})\s*key\s*-?words?/i;
const KEYWORDS_MAX = /\b(?:up to|no more than|at most|maximum of|max\.?)\s*(\d{1,2})\s*key\s*-?words?/i;
const KEYWORDS_MIN = /\b(?:at least|no fewer than|minimum of)\s*(\d{1,2})\s*key\s*-?words?/i;
const FORMAT_SENTENCE = /\b(?:submit|submitted|manuscripts?|papers?|files?)\b/i;
const NOT_MANUSCRIPT = /\b(?:photograph|figure|image|picture)/i;
const FORMATS: ReadonlyArray<[string, RegExp]> = [
  ['doc', /(?:\.|\b)docx?\b|\bword\b(?= (?:files?|format|documents?))|\bms word\b/i],
  ['pdf', /(?:\.|\b)pdf\b/i],
  ['latex', /\b(?:la)?tex\b/i],
];
/** Sentences that state a requirement. */
const REQUIREMENT = /\b(?:must|should|required|remember|mandatory)\b/i;

function num(m: RegExpExecArray | null, i = 1): number | undefined {
  const n = m ? Number(m[i]) : NaN;
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

/**
 * Rules from the whole text, the items of requirement lists, and the
 * sentences about submitting. Abstract and keyword rules become numbers;
 * other requirements are kept verbatim as notes.
 *
 * @example
 * parseRules('an abstract of no more than 150 words; 3-8 keywords', [], []).abstract_max_words // 150
 */
export function parseRules(text: string, items: readonly string[], sentences: readonly string[]): SubmissionRules {
  const rules: SubmissionRules = {};
  const range = ABSTRACT_RANGE.exec(text);
  const max = num(ABSTRACT_MAX.exec(text)) ?? num(ABSTRACT_WORDS_BEFORE.exec(text)) ?? num(range, 2);
  const min = num(ABSTRACT_MIN.exec(text)) ?? num(range, 1);
  if (max !== undefined) rules.abstract_max_words = max;
  if (min !== undefined && (max === undefined || min <= max)) rules.abstract_min_words = min;
  const kw = KEYWORDS_RANGE.exec(text);
  const kwMin = num(kw, 1) ?? num(KEYWORDS_MIN.exec(text));
  const kwMax = num(kw, 2) ?? num(KEYWORDS_MAX.exec(text));
  if (kwMin !== undefined && (kwMax === undefined || kwMin <= kwMax)) rules.keywords_min = kwMin;
  if (kwMax !== undefined) rules.keywords_max = kwMax;

  const formats = new Set<string>();
  for (const s of sentences) {
    if (!FORMAT_SENTENCE.test(s) || NOT_MANUSCRIPT.test(s)) continue;
    for (const [name, re] of FORMATS) if (re.test(s)) formats.add(name);
  }
  if (formats.size > 0) rules.file_formats = [...formats];

  const notes: string[] = [];
  for (const s of sentences) if (REQUIREMENT.test(s) && !/[:：]\s*$/.test(s)) notes.push(s);
  for (const item of items) {
    const t = item.trim();
    const counted = [ABSTRACT_MAX, ABSTRACT_RANGE, ABSTRACT_MIN, ABSTRACT_WORDS_BEFORE, KEYWORDS_RANGE, KEYWORDS_MAX, KEYWORDS_MIN]
      .some((re) => re.test(t));
    if (!counted && t.length > 0) notes.push(t);
  }
  if (notes.length > 0) rules.notes = [...new Set(notes)];
  return rules;
}
