/**
 * A content element as the line-structured text the CFP parser reads, keeping
 * the page's structure instead of flattening it: headings stay `#` headings,
 * list items stay `-` / `1.` items (nested ones indented), a paragraph that is
 * only bold text stays a `**label**` line, `<dl>` pairs become `term: value`,
 * table rows `cell: cell`, and links keep their targets (`[label](url)`, so
 * mailto links still give editors' e-mails). Only text nodes are copied, so no
 * markup from the page survives into the call.
 */

const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'CENTER', 'DD', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'TABLE',
  'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL',
]);

const squash = (s: string) => s.replace(/[\s\u00a0]+/g, ' ');
/** Characters that would read as markdown in the parser are kept literal. */
const literal = (s: string) => s.replace(/([*`[\]])/g, (c) => (c === '[' ? '(' : c === ']' ? ')' : ' '));

function isBlock(n: Node): boolean {
  return n.nodeType === 1 && BLOCK.has((n as Element).tagName.toUpperCase());
}

/** Inline text of a node: text, links as `[label](url)`, `<br>` as a newline; nested blocks are skipped by the caller. */
function inline(node: Node, skipBlocks: boolean, pre = false): string {
  // Preformatted text (an e-mail kept in <pre>) keeps its line breaks: they are the call's structure.
  if (node.nodeType === 3) return literal(pre ? (node.textContent ?? '').replace(/[^\S\n]+/g, ' ') : squash(node.textContent ?? ''));
  if (node.nodeType !== 1) return '';
  const el = node as Element;
  const tag = el.tagName.toUpperCase();
  if (tag === 'BR') return '\n';
  // Struck-out text is what no longer holds (an old deadline before the extended one).
  if (tag === 'S' || tag === 'STRIKE' || tag === 'DEL') return ' ';
  if (tag === 'IMG') return squash(el.getAttribute('alt') ?? '') ? ` ${literal(squash(el.getAttribute('alt') ?? ''))} ` : ' ';
  const inner = [...el.childNodes].map((c) => (skipBlocks && isBlock(c) ? ' ' : inline(c, skipBlocks, pre))).join('');
  if (tag === 'A') {
    const href = el.getAttribute('href')?.trim() ?? '';
    const label = inner.trim();
    if (/^(?:https?:|mailto:)/i.test(href) && !/\s/.test(href) && label) return `[${label.replace(/\n/g, ' ')}](${href})`;
    return inner;
  }
  if ((tag === 'STRONG' || tag === 'B') && inner.trim()) {
    // Bold text broken by <br> is bold on each of its lines.
    const bold = inner.split('\n').map((p) => (p.trim() ? `**${p.trim()}**` : '')).join('\n');
    return `${bold}${/[ \t]$/.test(inner) ? ' ' : ''}`;
  }
  return inner;
}

function lines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.replace(/ {2,}/g, ' ').trim())
    .filter((l) => l.length > 0)
    // An empty bold pair left by markup like <b> </b> reads as nothing.
    .map((l) => l.replace(/\*\*\s*\*\*/g, '').trim())
    .filter((l) => l.length > 0);
}

interface Out {
  push(line: string, indent?: number): void;
  blank(): void;
}

function listItems(list: Element, depth: number, out: Out): void {
  const ordered = list.tagName.toUpperCase() === 'OL';
  let n = 0;
  for (const li of [...list.children].filter((c) => c.tagName.toUpperCase() === 'LI')) {
    n++;
    const text = lines(inline(li, true)).join(' ');
    if (text) out.push(`${ordered ? `${n}.` : '-'} ${text}`, depth * 4);
    for (const sub of [...li.querySelectorAll(':scope > ul, :scope > ol, :scope > div > ul, :scope > div > ol')]) listItems(sub, depth + 1, out);
  }
  out.blank();
}

/** Three or more sibling spans of the same class and nothing else but spaces: chips, one item each. */
function chipsOf(el: Element): string[] | undefined {
  const kids = [...el.children];
  if (kids.length < 3 || [...el.childNodes].some((n) => n.nodeType === 3 && (n.textContent ?? '').trim() !== '')) return undefined;
  const cls = kids[0]?.getAttribute('class') ?? '';
  if (!kids.every((k) => k.tagName.toUpperCase() === 'SPAN' && (k.getAttribute('class') ?? '') === cls && k.children.length === 0)) return undefined;
  const texts = kids.map((k) => literal(squash(k.textContent ?? '')).trim());
  return texts.every((t) => t.length > 0 && t.length <= 100) ? texts : undefined;
}

function block(el: Element, out: Out): void {
  const tag = el.tagName.toUpperCase();
  const h = /^H([1-6])$/.exec(tag);
  if (h) {
    // Only the heading's own text: broken markup (an unclosed <h2>) can put the whole page inside it.
    const text = lines(inline(el, true)).join(' ').replace(/\*\*/g, '');
    if (text) {
      out.blank();
      out.push(`${'#'.repeat(Number(h[1]))} ${text}`);
      out.blank();
    }
    for (const c of [...el.children]) if (isBlock(c)) block(c, out);
    return;
  }
  if (tag === 'UL' || tag === 'OL') return listItems(el, 0, out);
  if (tag === 'HR') return out.push('---');
  if (tag === 'PRE') {
    // Its blank lines separate paragraphs and lists, as in the e-mail it usually is.
    for (const l of inline(el, false, true).split('\n')) if (l.trim()) out.push(l.replace(/ {2,}/g, ' ').trim()); else out.blank();
    return out.blank();
  }
  if (tag === 'DL') {
    for (const c of [...el.children]) {
      const t = lines(inline(c, false)).join(' ');
      if (!t) continue;
      if (c.tagName.toUpperCase() === 'DT') out.blank();
      out.push(t);
    }
    return out.blank();
  }
  if (tag === 'TR') {
    // A layout table (editor cards: photo, name, university in blocks of one cell) is read cell by cell, not as a data row.
    if ([...el.children].some((c) => [...c.children].some(isBlock))) {
      for (const c of [...el.children]) {
        block(c, out);
        out.blank();
      }
      return;
    }
    const cells = [...el.children].map((c) => lines(inline(c, false)).join(' ')).filter(Boolean);
    if (cells.length) out.push(cells.length === 2 ? `${cells[0]}: ${cells[1]}` : cells.join(' | '));
    return;
  }
  // Keyword chips ("<div><span>Soil</span> <span>Water</span> ...</div>") are a list the page draws as tags.
  const chips = chipsOf(el);
  if (chips) {
    for (const c of chips) out.push(`- ${c}`);
    return out.blank();
  }
  // A container: runs of inline content become paragraphs, nested blocks recurse.
  let run = '';
  const flush = () => {
    for (const l of lines(run)) out.push(l);
    if (run.trim()) out.blank();
    run = '';
  };
  for (const c of [...el.childNodes]) {
    if (isBlock(c)) {
      flush();
      block(c as Element, out);
    } else run += inline(c, false);
  }
  flush();
}

/**
 * Structured text of an element.
 *
 * @example
 * htmlToText(parseDocument('<h2>Topics</h2><ul><li>Soil <b>carbon</b></li></ul>').body)
 * // '## Topics\n\n- Soil **carbon**'
 */
export function htmlToText(root: Element): string {
  const out: string[] = [];
  const sink: Out = {
    push: (line, indent = 0) => out.push(`${' '.repeat(indent)}${line}`),
    blank: () => {
      if (out.length > 0 && out[out.length - 1] !== '') out.push('');
    },
  };
  block(root, sink);
  return out.join('\n').trim();
}
