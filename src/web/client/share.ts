/**
 * Share links: the draft travels only in the URL fragment (`#draft=...`), which browsers never
 * send to a server; filters, which are not confidential, go in the query string.
 */
export interface SharedDraft {
  title: string;
  abstract: string;
  keywords: string;
}

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(s: string): string {
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
}

/**
 * @example
 * shareLink('/?open_only=1', { title: 'T', abstract: 'A', keywords: '' }) // 'http://host/?open_only=1#draft=eyJ0...'
 */
export function shareLink(pathAndQuery: string, d: SharedDraft): string {
  return `${location.origin}${pathAndQuery}#draft=${toBase64Url(JSON.stringify({ t: d.title, a: d.abstract, k: d.keywords }))}`;
}

/** The draft in this page's fragment, if it carries one that reads. */
export function draftFromFragment(hash: string): SharedDraft | undefined {
  const m = /^#draft=([A-Za-z0-9_-]+)$/.exec(hash);
  if (!m?.[1]) return undefined;
  try {
    const o = JSON.parse(fromBase64Url(m[1])) as { t?: unknown; a?: unknown; k?: unknown };
    const s = (v: unknown) => (typeof v === 'string' ? v : '');
    return { title: s(o.t), abstract: s(o.a), keywords: s(o.k) };
  } catch {
    return undefined;
  }
}
