/**
 * A draft from Markdown: YAML front matter (`title:`, `abstract:`, `keywords:`) when there is
 * some, else the first `# ` heading as the title and the usual labels (fields.ts) for the rest.
 * Inline markup (emphasis, links, code, math) is reduced to its text.
 */
import { latexToText } from '../text/latex.js';
import { findDraftFields, splitKeywords, type DraftFields } from './fields.js';

/** Emphasis, links, images, inline code and HTML tags to their text. */
function plain(md: string): string {
  return md
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[\s(])[*_]([^*_\n]+)[*_](?=[\s).,;:!?]|$)/gm, '$1$2')
    .replace(/<[^>\n]+>/g, '');
}

/** The scalar or list value of a front-matter key (`key: value`, `key: [a, b]`, or `- item` lines, or a `|`/`>` block). */
function yamlValue(front: string, key: string): string | string[] | undefined {
  const ls = front.split('\n');
  const i = ls.findIndex((l) => new RegExp(`^${key}\\s*:`, 'i').test(l));
  if (i < 0) return undefined;
  const inline = (ls[i] ?? '').replace(/^[^:]*:\s*/, '').trim();
  const block: string[] = [];
  for (let j = i + 1; j < ls.length && /^(\s+|\s*-\s)/.test(ls[j] ?? ''); j++) block.push((ls[j] ?? '').trim());
  const unquote = (s: string) => s.replace(/^["']|["']$/g, '');
  if (inline.startsWith('[')) return inline.slice(1, -1).split(',').map((s) => unquote(s.trim())).filter(Boolean);
  if (block.length && block.every((b) => b.startsWith('- '))) return block.map((b) => unquote(b.slice(2).trim()));
  if (/^[|>][-+]?$/.test(inline)) return block.join(' ');
  return unquote([inline, ...block].join(' ').trim());
}

/**
 * @example
 * readMarkdownDraft('---\ntitle: Edge LLMs\nkeywords: [edge, LLM]\n---\n\n## Abstract\n\nWe study x.\n').abstract // 'We study x.'
 */
export function readMarkdownDraft(md: string): DraftFields {
  const fm = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(md);
  const body = fm ? md.slice(fm[0].length) : md;
  const heading = /^#\s+(.+)$/m.exec(body)?.[1];
  const found = findDraftFields(plain(body), heading ? { title: plain(heading) } : {});
  if (!fm) return { ...found, abstract: latexToText(found.abstract), title: latexToText(found.title) };
  const front = fm[1] ?? '';
  const asText = (v: string | string[] | undefined) => (Array.isArray(v) ? v.join(' ') : v);
  const title = asText(yamlValue(front, 'title'));
  const abstract = asText(yamlValue(front, 'abstract'));
  const kw = yamlValue(front, 'keywords');
  const keywords = Array.isArray(kw) ? kw : kw ? splitKeywords(kw) : found.keywords;
  const out = { title: latexToText(title ?? found.title), abstract: latexToText(abstract ?? found.abstract), keywords };
  return { ...out, warnings: found.warnings.filter((w) => (w.includes('title') ? !out.title : w.includes('eywords') ? !out.keywords.length : !abstract)) };
}
