/**
 * CSV that Excel opens as it is: UTF-8 with a byte-order mark (else Excel guesses the legacy code
 * page and breaks accents), CRLF line ends, RFC 4180 quoting, and cells that would start a
 * formula (`=`, `+`, `-`, `@`, tab, CR) prefixed with `'`: titles and abstracts come from
 * strangers, and a cell like `=HYPERLINK(...)` must not run in an editor's spreadsheet.
 * Runtime-neutral and small, because the page's bundle uses it too.
 */

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * @example
 * csvCell('a, "b"') // '"a, ""b"""'
 * csvCell('=1+1') // "'=1+1"
 */
export function csvCell(v: unknown): string {
  if (v === undefined || v === null) return '';
  let s = String(v);
  if (typeof v !== 'number' && FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * A whole CSV file: header, rows, BOM and CRLF.
 *
 * @example
 * toCsv(['id', 'fit'], [['a', 57]]) // '\uFEFFid,fit\r\na,57\r\n'
 */
export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly unknown[]>): string {
  return `\uFEFF${[header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
