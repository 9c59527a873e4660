/**
 * A journal's name as the text writes it in full, around a name a candidate
 * reader cut short: the capitalised words before it ("American University"
 * + "Law Review", "Revista" + "Latinoamericana de ..."), a lead word with a
 * colon ("disClosure: A Journal of ..."), and after it the words joined on
 * ("ACM Transactions" + "on Human-Computer Interaction", "Interacting" +
 * "with Computers") and a subtitle after a colon or a dash ("Biological
 * Psychiatry" + ": Global Open Science"). Each reading is one more candidate;
 * the learned chooser weighs it against the short one, so a wrong widening
 * costs a candidate, not the answer.
 */

import { escapeRegExp } from '../text/normalize.js';

/** A capitalised word, or one that starts lower case with a capital inside ("iScience", "disClosure"). */
const CAP = /^(?:\p{Lu}[\p{L}\p{N}&’'.-]*|\p{Ll}{1,12}\p{Lu}[\p{L}-]*)$/u;
/** Words that join a journal's name, in the languages calls are written in. */
const JOIN = /^(?:of|on|for|with|and|in|the|&|de|des|du|da|do|di|del|della|y|e|et|und|für|der|la|le|las|los|dos|das)$/;
/** Capitalised words that are the sentence's or the call's, never a journal's ("Special Issue", "Call", "Guest Editors", "Volume"). */
const STOP = /^(?:Special|Issues?|Themenheft|Sonderheft|Schwerpunktheft|Heft|Ausgabe|Dossier|Dossiê|Numéro|Número|Numero|Themed?|Thematic|Sections?|Collections?|Calls?|CFP|CfP|Cfp|Guest|Editors?|Editorial|Volume|Vol|No|Deadline|Submissions?|Papers?|Topics?|Dear|Colleagues|This|That|These|Our|Its|We|In|On|For|At|By|To|From|With|As|If|Please|Submit|Since|After|Before|During|Following|Welcome|Announcing|Invitation|Aims|Official|English|Springer|Elsevier|Wiley|MDPI|Taylor|Francis|Routledge|SAGE|Emerald|Hindawi|Frontiers|Brill|Published|Publication|Journals|Home|PDF|View|Scope|Important|Dates|January|February|March|April|May|June|July|August|September|October|November|December)$/;
const ARTICLE = /^(?:The|A|An|La|Le|Les|El|Die|Der|Das)$/;

const MAX_LEFT = 6;
const MAX_RIGHT = 10;
/** One or two capitalised words, the items of a name that is itself a list. */
const CAP_WORDS = "\\p{Lu}[\\p{L}'’-]*(?:\\s+\\p{Lu}[\\p{L}'’-]*)?";
/** ", Coastal and Shelf Science" after "Estuarine": capitalised words parted by commas up to "and". */
const COMMA_LIST = new RegExp(`^(?:,\\s+${CAP_WORDS}){0,3},?\\s+(?:and|&)\\s+${CAP_WORDS}(?=$|[\\s.,;:)”"’])`, 'u');

/**
 * Whether `rest`, all that follows a name's first word or words, only carries on the name as a list
 * does (", Coastal and Shelf Science"; ", Policy and Law").
 *
 * @example
 * continuesAsList(', Policy and Law') // true
 * continuesAsList(', The Joy of Information') // false
 */
export function continuesAsList(rest: string): boolean {
  const m = COMMA_LIST.exec(rest);
  return m !== null && m[0].length === rest.trimEnd().length;
}

const bare = (w: string) => w.replace(/^[“"‘(]+|[”"’),.;]+$/g, '');

/** Words before the name: capitalised words (joined by small words), an article, or a lead word with a colon before an article. */
function leftWords(before: string): string[] {
  const words = before.split(/[ \t]+/).filter(Boolean);
  const taken: string[] = [];
  for (let i = words.length - 1; i >= 0 && taken.length < MAX_LEFT; i--) {
    const w = words[i] ?? '';
    if (/[,.;!?)”"’]$/.test(w) && !/:$/.test(w)) break;
    const prev = words[i - 1] ?? '';
    if (ARTICLE.test(w)) {
      // "Labyrinth: An International Journal ...": a lead word with a colon before an article is the name's.
      const lead = prev.slice(0, -1);
      if (prev.endsWith(':') && CAP.test(lead) && !STOP.test(lead)) taken.unshift(prev, w);
      // An article belongs to the name only where the sentence would not capitalise it ("in The Lion and the Unicorn", not "The Journal of X is ...").
      else if (i > 0 && !/[.!?:]$/.test(prev)) taken.unshift(w);
      break;
    }
    if (CAP.test(w) && !STOP.test(w)) { taken.unshift(w); continue; }
    // A joining word only between two capitalised words ("International Journal of" + "Continuing ...").
    if (JOIN.test(w) && !ARTICLE.test(w) && CAP.test(prev) && !STOP.test(prev)) { taken.unshift(w); continue; }
    break;
  }
  return taken;
}

/** Words after the name: joined capitalised words, then a subtitle after a colon or a dash. */
function rightWords(after: string): string[] {
  let rest = after;
  let kept = '';
  const readings: string[] = [];
  let pending = '';
  let n = 0;
  while (n < MAX_RIGHT) {
    const m = /^(\s*[:–—]\s+|\s+[–—]\s+|\s+)([^\s]+)/u.exec(rest);
    if (!m) break;
    const sep = m[1] ?? '';
    const raw = m[2] ?? '';
    const w = bare(raw);
    const subtitle = /[:–—-]/.test(sep);
    if (subtitle && pending) break;
    // Each place a joining word or a subtitle would go on is a reading's end ("Interacting with Computers" | "on HCI").
    if ((subtitle || (JOIN.test(w) && !pending)) && kept) readings.push(kept);
    if (JOIN.test(w) && !subtitle && w === raw) { pending += sep + raw; rest = rest.slice(m[0].length); n++; continue; }
    if (!CAP.test(w) || STOP.test(w)) break;
    // An acronym after the name is a reading's end too ("Information & Security: An International Journal" | "I&S").
    if (kept && /^\p{Lu}[\p{Lu}&\d-]+$/u.test(w)) readings.push(kept);
    kept += pending + sep + w;
    pending = '';
    n++;
    // Punctuation after a word ends the name there, but for a subtitle that is itself a list
    // ("The Projector: A Journal of Film, Media, and Culture", "Psychomusicology: Music, Mind and Brain").
    if (w !== raw) {
      const list = raw.endsWith(',') && /[:–—]/.test(kept) ? COMMA_LIST.exec(rest.slice(m[0].length - 1))?.[0] : undefined;
      if (list) kept += list;
      break;
    }
    rest = rest.slice(m[0].length);
  }
  if (kept) readings.push(kept);
  return [...new Set(readings)];
}

/**
 * The longer spellings the text gives a name, longest reading of each mention first.
 *
 * @example
 * widenings('Law Review', 'published in the American University Law Review in 2024.') // ['American University Law Review']
 * widenings('ACM Transactions', 'a special issue of ACM Transactions on Human-Computer Interaction.') // ['ACM Transactions on Human-Computer Interaction']
 */
export function widenings(name: string, plain: string): string[] {
  if (name.length < 2) return [];
  const out = new Set<string>();
  const re = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(name)}(?![\\p{L}\\p{N}])`, 'gu');
  for (const m of [...plain.matchAll(re)].slice(0, 10)) {
    const at = m.index ?? 0;
    const lineStart = plain.lastIndexOf('\n', at - 1) + 1;
    const lineEnd = plain.indexOf('\n', at + name.length);
    const before = plain.slice(lineStart, at);
    const after = plain.slice(at + name.length, lineEnd < 0 ? undefined : lineEnd);
    const left = /[ \t]$/.test(before) || before === '' ? leftWords(before) : [];
    const lead = left.length ? `${left.join(' ')} ` : '';
    // Each side alone is a reading too ("The Projector" when the subtitle is the text's, not the name's).
    if (lead) out.add(`${lead}${name}`);
    // A name that is itself a list ("Estuarine, Coastal and Shelf Science", "Statistics, Politics and Policy"): capitalised words parted by commas up to "and".
    const listed = COMMA_LIST.exec(after)?.[0];
    if (listed) out.add(`${lead}${name}${listed}`);
    for (const right of rightWords(after)) {
      out.add(`${lead}${name}${right}`);
      if (lead) out.add(`${name}${right}`);
    }
  }
  return [...out];
}
