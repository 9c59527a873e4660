/**
 * Dates as CFPs write them, to ISO (`YYYY-MM-DD`, or `YYYY-MM` for a month).
 */

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
/** An English month's name, whole or cut ("Sept", "December"), never a word that only starts like one ("Marketing"): a regular-expression
 * source (no group; read with the `i` flag) for the date readers and the title's furniture checks. */
export const MONTH_NAME = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const MONTH = `(${MONTH_NAME})`;
const ORD = '(?:st|nd|rd|th)?';
/** A year after a day and month: four digits, or two after an apostrophe ("Feb. 15, '23", this century's). */
const YEAR = "(\\d{4}\\b|['’]\\d{2}(?!\\d))";
const yearOf = (y: string): number => (y.length === 4 ? +y : 2000 + +y.slice(1));

/** Month names in French, Spanish, Portuguese, Italian, German and Russian, with and without their accents. */
const FOREIGN_MONTHS: Record<string, number> = {
  janvier: 1, février: 2, fevrier: 2, mars: 3, avril: 4, mai: 5, juin: 6, juillet: 7, août: 8, aout: 8, septembre: 9, octobre: 10, novembre: 11, décembre: 12, decembre: 12,
  enero: 1, febrero: 2, marzo: 3, abril: 4, mayo: 5, junio: 6, julio: 7, agosto: 8, septiembre: 9, setiembre: 9, octubre: 10, noviembre: 11, diciembre: 12,
  janeiro: 1, fevereiro: 2, março: 3, marco: 3, maio: 5, junho: 6, julho: 7, setembro: 9, outubro: 10, novembro: 11, dezembro: 12,
  gennaio: 1, febbraio: 2, aprile: 4, maggio: 5, giugno: 6, luglio: 7, settembre: 9, ottobre: 10, dicembre: 12,
  januar: 1, jänner: 1, februar: 2, märz: 3, maerz: 3, juni: 6, juli: 7, oktober: 10, dezember: 12,
  // Russian, in the genitive a day takes ("30 апреля 2023").
  января: 1, февраля: 2, марта: 3, апреля: 4, мая: 5, июня: 6, июля: 7, августа: 8, сентября: 9, октября: 10, ноября: 11, декабря: 12,
};
/** Longest names first, so "septembre" is not read as "sept". */
const FOREIGN = `(${Object.keys(FOREIGN_MONTHS).sort((a, b) => b.length - a.length).join('|')})`;
/** The months as French, Spanish, Portuguese, Italian and German cut them ("31 déc. 2014", "15 févr. 2020", "3 dic 2021"): read only
 * between a day and a year, where no other word of theirs ("mag", "gen") stands. */
const FOREIGN_ABBREVIATIONS: Record<string, number> = {
  janv: 1, févr: 2, fevr: 2, avr: 4, juil: 7, déc: 12, ene: 1, abr: 4, ago: 8, dic: 12, fev: 2, dez: 12, okt: 10, mär: 3, ott: 10, lug: 7, giu: 6, mag: 5, gen: 1,
};
const monthOf = (name: string): number => FOREIGN_MONTHS[name.toLowerCase()] ?? FOREIGN_ABBREVIATIONS[name.toLowerCase()] ?? 0;
const FOREIGN_OR_CUT = `(${[...Object.keys(FOREIGN_MONTHS), ...Object.keys(FOREIGN_ABBREVIATIONS)].sort((a, b) => b.length - a.length).join('|')})`;
/** A day before a month in French, Spanish, Portuguese, Italian or German ("1er", "30 de", "28.", "1º de"). */
const FOREIGN_DAY_LEAD = '(?<![\\p{L}\\d])(\\d{1,2})(?:er|º|°|\\.)?\\s+(?:de\\s+)?';
/** "30 septembre 2021", "1er octobre 2023", "30 de abril de 2025", "28. Mai 2023", "1º de março de 2024", "31 déc. 2014". */
const FOREIGN_DAY = new RegExp(`${FOREIGN_DAY_LEAD}${FOREIGN_OR_CUT}(?:(?<=\\p{L})(?![\\p{L}]))\\.?\\s+(?:de\\s+)?(\\d{4})(?!\\d)`, 'giu');
const FOREIGN_MONTH_YEAR = new RegExp(`(?<![\\p{L}])${FOREIGN}\\s+(?:de\\s+)?(\\d{4})(?!\\d)`, 'giu');

/** A date found in text, where it starts and ends. */
export interface FoundDate {
  iso: string;
  start: number;
  end: number;
}

const pad = (n: number): string => String(n).padStart(2, '0');

function monthNo(name: string): number | undefined {
  return MONTHS[name.toLowerCase().slice(0, name.toLowerCase().startsWith('sept') ? 4 : 3)];
}

/** Days in month `m` (1-12) of year `y`. */
const daysIn = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();

function isoDay(y: number, m: number, d: number): string | undefined {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return undefined;
  return d <= daysIn(y, m) ? `${y}-${pad(m)}-${pad(d)}` : undefined;
}

type Reader = { re: RegExp; read: (m: RegExpExecArray) => string | undefined };

/** Full dates first; month-only last, so "1 May 2025" never reads as "May 2025". */
const READERS: Reader[] = [
  { re: /\b(\d{4})-(\d{1,2})-(\d{1,2})\b/gi, read: (m) => isoDay(+m[1]!, +m[2]!, +m[3]!) },
  {
    // Day first (15/04/2025, 31-05-2017), as most of the world writes it; month first only when the day cannot be a month. One separator throughout.
    re: /\b(\d{1,2})([/.-])(\d{1,2})\2(\d{4})\b/gi,
    read: (m) => (+m[3]! > 12 ? isoDay(+m[4]!, +m[1]!, +m[3]!) : isoDay(+m[4]!, +m[3]!, +m[1]!)),
  },
  {
    // "31-Oct-2014", "12/Jan/2026": day, month name and year joined by one separator.
    re: new RegExp(`\\b(\\d{1,2})([-/])${MONTH}\\.?\\2(\\d{4})\\b`, 'gi'),
    read: (m) => isoDay(+m[4]!, monthNo(m[3]!) ?? 0, +m[1]!),
  },
  {
    re: new RegExp(`\\b(\\d{1,2})${ORD}\\s*(?:of\\s+)?${MONTH}\\.?,?\\s+${YEAR}`, 'gi'),
    read: (m) => isoDay(yearOf(m[3]!), monthNo(m[2]!) ?? 0, +m[1]!),
  },
  {
    re: new RegExp(`\\b${MONTH}\\.?\\s+(\\d{1,2})${ORD},?\\s+${YEAR}`, 'gi'),
    read: (m) => isoDay(yearOf(m[3]!), monthNo(m[1]!) ?? 0, +m[2]!),
  },
  {
    // "by the end of December, 2024": the month's last day.
    re: new RegExp(`\\bend of ${MONTH}\\.?,?\\s+(\\d{4})\\b`, 'gi'),
    read: (m) => {
      const mo = monthNo(m[1]!) ?? 0;
      return mo ? isoDay(+m[2]!, mo, daysIn(+m[2]!, mo)) : undefined;
    },
  },
  {
    // "by the end of 2021": the year's last day ("end of the year" with no year stays no date).
    re: /\b(?:the\s+)?end\s+of\s+((?:19|20)\d{2})\b/gi,
    read: (m) => isoDay(+m[1]!, 12, 31),
  },
  { re: FOREIGN_DAY, read: (m) => isoDay(+m[3]!, monthOf(m[2]!), +m[1]!) },
  {
    re: FOREIGN_MONTH_YEAR,
    read: (m) => {
      const mo = FOREIGN_MONTHS[m[1]!.toLowerCase()];
      return mo ? `${m[2]}-${pad(mo)}` : undefined;
    },
  },
  {
    re: new RegExp(`\\b${MONTH}\\.?,?\\s+(\\d{4})\\b`, 'gi'),
    read: (m) => {
      const mo = monthNo(m[1]!);
      const y = +m[2]!;
      return mo && y >= 1900 && y <= 2200 ? `${y}-${pad(mo)}` : undefined;
    },
  },
];

/**
 * Every date in a string, in reading order.
 *
 * @example
 * findDates('from 1 September 2025 to March 2026').map((d) => d.iso) // ['2025-09-01', '2026-03']
 */
export function findDates(text: string): FoundDate[] {
  const found: FoundDate[] = [];
  const blocked: FoundDate[] = [];
  const taken = (s: number, e: number) => [...found, ...blocked].some((f) => s < f.end && e > f.start);
  for (const { re, read } of READERS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      const iso = read(m);
      if (taken(start, end)) continue;
      // An impossible full date ("31 February 2025") still blocks the month-only reading inside it.
      if (iso) found.push({ iso, start, end });
      else blocked.push({ iso: '', start, end });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * The first date in a string, as ISO, or undefined.
 *
 * @example
 * parseDate('April 15, 2025') // '2025-04-15'
 * parseDate('15/04/2025') // '2025-04-15'
 * parseDate('March 2026') // '2026-03'
 */
export function parseDate(text: string): string | undefined {
  return findDates(text)[0]?.iso;
}

/**
 * Compare two ISO dates; a month-only date equals any day in that month.
 *
 * @example
 * compareIso('2026-03', '2026-03-15') // 0
 */
export function compareIso(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  const x = a.slice(0, n);
  const y = b.slice(0, n);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** A day and a French, Spanish, Portuguese, Italian or German month with no year after it ("1 de noviembre", "15 avril"). */
const FOREIGN_DAY_MONTH = new RegExp(`${FOREIGN_DAY_LEAD}${FOREIGN}(?![\\p{L}])(?!\\s+(?:de\\s+)?\\d{4})`, 'iu');

/**
 * A day and month with no year ("15 April", "April 15th", "1 de noviembre"), as `MM-DD`.
 *
 * @example
 * findMonthDay('Deadline: April 15th') // '04-15'
 */
export function findMonthDay(text: string): string | undefined {
  const dm = new RegExp(`\\b(\\d{1,2})${ORD}\\s*(?:of\\s+)?${MONTH}\\b`, 'i').exec(text);
  const md = new RegExp(`\\b${MONTH}\\.?\\s+(\\d{1,2})${ORD}\\b(?!\\d)`, 'i').exec(text);
  const fm = dm || md ? null : FOREIGN_DAY_MONTH.exec(text);
  if (fm) {
    const month = monthOf(fm[2]!);
    return month && isoDay(2000, month, +fm[1]!) ? `${pad(month)}-${pad(+fm[1]!)}` : undefined;
  }
  const month = dm ? monthNo(dm[2]!) : md ? monthNo(md[1]!) : undefined;
  const day = dm ? +dm[1]! : md ? +md[2]! : 0;
  if (!month || !isoDay(2000, month, day)) return undefined;
  return `${pad(month)}-${pad(day)}`;
}
