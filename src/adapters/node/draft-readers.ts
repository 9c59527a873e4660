import type { DraftFileReaders } from '../../core/draft-file/index.js';
import { createDocxDraftReader } from './docx-draft-reader.js';
import { createPdfDraftReader } from './pdf-draft-reader.js';

/**
 * The binary draft readers Node has: PDF (unpdf) and Word (mammoth), both loaded on first use.
 *
 * @example
 * createApp({ matcher, draftReaders: nodeDraftReaders() });
 */
export function nodeDraftReaders(): DraftFileReaders {
  return { pdf: createPdfDraftReader(), docx: createDocxDraftReader() };
}
