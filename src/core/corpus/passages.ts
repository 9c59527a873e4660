/**
 * A call is never one vector: its title, each topic and each scope chunk are
 * separate passages, plus one whole-call passage used for the call-level
 * dense score, plus one passage per exemplar paper (`Call.papers`). Passage ids
 * are content-addressed (passage-id.ts) so re-indexing embeds only passages
 * whose text changed.
 */
import type { Call } from '../schema.js';
import { hashText } from '../text/hash.js';
import { normalizeText, splitSentences } from '../text/normalize.js';
import { encodePassageId, type PassageKind } from './passage-id.js';

export type { PassageKind } from './passage-id.js';

export interface Passage {
  id: string;
  callId: string;
  kind: PassageKind;
  /** Position among passages of the same kind (topic number, scope chunk number). */
  index: number;
  text: string;
}

export interface PassageOptions {
  /** Target words per scope chunk. */
  scopeChunkWords?: number;
  /** Words of the whole-call passage kept for embedding (long inputs dilute a sentence encoder). */
  callPassageWords?: number;
}

/** The text the lexical index and the whole-call embedding see for a call. */
export function callDocument(call: Call): string {
  return [call.title, call.topics.join('. '), call.scope].filter((s) => s.trim()).join('. ');
}

/**
 * @example
 * callPassages(call).filter((p) => p.kind === 'topic').length === call.topics.length
 */
export function callPassages(call: Call, opts: PassageOptions = {}): Passage[] {
  const chunkWords = opts.scopeChunkWords ?? 60;
  const maxWords = opts.callPassageWords ?? 400;
  const out: Passage[] = [];
  const push = (kind: PassageKind, index: number, raw: string) => {
    const text = normalizeText(raw);
    if (!text) return;
    out.push({ id: encodePassageId({ callId: call.id, kind, hash: hashText(`${index}:${text}`) }), callId: call.id, kind, index, text });
  };
  push('call', 0, callDocument(call).split(/\s+/).slice(0, maxWords).join(' '));
  push('title', 0, call.title);
  call.topics.forEach((t, i) => push('topic', i, t));
  chunkScope(call.scope, chunkWords).forEach((c, i) => push('scope', i, c));
  // Papers last, hashed by their text alone: adding or removing one paper re-embeds no other.
  (call.papers ?? []).forEach((paper, i) => {
    const text = paperText(paper);
    if (text) out.push({ id: encodePassageId({ callId: call.id, kind: 'paper', hash: hashText(text) }), callId: call.id, kind: 'paper', index: i, text });
  });
  return out;
}

/**
 * The text an exemplar paper is embedded and indexed as: the same composition as a draft's
 * (`prepareDraft(...).text`: title, abstract, keywords), so a paper and a draft with the same
 * fields get the same vector and a paper's nearest drafts are found on equal terms.
 *
 * @example
 * paperText({ title: 'T', abstract: 'A.', keywords: ['k'] }) // 'T. A.. Keywords: k'
 */
export function paperText(p: { title: string; abstract: string; keywords: readonly string[] }): string {
  const title = normalizeText(p.title);
  const abstract = normalizeText(p.abstract);
  const keywords = p.keywords.map(normalizeText).filter(Boolean);
  return [title, abstract, keywords.length ? `Keywords: ${keywords.join(', ')}` : ''].filter(Boolean).join('. ');
}

/** Group scope sentences into chunks of about `words` words. */
export function chunkScope(scope: string, words: number): string[] {
  const chunks: string[] = [];
  let cur: string[] = [];
  let n = 0;
  for (const s of splitSentences(scope)) {
    cur.push(s);
    n += s.split(/\s+/).length;
    if (n >= words) {
      chunks.push(cur.join(' '));
      cur = [];
      n = 0;
    }
  }
  if (cur.length) chunks.push(cur.join(' '));
  return chunks;
}
