/**
 * Which kind of draft file this is, from its name and its first bytes. The two must agree: a
 * `.pdf` that is really a Word file, or an image renamed `.txt`, is refused with a message that
 * says what it is and what to upload instead.
 */
import { createError } from '../errors.js';
import type { DraftFileKind } from '../schema.js';
import { stripBom } from '../text/normalize.js';

/** Largest draft file read (bytes): a paper's PDF with figures fits; only its first pages are read. */
export const MAX_DRAFT_FILE_BYTES = 20 * 1024 * 1024;

const EXTENSIONS: Record<string, DraftFileKind> = {
  pdf: 'pdf', docx: 'docx', tex: 'tex', latex: 'tex', ltx: 'tex', md: 'markdown', markdown: 'markdown', txt: 'text', text: 'text',
};

/** The file extensions read, for messages and the page's file picker. */
export const DRAFT_FILE_EXTENSIONS = Object.keys(EXTENSIONS).map((e) => `.${e}`);
const ACCEPTED = 'PDF, Word (.docx), LaTeX (.tex), Markdown (.md) or plain text (.txt)';

/** What the first bytes say the content is. */
function sniff(bytes: Uint8Array): { kind: DraftFileKind | 'zip' | 'text' | null; what: string } {
  const head = String.fromCharCode(...bytes.subarray(0, 8));
  const start = String.fromCharCode(...bytes.subarray(0, 1024));
  if (start.includes('%PDF-')) return { kind: 'pdf', what: 'a PDF' };
  if (head.startsWith('PK\x03\x04')) return { kind: 'zip', what: 'a ZIP archive (Word .docx files are ZIP archives)' };
  if (head.startsWith('\xD0\xCF\x11\xE0')) return { kind: null, what: 'an old Word .doc (97-2003) file; save it as .docx or PDF' };
  if (head.startsWith('{\\rtf')) return { kind: null, what: 'an RTF document; save it as .docx or PDF' };
  if (head.startsWith('\x89PNG') || head.startsWith('\xFF\xD8\xFF') || head.startsWith('GIF8')) return { kind: null, what: 'an image; upload the paper itself, or paste its title and abstract' };
  const nul = bytes.subarray(0, 4096).includes(0);
  return nul ? { kind: null, what: 'a binary file' } : { kind: 'text', what: 'text' };
}

/**
 * The kind of a draft file, or an UNSUPPORTED_FILE / TOO_LARGE error that says why not.
 *
 * @example
 * draftFileKind('paper.pdf', bytes) // 'pdf'
 */
export function draftFileKind(name: string, bytes: Uint8Array): DraftFileKind {
  if (bytes.byteLength > MAX_DRAFT_FILE_BYTES) {
    throw createError('TOO_LARGE', `${name} is ${mb(bytes.byteLength)}; draft files are read up to ${mb(MAX_DRAFT_FILE_BYTES)} (the first pages are enough: export them, or paste the title and abstract)`);
  }
  if (bytes.byteLength === 0) throw createError('UNREADABLE_FILE', `${name} is empty`);
  const ext = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase();
  const byName = ext ? EXTENSIONS[ext] : undefined;
  const content = sniff(bytes);
  if (ext && !byName) throw createError('UNSUPPORTED_FILE', `${name}: .${ext} files are not read; upload ${ACCEPTED}`);
  if (content.kind === null) throw createError('UNSUPPORTED_FILE', `${name} is ${content.what}`);
  const byContent: DraftFileKind = content.kind === 'zip' ? 'docx' : content.kind === 'text' ? (byName && byName !== 'pdf' && byName !== 'docx' ? byName : 'text') : content.kind;
  if (byName && byName !== byContent) {
    throw createError('UNSUPPORTED_FILE', `${name} is named as ${label(byName)} but is ${content.what}; upload ${ACCEPTED}`);
  }
  return byContent;
}

const label = (k: DraftFileKind): string => ({ pdf: 'a PDF', docx: 'a Word .docx file', tex: 'LaTeX source', markdown: 'Markdown', text: 'plain text' })[k];
const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MB`;

const UTF8 = new TextDecoder('utf-8', { fatal: true });
const LATIN1 = new TextDecoder('windows-1252');

/**
 * Text of a text-kind file: UTF-8 (a BOM is dropped), else Windows-1252, which older editors write.
 *
 * @example
 * decodeTextFile(new TextEncoder().encode('\uFEFFTitle')) // 'Title'
 */
export function decodeTextFile(bytes: Uint8Array): string {
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    text = LATIN1.decode(bytes);
  }
  return stripBom(text);
}
