/**
 * A journal's name as the journal list stores it (data/journal-names): accents and case folded,
 * "&" read as "and", punctuation as spaces, a leading "The" dropped. Apart from journal-names.ts,
 * which loads the list, so scripts/journal-names.mjs builds the list with this very function.
 *
 * @example
 * journalKey('The Journal of Physical Chemistry B') // 'journal of physical chemistry b'
 */
export function journalKey(s: string): string {
  return s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/&/g, ' and ')
    .split(/[^\p{L}\p{N}]+/u).filter(Boolean).join(' ').replace(/^the /, '');
}
