import { MAX_DRAFT_FILE_BYTES } from '../core/draft-file/index.js';
import { createError, type CfpError } from '../core/errors.js';

/** Largest multipart body: one draft file at its limit plus the form's text fields. */
export const MAX_UPLOAD_BYTES = MAX_DRAFT_FILE_BYTES + 1024 * 1024;

/**
 * The error for an upload over the limit, said in terms of the file (the body size alone means little to an author).
 *
 * @example
 * bodyLimit({ maxSize: MAX_UPLOAD_BYTES, onError: () => { throw uploadTooLarge(); } })
 */
export function uploadTooLarge(): CfpError {
  const mb = Math.round(MAX_DRAFT_FILE_BYTES / 1024 / 1024);
  return createError('TOO_LARGE', `the upload is over ${mb} MB: draft files are read up to ${mb} MB (the first pages are enough: export them, or paste the title and abstract)`);
}
