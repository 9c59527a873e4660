/**
 * Passage ids (`<callId>|<kind>|<hash>`) can exceed Vectorize's 64-byte id
 * limit when a call id is long. Short ids are stored as they are; long ones
 * as `~` plus two content hashes, which the index maps back.
 */
import { hashText } from '../../core/text/hash.js';

export const VECTORIZE_MAX_ID_BYTES = 64;

const encoder = new TextEncoder();

/**
 * @example
 * vectorizeId('call-a|topic|0abc') === 'call-a|topic|0abc';
 * vectorizeId('x'.repeat(80)).startsWith('~'); // true, 23 bytes
 */
export function vectorizeId(passageId: string): string {
  if (!passageId.startsWith('~') && encoder.encode(passageId).length <= VECTORIZE_MAX_ID_BYTES) return passageId;
  return `~${hashText(passageId)}${hashText(`${passageId}\u0000`)}`;
}
