/**
 * Find a draft's title, abstract and keywords in the text of a paper (from a PDF, a Word file,
 * Markdown or plain text). Papers label them in a few ways: "Abstract" on its own line or run
 * into the text ("Abstract—We ..."), "Keywords:", "Key words", "Index Terms—"; the abstract
 * ends at the keywords, at "1 Introduction" or at the next heading. The author checks the
 * result before ranking, so a doubtful field comes with a warning instead of a guess in silence.
 */
import { MAX_ABSTRACT_CHARS } from '../schema.js';

export interface DraftFields {
  title: string;
  abstract: string;
  keywords: string[];
  warnings: string[];
}

const ABSTRACT_HEAD = /^\s*(?:#{1,6}\s*)?(?:abstract|a\s+b\s+s\s+t\s+r\s+a\s+c\s+t|summary)\b\s*[.:—–-]?\s*/i;
const KEYWORDS_HEAD = /^\s*(?:#{1,6}\s*)?(?:\*\*)?(?:key\s*-?\s*words?|index\s+terms|general\s+terms)(?:\*\*)?\s*[:—–.-]?\s*(?:\*\*)?\s*/i;
// A numbered heading is a short line of its own ("2 Related Work", "III. METHOD"), not a sentence that starts with a number.
const NUMBERED_HEADING = /^\s*(?:#{1,6}\s|(?:[0-9]{1,2}\.?|[IVX]{1,4}\.)\s+[A-Z][A-Za-z-]*(?:\s+(?:[A-Z][A-Za-z-]*|and|of|the|for|in|on|to|with))*\s*$)/;
const NAMED_HEADING = /^\s*(?:(?:[0-9]{1,2}|[IVX]{1,4})\.?\s+)?(?:introduction|ccs concepts|acm reference format|contents|references)\b/i;
const isSectionEnd = (l: string): boolean => NUMBERED_HEADING.test(l) || NAMED_HEADING.test(l);
const NOISE = /arxiv|preprint|journal|proceedings|conference|vol\.|volume|doi|issn|©|copyright|received|accepted|submitted|published|manuscript|page \d|^\s*\d+\s*$|https?:\/\/|@/i;

/** Paper text with PDF line-break hyphens joined and spaces tidied, as lines. */
function lines(text: string): string[] {
  return text
    .normalize('NFKC')
    .replace(/\r\n?/g, '\n')
    .replace(/([a-z])-\n([a-z])/g, '$1$2')
    .split('\n')
    .map((l) => l.replace(/[ \t\u00a0]+/g, ' ').trimEnd());
}

const joinLines = (ls: readonly string[]): string => ls.map((l) => l.trim()).filter(Boolean).join(' ').replace(/\s+/g, ' ').trim();
const words = (s: string): number => (s.match(/\S+/g) ?? []).length;

/**
 * Split a keywords line: commas, semicolons, middle dots or bullets; a final period dropped.
 *
 * @example
 * splitKeywords('Edge AI; 6G, federated learning.') // ['Edge AI', '6G', 'federated learning']
 */
export function splitKeywords(text: string): string[] {
  return text
    .split(/[;,·•|]|\s{3,}/)
    .map((k) => k.trim().replace(/^[-–—*]\s*/, '').replace(/\.$/, '').trim())
    .filter((k) => k.length > 0 && k.length <= 200)
    .slice(0, 50);
}

/** Keywords from the line at `i` and the lines that continue it (until a blank line or a heading). */
function keywordsAt(ls: readonly string[], i: number): string[] {
  const first = (ls[i] ?? '').replace(KEYWORDS_HEAD, '');
  const rest: string[] = [];
  for (let j = i + 1; j < ls.length && j < i + 4; j++) {
    const l = ls[j] ?? '';
    if (!l.trim() || isSectionEnd(l) || ABSTRACT_HEAD.test(l)) break;
    rest.push(l);
  }
  return splitKeywords(joinLines([first, ...rest]));
}

/** The title: a hint from the file (largest type, the Title style) when it looks like one, else the first line that is not a header. */
function findTitle(ls: readonly string[], before: number, hint: string | undefined): string {
  const plausible = (t: string) => words(t) >= 2 && t.length <= 400 && !ABSTRACT_HEAD.test(t) && !NOISE.test(t);
  if (hint && plausible(hint.trim())) return hint.replace(/\s+/g, ' ').trim();
  for (let i = 0; i < Math.min(before, 40); i++) {
    const l = (ls[i] ?? '').replace(/^#{1,6}\s+/, '').trim();
    if (!plausible(l)) continue;
    const next = (ls[i + 1] ?? '').trim();
    // A title broken over two lines: the second starts lower case or with a connective.
    return /^[a-z]|^(?:and|for|of|in|on|with|via|to)\b/.test(next) && i + 1 < before ? `${l} ${next}` : l;
  }
  return '';
}

/**
 * Title, abstract and keywords found in a paper's text, with warnings for what was not found.
 *
 * @example
 * findDraftFields('Edge LLMs\n\nAbstract\nWe study x.\n\nKeywords: edge, LLM\n\n1 Introduction\n...')
 * // { title: 'Edge LLMs', abstract: 'We study x.', keywords: ['edge', 'LLM'], warnings: [] }
 */
export function findDraftFields(text: string, hints: { title?: string } = {}): DraftFields {
  const ls = lines(text);
  const warnings: string[] = [];
  const head = ls.findIndex((l, i) => i < 400 && ABSTRACT_HEAD.test(l) && words(l.replace(ABSTRACT_HEAD, '')) !== 1);
  const kwAt = ls.findIndex((l, i) => i < 600 && KEYWORDS_HEAD.test(l) && l.replace(KEYWORDS_HEAD, '').length < l.length);
  let abstract = '';
  if (head >= 0) {
    const body: string[] = [(ls[head] ?? '').replace(ABSTRACT_HEAD, '')];
    for (let j = head + 1; j < ls.length; j++) {
      const l = ls[j] ?? '';
      if (KEYWORDS_HEAD.test(l) || isSectionEnd(l)) break;
      // A blank line after a long enough abstract ends it (the next paragraph is the paper's first).
      if (!l.trim() && words(joinLines(body)) >= 120) break;
      body.push(l);
    }
    abstract = joinLines(body);
  } else {
    // No "Abstract" label: the first paragraph of some length after the title.
    const paragraphs = ls.join('\n').split(/\n\s*\n/).map((p) => joinLines(p.split('\n')));
    const first = paragraphs.findIndex((p, i) => i > 0 && words(p) >= 25 && !KEYWORDS_HEAD.test(p));
    abstract = first >= 0 ? (paragraphs[first] ?? '') : paragraphs.length > 1 ? joinLines(paragraphs.slice(1)) : '';
    warnings.push(abstract ? 'No "Abstract" heading was found: the first paragraph was taken as the abstract. Check it.' : 'No abstract was found: paste it.');
  }
  // Keywords run into the abstract's last line ("... results. Keywords: a, b").
  let keywords = kwAt >= 0 ? keywordsAt(ls, kwAt) : [];
  const inline = /\s(?:key\s*words?|index\s+terms)\s*[:—–-]\s*(.+)$/i.exec(abstract);
  if (inline) {
    abstract = abstract.slice(0, inline.index).trim();
    if (!keywords.length) keywords = splitKeywords(inline[1] ?? '');
  }
  if (abstract.length > MAX_ABSTRACT_CHARS) {
    abstract = abstract.slice(0, MAX_ABSTRACT_CHARS);
    warnings.push(`The abstract was cut to ${MAX_ABSTRACT_CHARS} characters.`);
  }
  const title = findTitle(ls, head >= 0 ? head : Math.max(1, ls.findIndex((l) => l.trim()) + 1), hints.title);
  if (!title) warnings.push('No title was found: type it.');
  if (!keywords.length) warnings.push('No keywords were found: add them if the call asks for them.');
  return { title, abstract, keywords, warnings };
}
