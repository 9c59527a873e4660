/**
 * Everything a client may send to add a call: raw CFP text (`{ text, id? }`), a web page (`{ html, url?, id? }`),
 * the evaluation/interchange format (`description`, `deadline`), or a full
 * structured Call. All three end as a validated Call.
 */
import { z } from 'zod';
import { parseCfp } from './cfp/parse.js';
import { parseCfpHtml } from './cfp/html/parse-html.js';
import { MAX_HTML_CHARS } from './cfp/html/guard.js';
import { createError } from './errors.js';
import { Call, CallId, EvalCall, callFromEval } from './schema.js';
import { parseOrThrow } from './validate.js';

export const RawCfpInput = z.object({ text: z.string().min(1).max(400_000), id: CallId.optional() });
/** A saved or fetched CFP web page; `url` (where it came from) picks the publisher reader. */
export const RawHtmlInput = z.object({ html: z.string().min(1).max(MAX_HTML_CHARS), url: z.string().url().max(2000).optional(), id: CallId.optional() });

/**
 * @example
 * callFromInput({ text: cfpText }) // parsed by the rule-based parser
 * callFromInput({ html: pageHtml, url: 'https://www.mdpi.com/journal/x/special_issues/y' }) // the HTML path
 * callFromInput({ id: 'x', title: 'T', description: 'scope', deadline: '2026-01-31' }) // evaluation format
 */
export function callFromInput(input: unknown): Call {
  if (isObject(input) && 'html' in input && 'text' in input) {
    // Which one was meant cannot be told; using one silently would store a call the client did not send.
    const message = 'give either text (raw CFP text) or html (a web page), not both';
    throw createError('VALIDATION', message, { fields: [{ path: 'text', message }, { path: 'html', message }] });
  }
  // Strict: a misspelled key (`Id`, `URL`) would otherwise be dropped and the call stored without it.
  if (isObject(input) && 'html' in input && input.title === undefined) {
    const raw = parseOrThrow(RawHtmlInput.strict(), input, 'CFP page');
    return parseCfpHtml(raw.html, { ...(raw.url ? { url: raw.url } : {}), ...(raw.id ? { id: raw.id } : {}) });
  }
  if (isObject(input) && typeof input.text === 'string' && input.title === undefined) {
    const raw = parseOrThrow(RawCfpInput.strict(), input, 'CFP');
    return parseCfp(raw.text, raw.id ? { id: raw.id } : {});
  }
  if (isObject(input) && ('description' in input || 'deadline' in input) && !('scope' in input)) {
    return callFromEval(parseOrThrow(EvalCall, input, 'call'));
  }
  return parseOrThrow(Call, input, 'call');
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
