import { readFile } from 'node:fs/promises';
import { stripBom } from '../../core/text/normalize.js';

/**
 * Read a UTF-8 text file the way a user's editor wrote it: a leading byte-order mark is dropped
 * (fs.readFile keeps it, and JSON.parse then fails on the first line).
 *
 * @example
 * const text = await readTextFile('calls.jsonl');
 */
export async function readTextFile(path: string): Promise<string> {
  return stripBom(await readFile(path, 'utf8'));
}
