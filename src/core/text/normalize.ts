/**
 * Text normalisation and sentence splitting. Runtime-neutral: uses only
 * `Intl.Segmenter`, which Node and Workers both provide.
 */

import { latexMath } from './latex.js';

/** Control characters other than tab/newline, and the Unicode replacement char left by invalid UTF-8. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFD]/g;

/**
 * Drop a leading byte-order mark, which Windows editors and spreadsheet exports write at the
 * start of UTF-8 files and which JSON.parse refuses.
 *
 * @example
 * stripBom('\uFEFF{"id":"a"}') // '{"id":"a"}'
 */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Normalise text for matching: NFKC, no control characters, LaTeX math and
 * commands reduced to their words, single spaces.
 *
 * @example
 * normalizeText('Deep\u00a0learning  for $\\alpha$-decay') // 'Deep learning for alpha-decay'
 */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(CONTROL, ' ')
    // Math stays readable ($\mathcal{O}(n)$ -> O(n), not "mathcal O (n)"); marks of sub/superscripts become spaces for the tokenizer.
    .replace(/\$+([^$]*)\$+/g, (_m, inner: string) => latexMath(inner).replace(/[\^_]/g, ' '))
    .replace(/\\(?:emph|textit|textbf|cite|ref)\{([^}]*)\}/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** Abbreviations after which Intl.Segmenter would wrongly end a sentence. */
const ABBREV_END = /\b(e\.g|i\.e|et al|etc|vs|cf|Fig|Eq|No|Dr|Prof|approx)\.\s*$/i;

/**
 * Split text into sentences (at least one for non-empty text).
 *
 * @example
 * splitSentences('We study X. It works, e.g. on Y.') // ['We study X.', 'It works, e.g. on Y.']
 */
export function splitSentences(text: string): string[] {
  const clean = normalizeText(text);
  if (clean.length === 0) return [];
  const out: string[] = [];
  let carry = '';
  for (const { segment } of segmenter.segment(clean)) {
    const s = (carry + segment).trimEnd();
    if (ABBREV_END.test(s) || s.trim().length < 3) {
      carry = s + ' ';
      continue;
    }
    carry = '';
    out.push(s.trim());
  }
  if (carry.trim()) {
    if (out.length > 0) out[out.length - 1] = `${out[out.length - 1]} ${carry.trim()}`;
    else out.push(carry.trim());
  }
  return out;
}

/** Number of words, as an editor counting an abstract's length would count them. */
export function countWords(text: string): number {
  const m = normalizeText(text).match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu);
  return m ? m.length : 0;
}

/**
 * A string as a regular expression that matches it literally.
 *
 * @example
 * new RegExp(escapeRegExp('Information & Security (IS)')).test('Information & Security (IS)') // true
 */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
