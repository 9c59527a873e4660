import type { Call } from './schema.js';
import { hashText } from './text/hash.js';

/** Hash of a call set (ids and content, order-independent): an index built from another set is stale. */
export function callSetHash(calls: readonly Call[]): string {
  const parts = calls.map((c) => `${c.id}:${hashText(JSON.stringify({ ...c, source_text: undefined }))}`).sort();
  return hashText(parts.join('\n'));
}
