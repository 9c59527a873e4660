/**
 * A draft from an uploaded file: find its kind, get its text (binary kinds through a
 * {@link DraftFileReader} the entry chose; text kinds here), then find the title, abstract and
 * keywords for the author to check. Everything happens in memory and nothing is kept.
 */
import { createError } from '../errors.js';
import type { ExtractedDraft } from '../schema.js';
import { latexToText } from '../text/latex.js';
import { findDraftFields, type DraftFields } from './fields.js';
import { decodeTextFile, draftFileKind } from './kinds.js';
import { readMarkdownDraft } from './markdown.js';
import { readTexDraft } from './tex.js';

/** The text a binary reader got out of a file, with a title hint where the format has one (largest type, the Title style). */
export interface DraftFileText {
  text: string;
  title?: string;
  pages?: number;
}

/**
 * Port: reads one binary kind of draft file to text. Node adapters (unpdf, mammoth) implement it;
 * a runtime without them (the Worker) answers that the kind is not read there.
 * Errors are UNREADABLE_FILE (encrypted, scanned, damaged) with a message that says what to do.
 */
export interface DraftFileReader {
  readonly name: string;
  readonly kind: 'pdf' | 'docx';
  read(bytes: Uint8Array, fileName: string): Promise<DraftFileText>;
}

export type DraftFileReaders = Partial<Record<DraftFileReader['kind'], DraftFileReader>>;

/**
 * @example
 * const draft = await extractDraft({ name: 'paper.tex', bytes }, {});
 * draft.title; draft.warnings;
 */
export async function extractDraft(file: { name: string; bytes: Uint8Array }, readers: DraftFileReaders = {}): Promise<ExtractedDraft> {
  const name = file.name.replace(/^.*[\\/]/, '').slice(0, 200) || 'upload';
  const kind = draftFileKind(name, file.bytes);
  let fields: DraftFields;
  let pages: number | undefined;
  if (kind === 'pdf' || kind === 'docx') {
    const reader = readers[kind];
    if (!reader) throw createError('UNSUPPORTED_FILE', `${name}: this server does not read ${kind === 'pdf' ? 'PDF' : 'Word'} files; paste the title and abstract, or upload LaTeX, Markdown or text`);
    const out = await reader.read(file.bytes, name);
    if (out.text.replace(/\s+/g, '').length < 20) {
      throw createError('UNREADABLE_FILE', kind === 'pdf'
        ? `${name} has no text layer (a scanned PDF?): run OCR on it, or paste the title and abstract`
        : `${name} holds no text`);
    }
    fields = findDraftFields(out.text, out.title ? { title: out.title } : {});
    pages = out.pages;
  } else {
    const text = decodeTextFile(file.bytes);
    if (!text.trim()) throw createError('UNREADABLE_FILE', `${name} holds no text`);
    if (kind === 'tex') fields = readTexDraft(text);
    else if (kind === 'markdown') fields = readMarkdownDraft(text);
    else {
      const found = findDraftFields(text);
      fields = { ...found, title: latexToText(found.title), abstract: latexToText(found.abstract) };
    }
  }
  return {
    title: fields.title.slice(0, 1000),
    abstract: fields.abstract,
    keywords: fields.keywords,
    source: { name, kind, bytes: file.bytes.byteLength, ...(pages ? { pages } : {}) },
    warnings: fields.warnings,
  };
}
