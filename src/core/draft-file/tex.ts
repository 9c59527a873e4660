/**
 * A draft from LaTeX source: `\title{...}`, the `abstract` environment (or `\abstract{...}`),
 * and `\keywords{...}`, the `IEEEkeywords` environment or `\begin{keyword}` (Elsevier), with
 * markup removed and math kept readable (text/latex.ts).
 */
import { latexToText, stripTexComments } from '../text/latex.js';
import { splitKeywords, type DraftFields } from './fields.js';

/** The text inside the braces that open at `from` (nested braces counted), or undefined. */
function braced(src: string, from: number): string | undefined {
  let i = from;
  while (i < src.length && /\s/.test(src[i] ?? '')) i++;
  if (src[i] === '[') i = src.indexOf(']', i) + 1; // optional short title: \title[short]{long}
  while (i < src.length && /\s/.test(src[i] ?? '')) i++;
  if (src[i] !== '{') return undefined;
  let depth = 0;
  for (let j = i; j < src.length; j++) {
    const ch = src[j];
    if (ch === '\\') j++;
    else if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) return src.slice(i + 1, j);
  }
  return undefined;
}

function command(src: string, names: readonly string[]): string | undefined {
  for (const name of names) {
    const m = new RegExp(`\\\\${name}\\*?(?![A-Za-z])`).exec(src);
    if (m) {
      const v = braced(src, m.index + m[0].length);
      if (v !== undefined) return v;
    }
  }
  return undefined;
}

function environment(src: string, names: readonly string[]): string | undefined {
  for (const name of names) {
    const m = new RegExp(`\\\\begin\\{${name}\\}([\\s\\S]*?)\\\\end\\{${name}\\}`).exec(src);
    if (m) return m[1];
  }
  return undefined;
}

/**
 * @example
 * readTexDraft('\\title{Edge $\\mathcal{O}(1)$ LLMs}\\begin{abstract}We study x~\\cite{a}.\\end{abstract}\\keywords{edge, LLM}')
 * // { title: 'Edge O(1) LLMs', abstract: 'We study x.', keywords: ['edge', 'LLM'], warnings: [] }
 */
export function readTexDraft(source: string): DraftFields {
  // Comments first, so a commented-out \title or abstract is not read.
  const src = stripTexComments(source);
  const warnings: string[] = [];
  const title = latexToText(command(src, ['title']) ?? '').replace(/\s+/g, ' ');
  const abstract = latexToText(environment(src, ['abstract']) ?? command(src, ['abstract']) ?? '').replace(/\s+/g, ' ');
  const kwRaw = environment(src, ['IEEEkeywords', 'keyword', 'keywords']) ?? command(src, ['keywords', 'keyword', 'IEEEkeywords']);
  const keywords = kwRaw === undefined ? [] : splitKeywords(latexToText(kwRaw.replace(/\\(?:sep|and)\b/g, ',')).replace(/\s+/g, ' '));
  if (!title) warnings.push('No \\title{...} was found: type the title.');
  if (!abstract) warnings.push('No abstract environment was found: paste the abstract.');
  if (!keywords.length) warnings.push('No \\keywords{...} or IEEEkeywords environment was found: add keywords if the call asks for them.');
  return { title, abstract, keywords, warnings };
}
