import type { Call } from '../../core/schema.js';
import { hashText } from '../../core/text/hash.js';

/**
 * Content hash of a call as stored in D1; the sync compares it to decide what to upsert.
 *
 * @example
 * callHash(call) === callHash(structuredClone(call)); // true
 */
export function callHash(call: Call): string {
  return hashText(JSON.stringify(call));
}
