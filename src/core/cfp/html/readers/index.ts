/**
 * The publisher readers, most specific first; the first that matches a page
 * reads it, and the generic path does the rest.
 */
import { elsevierReader } from './elsevier.js';
import { mdpiReader } from './mdpi.js';
import {
  cambridgeReader, comsocReader, emeraldReader, frontiersReader, ieeeReader, plosReader, sageReader, springerReader, tandfReader, wileyReader,
} from './simple.js';
import type { PublisherReader } from './types.js';

export type { PublisherReader, ReaderResult } from './types.js';

export const READERS: readonly PublisherReader[] = [
  elsevierReader, mdpiReader, comsocReader, ieeeReader, springerReader, wileyReader, frontiersReader, tandfReader,
  plosReader, cambridgeReader, sageReader, emeraldReader,
];

/**
 * The reader for a page, if a publisher's template is recognised.
 *
 * @example
 * readerFor(new URL('https://www.mdpi.com/journal/biology/special_issues/x'), doc)?.name // 'mdpi'
 */
export function readerFor(url: URL | undefined, doc: Document): PublisherReader | undefined {
  return READERS.find((r) => r.matches(url, doc));
}
