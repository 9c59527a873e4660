/**
 * Bytes of a saved or fetched web page to a string, in the page's own
 * charset: a byte-order mark first (it wins, as in browsers), then the
 * Content-Type header, then a
 * `<meta charset>` / `http-equiv` in the first 4 KB (for any text document,
 * also an XML declaration's encoding), else UTF-8.
 */
import { createError } from '../../errors.js';

const META_CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]{1,40})/i;

function charsetOfHeader(contentType: string | undefined): string | undefined {
  return /charset\s*=\s*"?([\w.:-]{1,40})/i.exec(contentType ?? '')?.[1];
}

function bomCharset(bytes: Uint8Array): { label: string; skip: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { label: 'utf-8', skip: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { label: 'utf-16le', skip: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { label: 'utf-16be', skip: 2 };
  return undefined;
}

/** Bytes 0x80-0x9F in windows-1252 (what browsers use for latin1, iso-8859-1 and ascii labels too). */
const CP1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
const WINDOWS_1252 = /^(?:windows-1252|cp1252|x-cp1252|latin1|l1|iso-8859-1|iso8859-1|iso_8859-1|us-ascii|ascii|ansi_x3\.4-1968)$/i;

/** Some runtimes decode these labels as strict ISO-8859-1 and lose curly quotes and dashes; decode them as browsers do. */
function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b >= 0x80 && b <= 0x9f ? CP1252[b - 0x80] : String.fromCharCode(b);
  return out;
}

function decoderFor(label: string): TextDecoder | undefined {
  try {
    return new TextDecoder(label.toLowerCase());
  } catch {
    return undefined;
  }
}

/**
 * Whether the bytes look like a binary file (an image, a PDF, a zip) rather
 * than text: NUL bytes or many control bytes in the first 8 KB. UTF-16 pages
 * have NULs too, so a BOM is checked first.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  if (bomCharset(bytes)?.label.startsWith('utf-16')) return false;
  const head = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of head) {
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return head.length > 0 && control / head.length > 0.05;
}

/** The encoding an XML document (a feed) declares: `<?xml version="1.0" encoding="ISO-8859-1"?>`. */
const XML_ENCODING = /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]{1,40})/i;

/** Decode by the first clue that names a charset: a BOM, the header, a `<meta charset>`, (XML) the declaration, else UTF-8. */
function decodeBy(bytes: Uint8Array, contentType: string | undefined, xml: boolean): string {
  const bom = bomCharset(bytes);
  const body = bom ? bytes.subarray(bom.skip) : bytes;
  const ascii = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const labels = [bom?.label, charsetOfHeader(contentType), META_CHARSET.exec(ascii)?.[1], xml ? XML_ENCODING.exec(ascii)?.[1] : undefined, 'utf-8'];
  for (const label of labels) {
    if (!label) continue;
    if (WINDOWS_1252.test(label)) return decodeWindows1252(body);
    const decoder = decoderFor(label);
    if (decoder) return decoder.decode(body);
  }
  return new TextDecoder('utf-8').decode(body);
}

/**
 * Decode a web page. Throws `BAD_INPUT` for binary bodies (images, PDFs,
 * archives): those are not pages, whatever their name says.
 *
 * @example
 * decodeHtml(new TextEncoder().encode('<p>Hi</p>')) // '<p>Hi</p>'
 * decodeHtml(latin1Bytes, 'text/html; charset=ISO-8859-1') // 'Café ...'
 */
export function decodeHtml(bytes: Uint8Array, contentType?: string): string {
  if (looksBinary(bytes)) {
    throw createError('BAD_INPUT', 'the body is binary data (an image, PDF or archive?), not an HTML page');
  }
  return decodeBy(bytes, contentType, false);
}

/**
 * Decode any fetched text document (a feed, JSON, CSV, a page before its format is known) as
 * `decodeHtml` does, without the binary check, and also by an XML declaration's encoding (feeds).
 *
 * @example
 * decodeText(bytes, 'application/rss+xml') // '<?xml version="1.0" encoding="ISO-8859-1"?><rss>…'
 */
export function decodeText(bytes: Uint8Array, contentType?: string): string {
  return decodeBy(bytes, contentType, true);
}
