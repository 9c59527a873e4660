/**
 * `field_sources` for a call parsed from text: which lines each field came
 * from, 1-based as an editor shows them.
 */
import type { FieldSource } from '../schema.js';

/** "line 3" or "lines 3-9" from 0-based line indexes. */
export function linesWhere(indexes: readonly number[]): string {
  const sorted = [...indexes].sort((a, b) => a - b);
  const first = (sorted[0] ?? 0) + 1;
  const last = (sorted[sorted.length - 1] ?? 0) + 1;
  return first === last ? `line ${first}` : `lines ${first}-${last}`;
}

/**
 * A text-line source, or nothing when no lines are known.
 *
 * @example
 * textSource([2, 3]) // { from: 'text-line', where: 'lines 3-4' }
 */
export function textSource(indexes: readonly number[], note?: string): FieldSource | undefined {
  if (indexes.length === 0) return undefined;
  return { from: 'text-line', where: note ? `${linesWhere(indexes)} (${note})` : linesWhere(indexes) };
}

/** Drop undefined entries. */
export function compactSources(entries: Record<string, FieldSource | undefined>): Record<string, FieldSource> {
  return Object.fromEntries(Object.entries(entries).filter((e): e is [string, FieldSource] => e[1] !== undefined));
}
