/**
 * From fetched bytes to text and a format, and from a page to a Call. `parseDocument` is the one
 * place the catalogue calls the CFP parser: HTML pages go to the HTML parser (structure, page
 * metadata, publisher readers), text to the text parser.
 */
import { decodeHtml, decodeText, parseCfp, parseCfpHtml } from '../cfp/index.js';
import { createError } from '../errors.js';
import type { Call } from '../schema.js';
import type { RawDocument } from './types.js';

export type DocumentFormat = 'html' | 'feed' | 'json' | 'jsonl' | 'csv' | 'text';

/**
 * What a document is, from its content type, its file extension and its first characters.
 *
 * @example
 * sniffFormat('https://x.org/rss', 'application/rss+xml', '<?xml ...') // 'feed'
 */
export function sniffFormat(url: string, contentType: string | undefined, text: string): DocumentFormat {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const path = url.toLowerCase().split(/[?#]/)[0] ?? '';
  const start = text.trimStart().slice(0, 500).toLowerCase();
  if (/rss|atom/.test(type) || /<(rss|feed|rdf:rdf)[\s>]/.test(start)) return 'feed';
  if (type.includes('ndjson') || type.includes('jsonl') || path.endsWith('.jsonl') || path.endsWith('.ndjson')) return 'jsonl';
  if (type.includes('json') || path.endsWith('.json')) return 'json';
  if (type === 'text/csv' || path.endsWith('.csv')) return 'csv';
  if (type.includes('html') || /^(<!doctype html|<html|<head|<body)/.test(start) || path.endsWith('.html') || path.endsWith('.htm')) return 'html';
  if (type.includes('xml') || start.startsWith('<?xml')) return 'feed';
  if (start.startsWith('[') || start.startsWith('{')) return 'json';
  return 'text';
}

/**
 * One CFP page (HTML or plain text) as a Call. Throws BAD_CFP when the page holds no call.
 *
 * @example
 * parseDocument({ url: 'https://x.org/si/1', body, contentType: 'text/html' }, { id: 'si-1' })
 */
export function parseDocument(doc: RawDocument, opts: { id?: string } = {}): Call {
  const text = decodeText(doc.body, doc.contentType);
  const format = sniffFormat(doc.url, doc.contentType, text);
  if (format !== 'html' && format !== 'text') {
    throw createError('BAD_CFP', `${doc.url}: a ${format} document is not one CFP page (import it as a ${format === 'feed' ? 'feed' : 'bulk file'})`);
  }
  if (format === 'text') return parseCfpText(text, opts);
  // The HTML parser decodes as browsers do (meta charset, windows-1252 for latin-1) and picks a publisher reader by URL.
  const url = /^https?:\/\//i.test(doc.url) ? doc.url : undefined;
  return parseCfpHtml(decodeHtml(doc.body, doc.contentType), { ...(url ? { url } : {}), ...(opts.id ? { id: opts.id } : {}) });
}

/** CFP text (an e-mail, a feed item's body) as a Call. */
export function parseCfpText(text: string, opts: { id?: string } = {}): Call {
  return parseCfp(text, opts.id ? { id: opts.id } : {});
}
