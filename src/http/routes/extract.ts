import { Hono } from 'hono';
import type { DraftFileReaders } from '../../core/draft-file/index.js';
import { createError } from '../../core/errors.js';
import { fileOf, readDraftFile, readForm } from '../form.js';

/**
 * `POST /v1/extract` (multipart, field `file`): the title, abstract and keywords found in a draft
 * file, for the author to check before ranking. The file is read in memory and not kept.
 *
 * @example
 * app.route('/v1', extractRoutes(nodeDraftReaders()));
 */
export function extractRoutes(readers: DraftFileReaders): Hono {
  const r = new Hono();
  r.post('/extract', async (c) => {
    const file = fileOf(await readForm(c));
    if (!file) throw createError('VALIDATION', 'no file: send the draft as a multipart field named "file"', { fields: [{ path: 'file', message: 'required' }] });
    return c.json(await readDraftFile(file, readers));
  });
  return r;
}
