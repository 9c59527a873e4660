/**
 * Draft files: Word .docx through mammoth, loaded on first use. The ZIP's directory is checked
 * before mammoth inflates anything, so a small upload that expands to gigabytes (a zip bomb) is
 * refused instead of filling memory. The Title-styled paragraph, when there is one, is the title hint.
 */
import { createError } from '../../core/errors.js';
import type { DraftFileReader, DraftFileText } from '../../core/draft-file/index.js';

export interface DocxDraftReaderOptions {
  /** Largest total uncompressed size of the archive (default 200 MB). */
  maxUnzippedBytes?: number;
}

/**
 * Entry names and the summed uncompressed size from a ZIP's central directory, or undefined when
 * there is no readable directory.
 */
export function zipDirectory(bytes: Uint8Array): { names: string[]; unzipped: number } | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record is in the last 64 KiB + 22 bytes.
  for (let i = bytes.byteLength - 22; i >= Math.max(0, bytes.byteLength - 65_557); i--) {
    if (view.getUint32(i, true) !== 0x06054b50) continue;
    const count = view.getUint16(i + 10, true);
    let at = view.getUint32(i + 16, true);
    const names: string[] = [];
    let unzipped = 0;
    for (let n = 0; n < count; n++) {
      if (at + 46 > bytes.byteLength || view.getUint32(at, true) !== 0x02014b50) return undefined;
      unzipped += view.getUint32(at + 24, true);
      const nameLen = view.getUint16(at + 28, true);
      names.push(new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLen)));
      at += 46 + nameLen + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    }
    return { names, unzipped };
  }
  return undefined;
}

/**
 * @example
 * const { text } = await createDocxDraftReader().read(bytes, 'paper.docx');
 */
export function createDocxDraftReader(opts: DocxDraftReaderOptions = {}): DraftFileReader {
  const maxUnzipped = opts.maxUnzippedBytes ?? 200 * 1024 * 1024;
  return {
    name: 'mammoth',
    kind: 'docx',
    async read(bytes, fileName): Promise<DraftFileText> {
      const dir = zipDirectory(bytes);
      if (!dir) throw createError('UNREADABLE_FILE', `${fileName} is not a readable .docx (its ZIP directory is damaged): save it again from Word, or paste the title and abstract`);
      if (dir.names.some((n) => n === 'EncryptedPackage')) throw createError('UNREADABLE_FILE', `${fileName} is encrypted with a password: save an unprotected copy`);
      if (!dir.names.includes('word/document.xml')) throw createError('UNSUPPORTED_FILE', `${fileName} is a ZIP archive but not a Word document (no word/document.xml)`);
      if (dir.unzipped > maxUnzipped) throw createError('TOO_LARGE', `${fileName} expands to ${Math.round(dir.unzipped / 1048576)} MB; at most ${Math.round(maxUnzipped / 1048576)} MB are read`);
      const mammoth = (await import('mammoth')).default;
      const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      let html: string;
      let text: string;
      try {
        [html, text] = await Promise.all([
          mammoth.convertToHtml({ buffer }, { styleMap: ["p[style-name='Title'] => h1.title:fresh"] }).then((r) => r.value),
          mammoth.extractRawText({ buffer }).then((r) => r.value),
        ]);
      } catch (err) {
        throw createError('UNREADABLE_FILE', `${fileName} could not be read as a Word document: save it again, or paste the title and abstract`, { cause: err });
      }
      const title = /<h1 class="title">([\s\S]*?)<\/h1>/.exec(html)?.[1]?.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').trim();
      return { text, ...(title ? { title } : {}) };
    },
  };
}
