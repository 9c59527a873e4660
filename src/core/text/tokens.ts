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

const WORD = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;
const NO_SPACE_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;

/**
 * @example
 * tokenize('Large Language Models for Networks') // ['larg', 'languag', 'model', 'network']
 */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const m of text.toLowerCase().matchAll(WORD)) {
    const word = m[0];
    for (const part of word.split(/[-'’]/)) pushToken(part, out);
    if (word.includes('-')) pushToken(word.replace(/[-'’]/g, ''), out);
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
  out.push(/^[a-z]+$/.test(part) ? stemmer(part) : part);
}
