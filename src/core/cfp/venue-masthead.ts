/**
 * The journal named only on a heading or masthead line, as pages announce
 * it: "Animals Special Issue Now Accepting Manuscript Submissions", "Special
 * Issue in the journal “Frontiers in Political Science”, October 2023",
 * "Performance Matters 3.1 (May 2017)". Read last, after every reader that
 * finds the journal in a sentence.
 */
import { cleanVenue } from './venue-name.js';

const NAME = "[\\p{Lu}][\\p{L}’'&-]*(?: (?:of|and|in|for|on|the|&|[\\p{Lu}][\\p{L}’'&-]*)){0,7}";
/** Each pattern, and whether quotes delimit its name (then the name's own colon is kept: "Tropos: Communication, ..."). */
const MASTHEADS: ReadonlyArray<[RegExp, boolean]> = [
  // "X Special Issue Now Accepting ...", "X Special Issue Call for Papers": the journal before its issue words on a line of its own.
  [new RegExp(`^(${NAME}) [Ss]pecial [Ii]ssues? (?:(?:is )?[Nn]ow [Aa]ccepting|[Cc]all for [Pp]apers|[Oo]pen for)\\b`, 'mu'), false],
  // "... in the journal “X”": a quoted name after the word journal.
  [/\b[Jj]ournal\s+[“"«]([^”"»\n]{3,100})[”"»]/u, true],
  // "X 3.1 (May 2017)", "X Vol. 12 (2024)": a masthead line, the name before its volume and date.
  [new RegExp(`^(${NAME}),? (?:[Vv]ol(?:ume|\\.)? ?)?\\d{1,3}(?:[.(/]\\d{1,2}\\)?)? \\((?:[\\p{Lu}][\\p{L}]+ )?(?:19|20)\\d{2}\\)$`, 'mu'), false],
];

/**
 * The journal a heading or masthead line names, if any.
 *
 * @example
 * journalOfMasthead('Soils Special Issue Now Accepting Manuscript Submissions') // 'Soils'
 * journalOfMasthead('Soil Matters 3.1 (May 2017)') // 'Soil Matters'
 */
export function journalOfMasthead(text: string): string | undefined {
  for (const [re, quoted] of MASTHEADS) {
    const raw = re.exec(text)?.[1]?.trim() ?? '';
    const name = quoted ? raw.replace(/[,.]+$/, '') : cleanVenue(raw);
    if (name.length >= 3 && name.length <= 120) return name;
  }
  return undefined;
}
