/**
 * Acronyms a CFP defines ("Large AI Models (LAMs)"), so a synthesised title
 * can spell them out.
 */

const STOP = new Set(['of', 'for', 'and', 'the', 'in', 'on', 'to', 'a', 'an', '-']);

/**
 * Map each defined acronym to its long form.
 *
 * @example
 * acronymsIn('Large AI Models (LAMs) meet the Internet of Everything (IoE).')
 * // Map { 'LAMs' => 'Large AI Models', 'IoE' => 'Internet of Everything' }
 */
export function acronymsIn(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of text.matchAll(/\(([A-Z][A-Za-z0-9]{1,9})\)/g)) {
    const acro = m[1] ?? '';
    const caps = acro.replace(/[^A-Z0-9]/g, '');
    if (caps.length < 2 || out.has(acro)) continue;
    const before = text.slice(Math.max(0, m.index - 120), m.index).trim().split(/\s+/);
    const words: string[] = [];
    let initials = '';
    while (before.length > 0 && initials.length < caps.length) {
      const w = before.pop() ?? '';
      if (/^[\p{Lu}\d]/u.test(w)) initials = (w[0] ?? '') + initials;
      else if (!STOP.has(w.toLowerCase())) break;
      words.unshift(w);
    }
    if (initials.toUpperCase() === caps && words.length > 0 && !STOP.has((words[0] ?? '').toLowerCase())) {
      out.set(acro, words.join(' ').replace(/[,;]$/, ''));
    }
  }
  return out;
}

/** Replace defined acronyms in a phrase by their long forms. */
export function expandAcronyms(phrase: string, acronyms: ReadonlyMap<string, string>): string {
  return phrase.replace(/\b[A-Z][A-Za-z0-9]{1,9}\b/g, (w) => acronyms.get(w) ?? w);
}
