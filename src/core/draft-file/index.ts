/** Drafts from files: kinds and limits, the binary-reader port, LaTeX and Markdown readers, field finding. */
export { extractDraft, type DraftFileReader, type DraftFileReaders, type DraftFileText } from './extract.js';
export { DRAFT_FILE_EXTENSIONS, MAX_DRAFT_FILE_BYTES, decodeTextFile, draftFileKind } from './kinds.js';
export { findDraftFields, splitKeywords, type DraftFields } from './fields.js';
export { readTexDraft } from './tex.js';
export { readMarkdownDraft } from './markdown.js';
