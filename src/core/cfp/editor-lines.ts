/**
 * One line of an editors list: where the person's name ends and the
 * affiliation starts ("Name, Affiliation", "Name - Affiliation", "Name
 * (Affiliation)", "Name  Affiliation", "Name University of X" with an e-mail).
 */
import type { Line } from './lines.js';
import { looksLikeName, PAREN_NICKNAME, TITLE_PREFIX } from './names.js';

/** A nickname after the first name, honorifics before it ("Pau-Choo (Julia) Chung"). */
const NICKNAME_AFTER_FIRST = new RegExp(String.raw`^((?:(?:prof(?:essor)?|dr)\.?\s+)*[\p{Lu}][\p{L}'’-]+)\s+${PAREN_NICKNAME}\s+(?=\p{Lu})`, 'iu');

/** Bounded and anchored at a word start, so a long run of letters cannot make it quadratic. */
export const EMAIL = /(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}/;
export const EMAIL_G = new RegExp(EMAIL.source, 'g');
export const LEAD = /\(\s*lead\b[^)]{0,40}\)|\blead guest editor\b|\blead GE\b/i;

/** Where a name ends and its affiliation starts: a comma, a dash, a colon, a parenthesis, a double space or a bar. */
const SEPARATORS: readonly RegExp[] = [/,/, /\s+[-–—]\s+/, /:\s+/, /\s*(?=\()/, /\s{2,}/, /\s*\|\s*/];
/** Words that start an organisation, for "Name University of X" lines with no separator at all. */
const ORGANISATION = /\s(?=(?:University|Universit[àéäy]\w*|Univ\.|Institute|Institut\w*|College|School|Department|Dept\.|Centre|Center|Laborator\w+|Hospital|Academy|Politecnico|Polytechnic)\b)/;

/**
 * A name without the nickname in parentheses after its first name ("Dusit (Tao) Niyato" is Dusit Niyato).
 *
 * @example
 * withoutNickname('Pau-Choo (Julia) Chung, NCKU') // 'Pau-Choo Chung, NCKU'
 */
export function withoutNickname(text: string): string {
  return text.replace(NICKNAME_AFTER_FIRST, '$1 ');
}

/**
 * A line that starts with a person's name, split into the name and the rest
 * (affiliation, country, e-mail): "Name, Affiliation", "Name - Affiliation",
 * "Name: Affiliation", "Name (Affiliation)", "Name  Affiliation",
 * "Name University of X".
 *
 * @example
 * splitNameLine('Sanjaya Wijeratne - Kno.e.sis Center, Wright State University, USA.')
 * // { name: 'Sanjaya Wijeratne', rest: 'Kno.e.sis Center, Wright State University, USA.' }
 */
export function splitNameLine(text: string): { name: string; rest: string } | undefined {
  const t = withoutNickname(text.replace(LEAD, ' ').replace(/\s*\(\s*guest editor\s*\)/i, ' ').trim());
  const byMail = nameFromEmail(t);
  // With no separator at all, a name runs into its organisation; only trusted on a line that also gives an e-mail.
  const seps = EMAIL.test(t) ? [...SEPARATORS, ORGANISATION] : SEPARATORS;
  for (const sep of seps) {
    const m = sep.exec(t);
    if (!m || m.index === 0) continue;
    const name = t.slice(0, m.index).trim();
    const rest = t.slice(m.index + m[0].length).trim();
    if (rest.replace(/[()\s,.;]/g, '').length > 1 && looksLikeName(name)) {
      // "Roberto Interdonato CIRAD, France": an organisation's acronym after the name the e-mail spells is not part of it.
      const extra = byMail && name.replace(TITLE_PREFIX, '').startsWith(byMail.name) ? name.replace(TITLE_PREFIX, '').slice(byMail.name.length).trim() : '';
      if (byMail && extra && /^(?:[A-Z]{2,}\s*)+$/.test(extra)) return byMail;
      return { name: name.replace(TITLE_PREFIX, ''), rest };
    }
  }
  return byMail;
}

/**
 * Letters only, accents folded, lower case: how an e-mail address spells a name ("Pérez" in "a.perez@").
 *
 * @example
 * fold('Pérez-Soto') // 'perezsoto'
 */
export const fold = (s: string) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z]/g, '');

/**
 * The e-mail addresses a line gives: its mailto links (query dropped), then the first address in its text.
 *
 * @example
 * emailsOf(toLines('Ana Pérez, ana@ulisboa.pt')[0]) // ['ana@ulisboa.pt']
 */
export function emailsOf(line: Line): string[] {
  const links = line.links.filter((l) => l.url.toLowerCase().startsWith('mailto:')).map((l) => l.url.slice('mailto:'.length).split('?')[0] ?? '');
  return [...links, ...(EMAIL.exec(line.text) ?? [])];
}

/**
 * "Roberto Interdonato CIRAD, France roberto.interdonato@cirad.fr": with no
 * separator after the name, the e-mail built from it ("first.last@") says
 * where the name ends: the longest run of leading words (two to four) that
 * the address's local part spells.
 */
function nameFromEmail(t: string): { name: string; rest: string } | undefined {
  const local = EMAIL.exec(t)?.[0].split('@')[0] ?? '';
  const parts = local.toLowerCase().split(/[._-]+/).filter((p) => p.length > 1);
  if (parts.length < 2) return undefined;
  const ws = t.replace(TITLE_PREFIX, '').split(/\s+/);
  for (let n = Math.min(4, ws.length - 1); n >= 2; n--) {
    const cand = ws.slice(0, n);
    if (!cand.every((w) => parts.includes(fold(w)))) continue;
    const name = cand.join(' ');
    const rest = ws.slice(n).join(' ');
    if (looksLikeName(name) && rest.length > 1) return { name, rest };
  }
  return undefined;
}

/** A line of an editor's name and affiliation (not a sentence that happens to start with a name). */
export function isEditorLine(text: string): boolean {
  const bare = text.replace(EMAIL_G, ' ').replace(/\b(?:e-?mail|mailto)\s*:?/gi, ' ').trim();
  if (text.length > 300 || /:$/.test(bare) || (/\.$/.test(bare) && bare.split(/\s+/).length > 25)) return false;
  return splitNameLine(text) !== undefined;
}
