/**
 * Everything a client may send to add a call: raw CFP text (`{ text, id? }`),
 * the evaluation/interchange format (`description`, `deadline`), or a full
 * structured Call. All three end as a validated Call.
 */
import { z } from 'zod';
import { parseCfp } from './cfp/parse.js';
import { Call, CallId, EvalCall, callFromEval } from './schema.js';
import { parseOrThrow } from './validate.js';

export const RawCfpInput = z.object({ text: z.string().min(1).max(400_000), id: CallId.optional() });

/**
 * @example
 * callFromInput({ text: cfpText }) // parsed by the rule-based parser
 * callFromInput({ id: 'x', title: 'T', description: 'scope', deadline: '2026-01-31' }) // evaluation format
 */
export function callFromInput(input: unknown): Call {
  if (isObject(input) && typeof input.text === 'string' && input.title === undefined) {
    const raw = parseOrThrow(RawCfpInput, input, 'CFP');
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
