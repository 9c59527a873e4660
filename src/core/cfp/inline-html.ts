/**
 * HTML tags left in copied text (a static site's markdown source, a CMS
 * export): "<b>Title</b>", "<ul><li>Topic</li></ul>", "<a href=...>". The
 * text parser reads lines, so tags are removed in place (list items become
 * "- " bullets, links markdown links) and the line numbers still point into
 * the text as given. Text with only an odd "<url>" or "<name@mail>" is left as it is.
 */

const TAG_NAMES = 'a|b|i|u|em|strong|span|div|p|br|hr|ul|ol|li|h[1-6]|img|font|sup|sub|table|tr|td|th|tbody|thead|section|article|header|footer|small|center|blockquote|dl|dt|dd';
const TAG = new RegExp(`</?(?:${TAG_NAMES})\\b[^<>]*>`, 'gi');
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—' };

/**
 * `text` with its HTML tags removed in place, when it has at least three.
 *
 * @example
 * withoutInlineHtml('<b>Soil</b>\n<ul>\n<li>Carbon</li>\n</ul>') // 'Soil\n\n- Carbon\n'
 */
export function withoutInlineHtml(text: string): string {
  if ((text.match(TAG) ?? []).length < 3) return text;
  return text
    .replace(/<a\b[^<>]*\bhref\s*=\s*["']([^"']+)["'][^<>]*>([^<]*)<\/a>/gi, (_m, href: string, label: string) => (label.trim() ? `[${label.trim()}](${href})` : href))
    .replace(/<li\b[^<>]*>/gi, '- ')
    .replace(TAG, '')
    .replace(/&(amp|lt|gt|quot|apos|nbsp|ndash|mdash);/g, (_m, e: string) => ENTITIES[e] ?? _m);
}
