/**
 * The parser's warnings for a field it did not find. Named once because a field set after parsing
 * (a curated file, a catalogue override: `mergeCurated`) makes its warning untrue and removes it.
 */
import type { Call } from '../schema.js';

export const NO_DEADLINE = 'no submission deadline found';
export const NO_VENUE = 'no journal (venue) found';

/**
 * The "not found" warnings that `call`'s own fields contradict.
 *
 * @example
 * settledWarnings({ ...call, venue: 'Soil' }) // Set { 'no journal (venue) found' }
 */
export function settledWarnings(call: Pick<Call, 'venue' | 'dates'>): Set<string> {
  const settled = new Set<string>();
  if (call.venue) settled.add(NO_VENUE);
  if (call.dates.submission_deadline) settled.add(NO_DEADLINE);
  return settled;
}
