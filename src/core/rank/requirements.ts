import type { Call, Draft, RequirementCheck } from '../schema.js';
import { countWords } from '../text/normalize.js';

/** "1 keyword", "2 keywords": a failed check says what to change, so the count must read right. */
const n = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? '' : 's'}`;

/**
 * Check a draft against the submission rules a call states. Rules the call
 * does not state produce no check.
 *
 * @example
 * checkRequirements(call, { title: 't', abstract: 'one two three', keywords: [] })
 * // [{ rule: 'abstract_max_words', ok: true, expected: '<= 150 words', actual: 3, message: 'abstract has 3 words (limit 150)' }, ...]
 * // a failed check says what to change: 'add 2 keywords (the call asks for at least 3; you have 1)'
 */
export function checkRequirements(call: Call, draft: Draft): RequirementCheck[] {
  const r = call.rules;
  const out: RequirementCheck[] = [];
  const words = countWords(draft.abstract);
  const kw = draft.keywords.filter((k) => k.trim()).length;
  if (r.abstract_max_words !== undefined) {
    const ok = words <= r.abstract_max_words;
    out.push({
      rule: 'abstract_max_words', ok, expected: `<= ${r.abstract_max_words} words`, actual: words,
      message: ok
        ? `abstract has ${n(words, 'word')} (limit ${r.abstract_max_words})`
        : `cut ${n(words - r.abstract_max_words, 'word')} from the abstract (limit ${r.abstract_max_words}; it has ${words})`,
    });
  }
  if (r.abstract_min_words !== undefined) {
    const ok = words >= r.abstract_min_words;
    out.push({
      rule: 'abstract_min_words', ok, expected: `>= ${r.abstract_min_words} words`, actual: words,
      message: ok
        ? `abstract has ${n(words, 'word')} (minimum ${r.abstract_min_words})`
        : `add ${n(r.abstract_min_words - words, 'word')} to the abstract (minimum ${r.abstract_min_words}; it has ${words})`,
    });
  }
  if (r.keywords_min !== undefined) {
    const ok = kw >= r.keywords_min;
    out.push({
      rule: 'keywords_min', ok, expected: `>= ${r.keywords_min} keywords`, actual: kw,
      message: ok
        ? `${n(kw, 'keyword')} (minimum ${r.keywords_min})`
        : `add ${n(r.keywords_min - kw, 'keyword')} (the call asks for at least ${r.keywords_min}; you have ${kw})`,
    });
  }
  if (r.keywords_max !== undefined) {
    const ok = kw <= r.keywords_max;
    out.push({
      rule: 'keywords_max', ok, expected: `<= ${r.keywords_max} keywords`, actual: kw,
      message: ok
        ? `${n(kw, 'keyword')} (maximum ${r.keywords_max})`
        : `remove ${n(kw - r.keywords_max, 'keyword')} (the call allows at most ${r.keywords_max}; you have ${kw})`,
    });
  }
  return out;
}
