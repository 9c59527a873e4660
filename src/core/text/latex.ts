/**
 * LaTeX to readable text, for abstracts pasted from a .tex file and for .tex drafts: markup
 * commands are dropped with their text kept, math stays readable (`$\mathcal{O}(n^2)$` ->
 * `O(n^2)`, `$\alpha \leq \beta$` -> `alpha ≤ beta`). Greek letters keep their names, as authors
 * spell them in prose and as the word index sees them.
 */

const SYMBOLS: Record<string, string> = {
  leq: '≤', le: '≤', geq: '≥', ge: '≥', neq: '≠', ne: '≠', approx: '≈', sim: '~', times: '×', cdot: '·',
  pm: '±', mp: '∓', infty: '∞', to: '→', rightarrow: '→', leftarrow: '←', Rightarrow: '⇒', mapsto: '↦',
  in: '∈', notin: '∉', subset: '⊂', subseteq: '⊆', cup: '∪', cap: '∩', forall: '∀', exists: '∃',
  partial: '∂', nabla: '∇', sum: 'sum', prod: 'prod', int: 'integral', ldots: '...', cdots: '...', dots: '...',
  log: 'log', ln: 'ln', exp: 'exp', min: 'min', max: 'max', sin: 'sin', cos: 'cos', lim: 'lim', det: 'det',
  quad: ' ', qquad: ' ', '%': '%', '&': '&', '#': '#', _: '_', '{': '{', '}': '}', $: '$', ',': ' ', ';': ' ', ' ': ' ',
};

/** Commands whose argument is the text: fonts, emphasis, math alphabets. */
const KEEP_ARG = /\\(?:mathcal|mathbb|mathrm|mathbf|mathit|mathsf|mathtt|mathfrak|mathscr|boldsymbol|bm|operatorname|text|textrm|textit|textbf|textsf|texttt|textsc|textnormal|emph|underline|mbox|hbox|url|hat|bar|tilde|vec|widehat|widetilde|overline)\*?\s*\{([^{}]*)\}/g;
/** Commands dropped with their argument: references, citations, labels. */
const DROP_ARG = /\\(?:cite[tp]?|citep|citet|citeauthor|ref|eqref|autoref|cref|Cref|label|footnote|thanks|index|vspace|hspace|includegraphics)\*?\s*(?:\[[^\]]*\])*\s*\{[^{}]*\}/g;

/**
 * The math inside `$...$` as readable text.
 *
 * @example
 * latexMath('\\mathcal{O}(n \\log n)') // 'O(n log n)'
 */
export function latexMath(math: string): string {
  let s = math;
  // Repeat so nested commands (\mathbf{\hat{x}}) unwrap from the inside out.
  for (let i = 0; i < 4; i++) s = s.replace(KEEP_ARG, '$1');
  s = s
    .replace(/\\frac\s*\{([^{}]*)\}\s*\{([^{}]*)\}/g, '($1)/($2)')
    .replace(/\\sqrt\s*\{([^{}]*)\}/g, '√($1)')
    .replace(/\\(left|right|big|Big|bigg|Bigg)\b\s*/g, '')
    .replace(/\\([A-Za-z]+)\s*/g, (_m, name: string) => (name in SYMBOLS ? `${SYMBOLS[name]} ` : `${name} `))
    .replace(/\\(.)/g, (_m, ch: string) => SYMBOLS[ch] ?? ch)
    .replace(/([_^])\{([^{}]*)\}/g, '$1$2')
    .replace(/[{}]/g, '');
  return s.replace(/\s+/g, ' ').replace(/\s+([)\],.;:])/g, '$1').replace(/([([])\s+/g, '$1').trim();
}

/**
 * LaTeX source without its comments (`%` to the end of the line; an escaped `\%` stays).
 *
 * @example
 * stripTexComments('50\\% done % todo') // '50\\% done '
 */
export function stripTexComments(tex: string): string {
  return tex.replace(/(^|[^\\])%.*$/gm, '$1');
}

/**
 * A LaTeX fragment (an abstract, a title) as plain text: math made readable, markup removed,
 * citations and labels dropped, `~` and `--` turned into their characters.
 *
 * @example
 * latexToText('We reach $\\mathcal{O}(n)$ time~\\cite{x} with \\emph{no} loss.') // 'We reach O(n) time with no loss.'
 */
export function latexToText(tex: string): string {
  let s = stripTexComments(tex);
  s = s.replace(/\$\$([\s\S]*?)\$\$|\\\[([\s\S]*?)\\\]|\\\(([\s\S]*?)\\\)|\$((?:\\\$|[^$])*)\$/g, (_m, a?: string, b?: string, c?: string, d?: string) => latexMath(a ?? b ?? c ?? d ?? ''));
  s = s.replace(DROP_ARG, '');
  for (let i = 0; i < 4; i++) s = s.replace(KEEP_ARG, '$1');
  s = s
    .replace(/\\begin\{[^}]*\}|\\end\{[^}]*\}/g, ' ')
    .replace(/\\item\b/g, '•')
    .replace(/---/g, '—')
    .replace(/--/g, '–')
    .replace(/``|''/g, '"')
    .replace(/(?<!\\)~/g, ' ')
    .replace(/\\\\/g, ' ')
    .replace(/\\([%&#_{}$])/g, '$1')
    .replace(/\\[A-Za-z]+\*?(\[[^\]]*\])?/g, '')
    .replace(/[{}]/g, '');
  return s.replace(/[ \t]+/g, ' ').replace(/ *\n */g, '\n').replace(/\s+([,.;:])/g, '$1').trim();
}
