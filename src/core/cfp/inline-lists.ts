/**
 * Topic lists written inline in one paragraph, as pages lose their list
 * markup and as some calls write them: after a topics lead-in and a colon,
 * items separated by semicolons ("Topic Areas: Ethics; Applied Ethics; ..."),
 * by bullet glyphs ("related to: • A • B • C") or by numbers ("the following:
 * 1. A 2. B 4. C"). Used only when the call has no list of its own.
 */
import { cleanTopic } from './topics.js';

/** A lead-in that names what follows as topics, ending with a colon. */
const LEAD = /\b(?:topics?|areas?|themes?|include[sd]?|following|for example|related to|not limited to|such as)\b[^:.;]{0,60}[:：]\s+|\btopics\b[^.:;]{0,40}\binclude[sd]?,?\s+but\s+(?:are\s+)?not\s+limited\s+to,\s+/i;
const GLYPH = /\s*[•●▪]\s*/;
const NUMBERED = /^\d{1,2}[.)]\s+\p{Lu}/u;
/** A sentence end inside a paragraph: the list stops there. */
const SENTENCE_END = /(?<=\p{L}{3,}|\))\.\s+(?=\p{Lu})|\s\.{3}\s|…\s/u;

function untilSentenceEnd(s: string): string {
  const m = SENTENCE_END.exec(s);
  return m ? s.slice(0, m.index) : s;
}

function items(rest: string): string[] {
  if (GLYPH.test(rest) && rest.split(GLYPH).filter(Boolean).length >= 3) {
    const parts = rest.split(GLYPH).filter((p) => p.trim().length > 0);
    return [...parts.slice(0, -1), untilSentenceEnd(parts[parts.length - 1] ?? '')];
  }
  if (NUMBERED.test(rest)) {
    const parts = untilSentenceEnd(rest).split(/\s+(?=\d{1,2}[.)]\s+\p{Lu})/u).map((p) => p.replace(/^\d{1,2}[.)]\s+/, ''));
    // "... and Many More" closes the list, it is not part of the last item.
    return parts.map((p) => p.replace(/\s+and (?:many )?more\b.*$/i, ''));
  }
  const sentence = untilSentenceEnd(rest);
  if (sentence.includes(';')) return sentence.split(/\s*;\s*/).map((p) => p.replace(/^(?:and|or)\s+/i, ''));
  // Short sentences only: the split's look-ahead rescans the rest of the sentence at each "and".
  if (sentence.length > 1500) return [];
  // "A, B, and C": short phrases separated by commas, the last after "and" (a comma inside an item cannot be told apart, so items stay short).
  const parts = sentence.split(/\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+(?=[^,]*$)/);
  return /\b(?:and|or)\s+[^,]+$/.test(sentence) && parts.every((p) => p.split(/\s+/).length <= 8) ? parts : [];
}

/**
 * The topics of the first paragraph that lists three or more inline.
 *
 * @example
 * inlineTopics(['Topic Areas: Social Philosophy; Ethics; Applied Ethics.']) // ['Social Philosophy', 'Ethics', 'Applied Ethics']
 */
export function inlineTopics(paragraphs: readonly string[]): string[] {
  for (const p of paragraphs) {
    // Bounded so a whole page run into one paragraph is still read, and a pathological one is not.
    if (p.length > 20_000) continue;
    const m = LEAD.exec(p);
    if (!m) continue;
    const found = items(p.slice(m.index + m[0].length)).map(cleanTopic).filter((t) => t.length > 1 && t.length <= 250 && /\p{L}{2}/u.test(t));
    if (found.length >= 3) return found;
  }
  return [];
}
