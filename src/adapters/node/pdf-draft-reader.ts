/**
 * Draft files: PDF through unpdf (a serverless build of Mozilla's pdf.js), loaded on first use.
 * Only the first pages are read (the title, abstract and keywords are there), so a 300-page
 * thesis costs what a short paper does. The title hint is the text set in the largest type on
 * page 1, which is how a reader spots a title too.
 */
import { createError } from '../../core/errors.js';
import type { DraftFileReader, DraftFileText } from '../../core/draft-file/index.js';

export interface PdfDraftReaderOptions {
  /** Pages read from the start (default 3). */
  maxPages?: number;
}

interface TextItem {
  str: string;
  transform: number[];
  height: number;
  hasEOL: boolean;
}

/** Lines of one page, a blank line where the vertical gap is larger than the type, and the largest type's text. */
function pageText(items: readonly TextItem[]): { text: string; big: { size: number; text: string } } {
  let out = '';
  let lastY: number | undefined;
  let lastSize = 0;
  const bySize = new Map<number, string[]>();
  for (const it of items) {
    const y = it.transform[5] ?? 0;
    const size = Math.round(Math.abs(it.transform[3] ?? it.height) * 10) / 10;
    if (lastY !== undefined && Math.abs(lastY - y) > 0.5 && !out.endsWith('\n')) out += '\n';
    if (lastY !== undefined && lastY - y > Math.max(lastSize, size) * 1.9) out += '\n';
    out += it.str;
    if (it.hasEOL) out += '\n';
    if (it.str.trim()) {
      bySize.set(size, [...(bySize.get(size) ?? []), it.str]);
      lastY = y;
      lastSize = size;
    }
  }
  const size = Math.max(0, ...bySize.keys());
  return { text: out, big: { size, text: (bySize.get(size) ?? []).join(' ').replace(/\s+/g, ' ').trim() } };
}

/**
 * @example
 * const reader = createPdfDraftReader();
 * const { text, title } = await reader.read(bytes, 'paper.pdf');
 */
export function createPdfDraftReader(opts: PdfDraftReaderOptions = {}): DraftFileReader {
  const maxPages = opts.maxPages ?? 3;
  return {
    name: 'unpdf',
    kind: 'pdf',
    async read(bytes, fileName): Promise<DraftFileText> {
      const { getDocumentProxy } = await import('unpdf');
      let pdf;
      try {
        // A copy: pdf.js detaches the buffer it is given, and the caller may still hold it.
        pdf = await getDocumentProxy(new Uint8Array(bytes), { stopAtErrors: false });
      } catch (err) {
        const name = (err as { name?: string }).name;
        if (name === 'PasswordException') throw createError('UNREADABLE_FILE', `${fileName} is encrypted with a password: save an unprotected copy, or paste the title and abstract`, { cause: err });
        throw createError('UNREADABLE_FILE', `${fileName} could not be read as a PDF (${name ?? 'damaged file'}): export it again, or paste the title and abstract`, { cause: err });
      }
      try {
        const pages: string[] = [];
        let title: { size: number; text: string } = { size: 0, text: '' };
        for (let n = 1; n <= Math.min(pdf.numPages, maxPages); n++) {
          const page = await pdf.getPage(n);
          const content = await page.getTextContent();
          const items: TextItem[] = content.items.flatMap((i) => ('str' in i ? [i] : []));
          const { text, big } = pageText(items);
          pages.push(text);
          if (n === 1) title = big;
        }
        const body = pages.join('\n\n');
        // Largest type only counts as a title when it is larger than the body text and of title length.
        const hint = title.text.length >= 8 && title.text.length <= 400 ? title.text : undefined;
        return { text: body, pages: pdf.numPages, ...(hint ? { title: hint } : {}) };
      } finally {
        await pdf.loadingTask.destroy();
      }
    },
  };
}
