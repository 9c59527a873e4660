/**
 * Input checks that run before any parsing: the parser accepts any string,
 * but only text that could be a CFP gets past this point.
 */
import { createError } from '../errors.js';

/** Longer inputs are refused: no real CFP comes near this, and the heuristics are linear but not free. */
export const MAX_CFP_CHARS = 400_000;

// eslint-disable-next-line no-control-regex
const NON_PRINTABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFD\uFFFE\uFFFF]/g;

/**
 * Throw `BAD_CFP` (or `TOO_LARGE`) unless `text` is non-empty, printable text.
 *
 * @example
 * assertCfpText('Special Issue on X'); // ok
 * assertCfpText('\u0000\u0001'); // throws CfpError BAD_CFP
 */
export function assertCfpText(text: unknown): asserts text is string {
  if (typeof text !== 'string') throw createError('BAD_CFP', `CFP text must be a string, got ${typeof text}`);
  if (text.trim().length === 0) throw createError('BAD_CFP', 'CFP text is empty');
  if (text.length > MAX_CFP_CHARS) {
    throw createError('TOO_LARGE', `CFP text is ${text.length} characters; the limit is ${MAX_CFP_CHARS}`);
  }
  if (text.includes('\u0000')) throw createError('BAD_CFP', 'CFP text contains NUL bytes; it looks like a binary file');
  const bad = text.match(NON_PRINTABLE)?.length ?? 0;
  const visible = text.replace(/\s+/g, '').length;
  // A few stray control characters happen in copy-pasted text; a large share means binary data.
  if (bad > 0 && bad / Math.max(visible, 1) > 0.1) {
    throw createError('BAD_CFP', `CFP text is mostly non-printable (${bad} control characters); it looks like a binary file`);
  }
}
