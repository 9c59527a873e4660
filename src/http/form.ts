/**
 * Form posts and multipart uploads: the page's no-JavaScript forms and the API's file uploads
 * send fields as strings; these turn them into the objects the zod schemas validate, and read
 * an uploaded draft file in memory (it is never written anywhere).
 */
import type { Context } from 'hono';
import { extractDraft, type DraftFileReaders } from '../core/draft-file/index.js';
import { createError } from '../core/errors.js';
import type { ExtractedDraft } from '../core/schema.js';
import { chargeBodyBytes } from './body.js';

/**
 * What a binary draft file (PDF, .docx) is charged at most: the largest valid draft's text (a
 * 1,000-character title, 20,000-character abstract, 50 x 200-character keywords) with room to spare.
 * Its bytes are mostly layout, and what reaches the model is one draft within the draft limits.
 */
const BINARY_FILE_CHARGE = 32 * 1024;
const TEXT_FILE = /\.(csv|jsonl?|txt|md|markdown|tex)$/i;

export type FormValue = string | File;
export type FormFields = Record<string, FormValue | FormValue[]>;

/** Whether the request is a form post (urlencoded or multipart). */
export function isForm(c: Context): boolean {
  const type = (c.req.header('content-type') ?? '').toLowerCase();
  return type.startsWith('multipart/form-data') || type.startsWith('application/x-www-form-urlencoded');
}

/**
 * Every field of a form post, repeated keys as arrays.
 *
 * @example
 * const form = await readForm(c); strings(form, 'publisher') // ['IEEE']
 */
export async function readForm(c: Context): Promise<FormFields> {
  if (!isForm(c)) throw createError('BAD_INPUT', 'expected a form post (multipart/form-data or application/x-www-form-urlencoded)');
  let form: FormFields;
  try {
    form = (await c.req.parseBody({ all: true })) as FormFields;
  } catch (err) {
    // The body limit's error passes through; anything else is a malformed body.
    if (err instanceof Error && 'code' in err) throw err;
    throw createError('BAD_INPUT', 'the form body could not be read', { cause: err });
  }
  // The cost-weighted rate limit charges what the model may be given (issue #21): text fields and
  // text files in full (the editor's pasted or uploaded submissions are all embedded), binary files
  // as at most one largest draft. Before, every form post cost 1 unit, so a 500-submission triage
  // from the editor page cost what one normal draft does.
  const utf8 = new TextEncoder();
  let bytes = 0;
  for (const v of Object.values(form).flat()) {
    if (typeof v === 'string') bytes += utf8.encode(v).byteLength;
    else bytes += v.type.startsWith('text/') || TEXT_FILE.test(v.name) ? v.size : Math.min(v.size, BINARY_FILE_CHARGE);
  }
  chargeBodyBytes(c, bytes);
  return form;
}

/** The non-empty string values of a field. */
export function strings(form: FormFields, key: string): string[] {
  const v = form[key];
  return (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === 'string' && x.trim() !== '');
}

/** The first non-empty string value of a field. */
export function str(form: FormFields, key: string): string | undefined {
  return strings(form, key)[0];
}

/** A checkbox or a flag: present and not "0"/"false"/"off". */
export function flag(value: string | undefined): boolean {
  return value !== undefined && !/^(0|false|off|no)$/i.test(value.trim());
}

/** The uploaded file of a field, when one was chosen (browsers send an empty file for none). */
export function fileOf(form: FormFields, key = 'file'): File | undefined {
  const v = form[key];
  const f = (Array.isArray(v) ? v : [v]).find((x): x is File => typeof x === 'object' && x !== null && 'arrayBuffer' in x);
  return f && (f.size > 0 || f.name) ? f : undefined;
}

/**
 * Read a draft file in memory and find its fields.
 *
 * @example
 * const draft = await readDraftFile(file, readers); // { title, abstract, keywords, source, warnings }
 */
export async function readDraftFile(file: File, readers: DraftFileReaders): Promise<ExtractedDraft> {
  return extractDraft({ name: file.name || 'upload', bytes: new Uint8Array(await file.arrayBuffer()) }, readers);
}

/** Keywords typed into one field: commas or semicolons separate them. */
export function keywordList(values: readonly string[]): string[] {
  return values.flatMap((v) => v.split(/[,;]/)).map((k) => k.trim()).filter(Boolean);
}

/**
 * Filter and ranking options from form fields or a query string, as the schemas expect them
 * (numbers as numbers, flags as booleans); absent fields stay absent so defaults apply.
 *
 * @example
 * optionsFromFields((k) => url.searchParams.getAll(k)) // { publisher: ['IEEE'], open_only: true }
 */
export function optionsFromFields(get: (key: string) => string[]): Record<string, unknown> {
  const one = (k: string) => get(k).find((v) => v.trim() !== '')?.trim();
  const out: Record<string, unknown> = {};
  const list = (k: string) => get(k).map((v) => v.trim()).filter(Boolean);
  if (list('publisher').length) out.publisher = list('publisher');
  if (list('venue').length) out.venue = list('venue');
  for (const k of ['deadline_after', 'deadline_before', 'as_of'] as const) if (one(k)) out[k] = one(k);
  if (one('open_only') !== undefined) out.open_only = flag(one('open_only'));
  const topK = one('top_k');
  if (topK !== undefined) out.top_k = /^\d+$/.test(topK) ? Number(topK) : topK;
  return out;
}
