/**
 * Ids for calls: a slug of the title, or a short hash when the title has no
 * Latin letters or digits.
 */

/** FNV-1a, 32 bit, as 8 hex digits: stable and runtime-neutral. */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/**
 * A call id from a title.
 *
 * @example
 * slugify('Symbiotic Internet-of-Things for Giant AI in the 6G Era') // 'symbiotic-internet-of-things-for-giant-ai-in-the-6g-era'
 * slugify('生成式人工智能') // 'call-…' (8 hex digits)
 */
export function slugify(title: string, max = 80): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length === 0) return `call-${fnv1a(title)}`;
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max);
  return cut.slice(0, cut.lastIndexOf('-') > 20 ? cut.lastIndexOf('-') : max).replace(/-+$/, '');
}
