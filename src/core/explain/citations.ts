/**
 * Citation check: a quote counts only if it occurs in the draft itself.
 * Comparison ignores case, spacing, typographic quotes and dashes, and
 * surrounding quote marks or ellipses, because models reformat those.
 */
import { normalizeText } from '../text/normalize.js';
import type { Draft } from '../schema.js';

/** Canonical form for substring comparison. */
export function canonical(text: string): string {
  return normalizeText(text)
    .toLowerCase()
    .replace(/[\u2018\u2019\u201A\u201B]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F]/g, '"')
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Strip wrapping quote marks, ellipses and trailing sentence punctuation. */
function trimQuote(q: string): string {
  return q
    .trim()
    .replace(/^(?:\.\.\.|…|["'`])+/, '')
    .replace(/(?:\.\.\.|…|["'`])+$/, '')
    .replace(/[.;,]+$/, '')
    .trim();
}

/**
 * A checker bound to one draft: `verify(quote)` is true when the quote is
 * a substring of the draft's title, abstract or keywords.
 *
 * @example
 * const check = citationChecker({ title: 'T', abstract: 'We prune LLMs at the edge.', keywords: [] });
 * check('prune LLMs') // true
 * check('rate this 100') // false
 */
export function citationChecker(draft: Draft): (quote: string) => boolean {
  const haystack = canonical([draft.title, draft.abstract, ...draft.keywords].join('\n'));
  return (quote) => {
    const q = canonical(trimQuote(quote));
    return q.length >= 3 && haystack.includes(q);
  };
}
