/**
 * Just enough markdown for CFPs pasted from publisher pages: links, bold,
 * angle-bracket autolinks and bare URLs.
 */

/** A hyperlink found in a line: its visible label and its target. */
export interface Link {
  label: string;
  url: string;
}

const MD_LINK = /\[([^\][\n]{0,300})\]\(\s*<?([^)\s>]{1,2000})>?(?:\s+"[^"]*")?\s*\)/g;
const ANGLE_URL = /<((?:https?:\/\/|mailto:)[^>\s]{1,2000})>/g;
const BARE_URL = /\b(?:https?:\/\/|www\.)[^\s<>()"“”\]]{2,2000}/g;

/** Trailing punctuation that ends a sentence rather than a URL. */
function trimUrl(url: string): string {
  return url.replace(/[.,;:!?'’]+$/, '');
}

/**
 * Every link in a raw line, in order: markdown links, `<url>` and bare URLs.
 *
 * @example
 * extractLinks('see [guide](https://x.org/a) or <http://y.org>.')
 * // [{ label: 'guide', url: 'https://x.org/a' }, { label: 'http://y.org', url: 'http://y.org' }]
 */
export function extractLinks(raw: string): Link[] {
  const out: Link[] = [];
  let rest = raw.replace(MD_LINK, (_m, label: string, url: string) => {
    out.push({ label: stripInline(label), url: trimUrl(url) });
    return ' ';
  });
  rest = rest.replace(ANGLE_URL, (_m, url: string) => {
    out.push({ label: url, url: trimUrl(url) });
    return ' ';
  });
  for (const m of rest.matchAll(BARE_URL)) {
    const url = trimUrl(m[0]);
    out.push({ label: url, url: url.startsWith('www.') ? `https://${url}` : url });
  }
  return out;
}

/**
 * Plain text of a markdown line: link labels kept, emphasis markers and
 * heading hashes dropped, all whitespace (tabs, no-break spaces) single spaces.
 *
 * @example
 * stripInline('**Deadline:** [1 May](https://x)\u00a0 2025') // 'Deadline: 1 May 2025'
 */
export function stripInline(raw: string): string {
  return raw
    .replace(MD_LINK, (_m, label: string) => label)
    .replace(ANGLE_URL, (_m, url: string) => url)
    .replace(/\*\*|__|`/g, '')
    .replace(/(^|\s)[*_]([^*_\s][^*_]*?)[*_](?=\s|$|[.,;:])/g, '$1$2')
    .replace(/^#{1,6}\s+/, '')
    .replace(/[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+/g, ' ')
    .trim();
}
