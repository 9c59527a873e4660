import type { Call, Draft, RequirementCheck } from '../schema.js';
import { countWords } from '../text/normalize.js';

/**
 * Check a draft against the submission rules a call states. Rules the call
 * does not state produce no check.
 *
 * @example
 * checkRequirements(call, { title: 't', abstract: 'one two three', keywords: [] })
 * // [{ rule: 'abstract_max_words', ok: true, expected: '<= 150 words', actual: 3, ... }, ...]
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
      message: ok ? `abstract has ${words} words (limit ${r.abstract_max_words})` : `abstract has ${words} words, over the call's limit of ${r.abstract_max_words}`,
    });
  }
  if (r.abstract_min_words !== undefined) {
    const ok = words >= r.abstract_min_words;
    out.push({
      rule: 'abstract_min_words', ok, expected: `>= ${r.abstract_min_words} words`, actual: words,
      message: ok ? `abstract has ${words} words (minimum ${r.abstract_min_words})` : `abstract has ${words} words, under the call's minimum of ${r.abstract_min_words}`,
    });
  }
  if (r.keywords_min !== undefined) {
    const ok = kw >= r.keywords_min;
    out.push({
      rule: 'keywords_min', ok, expected: `>= ${r.keywords_min} keywords`, actual: kw,
      message: ok ? `${kw} keywords (minimum ${r.keywords_min})` : `${kw} keywords, the call asks for at least ${r.keywords_min}`,
    });
  }
  if (r.keywords_max !== undefined) {
    const ok = kw <= r.keywords_max;
    out.push({
      rule: 'keywords_max', ok, expected: `<= ${r.keywords_max} keywords`, actual: kw,
      message: ok ? `${kw} keywords (maximum ${r.keywords_max})` : `${kw} keywords, the call allows at most ${r.keywords_max}`,
    });
  }
  return out;
}
