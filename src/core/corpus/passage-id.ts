/**
 * Passage ids: `<callId>|<kind>|<hash>`. The one place that builds them and
 * takes them apart; everything else (candidate search, the vector cache, the
 * Workers passage registry) asks this module instead of splitting strings.
 * Call ids never contain `|` (see `isCallId` in schema.ts), so the first `|`
 * ends the call id.
 */

/** `paper`: one published paper of the call (an exemplar, `Call.papers`), hashed by its text alone. */
export type PassageKind = 'call' | 'title' | 'topic' | 'scope' | 'paper';

const KINDS: ReadonlySet<string> = new Set<PassageKind>(['call', 'title', 'topic', 'scope', 'paper']);

export interface PassageIdParts {
  callId: string;
  kind: PassageKind;
  hash: string;
}

/**
 * @example
 * encodePassageId({ callId: 'c1', kind: 'topic', hash: '0a1b' }) // 'c1|topic|0a1b'
 */
export function encodePassageId(p: PassageIdParts): string {
  return `${p.callId}|${p.kind}|${p.hash}`;
}

/**
 * The parts of a passage id, or undefined when it is not one.
 *
 * @example
 * decodePassageId('c1|topic|0a1b')?.kind // 'topic'
 */
export function decodePassageId(id: string): PassageIdParts | undefined {
  const a = id.indexOf('|');
  const b = a < 0 ? -1 : id.indexOf('|', a + 1);
  if (a <= 0 || b < 0) return undefined;
  const kind = id.slice(a + 1, b);
  if (!KINDS.has(kind)) return undefined;
  return { callId: id.slice(0, a), kind: kind as PassageKind, hash: id.slice(b + 1) };
}

/**
 * The call a passage belongs to (the id itself when it is not a passage id). Hot path of the
 * candidate search, so it only looks for the first separator.
 *
 * @example
 * callIdOf('c1|title|ff00') // 'c1'
 */
export function callIdOf(passageId: string): string {
  const i = passageId.indexOf('|');
  return i < 0 ? passageId : passageId.slice(0, i);
}

/**
 * Whether the id is a call's whole-call passage (the vector every candidate's dense score reads).
 *
 * @example
 * isWholeCallPassage('c1|call|ab12') // true
 */
export function isWholeCallPassage(passageId: string): boolean {
  const i = passageId.indexOf('|');
  return i > 0 && passageId.startsWith('call|', i + 1);
}

/**
 * Whether the id is one of a call's exemplar papers (read for every candidate that has papers).
 *
 * @example
 * isPaperPassage('c1|paper|ab12') // true
 */
export function isPaperPassage(passageId: string): boolean {
  const i = passageId.indexOf('|');
  return i > 0 && passageId.startsWith('paper|', i + 1);
}
