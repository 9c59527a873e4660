/**
 * The two sides of a title candidate across a colon or a dash, when one side
 * is a label, a status, announcement words or the journal ("title: X",
 * "CLOSED—X", "Annual Symposium: X", "X – Geographical Research", "X – Call
 * for Papers"): the candidate then carries furniture, and the shorter
 * candidate that leaves it out is the issue's name. The learned title chooser
 * weighs both (title-features.ts); neither decides alone.
 */
import { announcementOnly } from './title-announce.js';
import { isGenericTitle } from './title-parts.js';
import { isFurnitureTitle } from './title-sanity.js';
import { JOURNAL_WORD_ABROAD } from './venue-name.js';

/** Labels, statuses and issue words a page or an e-mail sets beside a title. */
const SIDE_WORDS =
  /^(?:(?:the\s+)?(?:title|titre|t[íi]tulo|titel|titolo)(?:\s+of\s+the\s+(?:special\s+)?issue)?|closed|open|open call|(?:publication|publishing) opportunit(?:y|ies)|new|updated|extended|reminder|annual symposium|symposium|theme|th[èe]me|tema|thema|topic|dossier|dossi[êe]|focus|si|v?si|cfp|call for (?:papers|manuscripts|submissions|contributions|articles)|special (?:issue|section|edition|collection|feature)|thematic issue|themed issue|topical collection|research topic)$/i;
/** An issue's number as a side ("Ausgabe 01/25: X", "Numéro (8) | X", "Issue 14.1 – X", "2022 – 4"). */
const ISSUE_NUMBER = /^(?:(?:ausgabe|heft|issue|num[ée]ro|n[úu]mero|numero|vol(?:ume)?\.?|no\.?|nr\.?|n[°º])\s*)?\(?\d{1,4}(?:[./-]\d{1,4})?\)?$/iu;
/** A piece of a title line that gives its publication or deadline date ("Publication en 2026", "DL : 01/03/2025"). */
const DATE_PIECE = /^(?:publication|parution|pubblicazione|publica[çc][ãa]o|publicaci[óo]n|erscheint|published|deadline|dl|date limite|due)\b.{0,30}\d{2,4}$/iu;
/** A journal's own name as a piece of a title line ("Revue Bellica", "Rivista X"). */
const JOURNAL_PIECE = new RegExp(String.raw`^(?:${JOURNAL_WORD_ABROAD}|[Jj]ournal)\s+\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)?$`, 'u');
/** The pieces of a line parted by dashes or bars ("NR. 1 - 2020 - X", "X – Revue Y – Publication en 2026"), the separators kept at odd places. */
const PIECES = /(\s+[–—|-]\s+)/;
/** A journal's acronym before the kind of issue ("EPJ ST Collection: X"). */
const ACRONYM_COLLECTION = /^(?:[\p{Lu}\d&]{2,}\s+){1,3}(?:[Cc]ollection|[Ss]pecial [Ii]ssue|[Tt]opical [Ii]ssue|[Ff]ocus [Ii]ssue)$/u;
/** "X: Y" at the first colon, each side four characters or more. */
const COLON = /^([^:]{4,}?)\s*:\s+(.{4,})$/;
/** "X – Y" (a dash with spaces around it), or "CLOSED—Y" (a dash after a word in capitals). */
const DASH = /^(.{4,}?)(?:\s+[–—|-]\s+|(?<=\p{Lu}{3,})[–—](?=[\p{Lu}\d]))(.{4,})$/u;
/** An announcement before the name ("Call for papers on X") or a lead-in left on from prose ("the topic of X"). */
const LEAD_INS = [
  /^call for (?:papers|submissions|contributions|abstracts|articles)\s+(?:on|about|for|in)\s+(.{4,})$/i,
  /^(?:the\s+)?(?:topic|theme|subject|focus)\s+(?:of|is|will be)\s+(.{4,})$/i,
  // "dedicated to the International Year of Caves and Karst": the issue's occasion after its verb.
  /^(?:(?:is|will be)\s+)?(?:dedicated|devoted)\s+to\s+(?:the\s+)?(\p{Lu}.{3,})$/iu,
];

/**
 * The two sides of a title across its first colon, then across a dash: the
 * shorter readings the title candidates offer (title-candidates.ts) and the
 * sides this module judges.
 *
 * @example
 * sidesOf('CLOSED—50 Years of Software Engineering') // [['CLOSED', '50 Years of Software Engineering']]
 */
export function sidesOf(text: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const re of [COLON, DASH]) {
    const m = re.exec(text);
    if (m?.[1] && m[2]) out.push([m[1], m[2]]);
  }
  return out;
}

/**
 * The name after an announcement or a prose lead-in, if the text opens with one.
 *
 * @example
 * afterLeadIn('the topic of Critical GeoHumanities') // 'Critical GeoHumanities'
 */
export function afterLeadIn(text: string): string | undefined {
  for (const re of LEAD_INS) {
    const m = re.exec(text)?.[1];
    if (m) return m;
  }
  return undefined;
}

const plain = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/**
 * Whether one side of a title reads as furniture beside it.
 *
 * @example
 * isSideFurniture('CLOSED', []) // true
 * isSideFurniture('Geographical Research', ['Geographical Research']) // true
 * isSideFurniture('Mutation Testing', []) // false
 */
export function isSideFurniture(side: string, venues: readonly string[]): boolean {
  const t = side.trim().replace(/[\s:!.,;|–—-]+$/, '').replace(/^[\s“"‘«]+|[\s”"’»]+$/g, '');
  if (!t) return true;
  // An issue's number, a publication or deadline date given beside the title, the journal's own "Revue X".
  if (ISSUE_NUMBER.test(t) || DATE_PIECE.test(t) || JOURNAL_PIECE.test(t)) return true;
  // A date after a label ("Initial Decision Notification: 15 March 2025") makes the line a schedule's, not a title beside furniture.
  if (/\d/.test(t) && isFurnitureTitle(t) && !SIDE_WORDS.test(t)) return false;
  // "Revue Bellica – Publication en 2026 – DL : 01/03/2025": a side of several pieces, each furniture.
  const pieces = t.split(PIECES).filter((_, i) => i % 2 === 0);
  if (pieces.length >= 2 && pieces.every((p) => isSideFurniture(p, venues))) return true;
  return SIDE_WORDS.test(t) || ACRONYM_COLLECTION.test(t) || isGenericTitle(t) || isFurnitureTitle(t) || announcementOnly(t, venues) || venues.some((v) => plain(v).length > 2 && plain(v) === plain(t));
}

/**
 * A line of three pieces or more parted by dashes or bars, without the furniture pieces before and after the name.
 *
 * @example
 * withoutFurniturePieces('NR. 1 - 2020 - Soil and Wall', []) // 'Soil and Wall'
 * withoutFurniturePieces('Soil – Humus – Clay', []) // undefined
 */
export function withoutFurniturePieces(text: string, venues: readonly string[]): string | undefined {
  // With the dashes kept (odd places), so the name keeps its own.
  const parts = text.trim().split(PIECES);
  const pieces = parts.filter((_, i) => i % 2 === 0);
  if (pieces.length < 3) return undefined;
  let from = 0;
  let to = pieces.length;
  while (from < to - 1 && isSideFurniture(pieces[from] ?? '', venues)) from++;
  while (to > from + 1 && isSideFurniture(pieces[to - 1] ?? '', venues)) to--;
  const name = parts.slice(2 * from, 2 * to - 1).join('');
  return (from > 0 || to < pieces.length) && !isSideFurniture(name, venues) ? name : undefined;
}

/** The side that is not furniture, when exactly one side is. */
function issueSide(text: string, venues: readonly string[]): string | undefined {
  // A line of several pieces: furniture pieces before and after the name fall away ("NR. 1 - 2020 - X" is X).
  const named = withoutFurniturePieces(text, venues);
  if (named !== undefined) return named;
  for (const [a, b] of sidesOf(text.trim())) {
    const left = isSideFurniture(a, venues);
    if (left !== isSideFurniture(b, venues)) return left ? b : a;
  }
  return undefined;
}

/**
 * The names that candidates leave when their furniture side or prose lead-in
 * is taken off, computed once per call (normalised text).
 *
 * @example
 * furnitureCuts(['CLOSED—50 Years of Software Engineering'], []).has('50 years of software engineering') // true
 */
export function furnitureCuts(texts: readonly string[], venues: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const o of texts) {
    const side = issueSide(o, venues) ?? afterLeadIn(o);
    if (side !== undefined && plain(side)) out.add(plain(side));
  }
  return out;
}

/**
 * Whether the candidate carries furniture on one side (`carries`), and whether
 * it is what another candidate leaves when its furniture side or prose lead-in
 * is taken off (`cut`, from {@link furnitureCuts} of every candidate).
 *
 * @example
 * titleSides('50 Years of Software Engineering', furnitureCuts(['CLOSED—50 Years of Software Engineering'], []), []) // { carries: false, cut: true }
 * titleSides('CLOSED—50 Years of Software Engineering', new Set(), []) // { carries: true, cut: false }
 */
export function titleSides(text: string, cuts: ReadonlySet<string>, venues: readonly string[]): { carries: boolean; cut: boolean } {
  const own = plain(text);
  // The candidate's own furniture side is not what it leaves ("X" is no cut of "X").
  const side = issueSide(text, venues);
  return { carries: side !== undefined, cut: own.length > 0 && cuts.has(own) && (side === undefined || plain(side) !== own) };
}
