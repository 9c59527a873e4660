/**
 * Feedback keys: a triage result carries `feedback_key`, an HMAC of the call and the submission's
 * content, so a decision can only be recorded for a submission this server triaged for that call
 * (stateless: nothing about the submission is kept to check it). The secret is derived from the
 * admin token, so keys survive restarts and are the same on every Worker isolate.
 */
import { normalizeText } from '../text/normalize.js';

const enc = new TextEncoder();

const base64url = (bytes: ArrayBuffer): string => {
  let s = '';
  for (const b of new Uint8Array(bytes)) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};

/** What identifies a submission's content: normalised title, abstract and keywords. */
function contentOf(s: { title: string; abstract: string; keywords: readonly string[] }): string {
  return [normalizeText(s.title), normalizeText(s.abstract), ...s.keywords.map(normalizeText)].join('\n');
}

/**
 * A submission's id for one call: a SHA-256 of the call id and the content (no text is recoverable from it).
 *
 * @example
 * await submissionId('call-1', { title: 'T', abstract: 'A', keywords: [] }) // 'f3a9...'
 */
export async function submissionId(callId: string, s: { title: string; abstract: string; keywords: readonly string[] }): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', enc.encode(`${callId}\n${contentOf(s)}`));
  return base64url(digest).slice(0, 32);
}

export interface FeedbackKeys {
  /** The key a triage result carries for this call and submission. */
  keyFor(callId: string, s: { title: string; abstract: string; keywords: readonly string[] }): Promise<string>;
  /** Whether `key` is the one this server gave for this call and submission (constant time). */
  verify(key: string, callId: string, s: { title: string; abstract: string; keywords: readonly string[] }): Promise<boolean>;
}

/**
 * @example
 * const keys = await createFeedbackKeys(adminToken);
 * const key = await keys.keyFor('call-1', submission);
 * await keys.verify(key, 'call-1', submission) // true
 */
export async function createFeedbackKeys(adminToken: string): Promise<FeedbackKeys> {
  const root = await crypto.subtle.importKey('raw', enc.encode(adminToken), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  // A key of its own, so a feedback key says nothing about the admin token itself.
  const derived = await crypto.subtle.sign('HMAC', root, enc.encode('cfpmatch feedback key v1'));
  const hmac = await crypto.subtle.importKey('raw', derived, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const keyFor = async (callId: string, s: { title: string; abstract: string; keywords: readonly string[] }) =>
    `fk1.${base64url(await crypto.subtle.sign('HMAC', hmac, enc.encode(`${callId}\n${contentOf(s)}`))).slice(0, 32)}`;
  return {
    keyFor,
    async verify(key, callId, s) {
      const want = await keyFor(callId, s);
      let diff = want.length ^ key.length;
      for (let i = 0; i < want.length; i++) diff |= want.charCodeAt(i) ^ (key.charCodeAt(i % Math.max(1, key.length)) || 0);
      return diff === 0;
    },
  };
}
