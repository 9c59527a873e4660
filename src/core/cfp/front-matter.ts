/**
 * The YAML front matter a static-site post starts with ("---\ntitle: ...\n
 * date: ...\n# a comment\n---"): its `title:` is the post's title, and the
 * rest (dates, tags, image settings, commented help text) is not the call.
 * Lines are blanked rather than removed so line numbers still point into the
 * text as given.
 */

const KEY = /^\s*[\w-]+\s*:/;

/**
 * The text with its front matter reduced to the `title:` line.
 *
 * @example
 * withoutFrontMatter('---\ntitle: "Soil"\ndate: 2027-01-01\n---\nBody') // '\ntitle: "Soil"\n\n\nBody'
 */
export function withoutFrontMatter(text: string): string {
  const lines = text.split('\n');
  if (lines[0]?.trim() !== '---') return text;
  const end = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
  if (end < 2 || end > 80) return text;
  const block = lines.slice(1, end);
  // Front matter is keys, their indented values and comments; a block with prose in it is a rule line, not front matter.
  if (!block.every((l) => l.trim() === '' || KEY.test(l) || /^\s+\S/.test(l) || /^\s*#/.test(l))) return text;
  // Without a title, only a static site's own keys ("layout: importantdates", lower case) make it front matter, and all of it goes.
  if (!block.some((l) => /^title\s*:/i.test(l))) {
    return block.every((l) => l.trim() === '' || /^[a-z_][\w-]*\s*:/.test(l) || /^\s/.test(l)) ? ['', ...block.map(() => ''), '', ...lines.slice(end + 1)].join('\n') : text;
  }
  const kept = block.map((l) => (/^title\s*:/i.test(l) ? l.replace(/^title\s*:\s*["']?(.*?)["']?\s*$/i, 'title: $1') : ''));
  return ['', ...kept, '', ...lines.slice(end + 1)].join('\n');
}
