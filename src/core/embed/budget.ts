/**
 * Token budgets for embedding. Runtime-neutral: a cheap token estimate, long texts cut into
 * windows, and the choice of windows when a text or a call has too many.
 *
 * Why: USE-lite's cost grows far faster than text length once a text passes a few thousand
 * tokens (its tokenizer alone is quadratic in characters: 16,000 characters 0.24 s, 20,000 4.3 s,
 * 24,000 16 s, measured with `npm run bench -- --only window`), so no text reaches a model whole.
 */

/**
 * What the estimate counts: up to 3 letters of a word, every letter past the 12th of a run (no
 * English word is that long; random letters are ~0.74 USE-lite tokens each), up to 2 digits, or one
 * other visible character. English prose runs 1.3-1.4 estimated per real USE-lite token (1.65 tokens
 * a word); CJK text, which USE-lite folds into a few unknown tokens, is over-counted.
 */
const PIECE = /(?<=\p{L}{12})\p{L}|\p{L}{1,3}|\p{N}{1,2}|[^\s\p{L}\p{N}]/gu;

/**
 * Estimated word-piece tokens of a text (an upper bound for English prose, no model needed).
 *
 * @example
 * estimateTokens('Graph neural networks.') // 8
 */
export function estimateTokens(text: string): number {
  let n = 0;
  PIECE.lastIndex = 0;
  while (PIECE.exec(text)) n++;
  return n;
}

/**
 * Cut a text into windows of at most `maxTokens` estimated tokens, at word starts where one lies in
 * the second half of the window. A text within the limit and within `4 * maxTokens` characters comes
 * back unchanged (one window); longer whitespace runs are collapsed in the windows of a cut text.
 *
 * @example
 * splitWindows('one two three four', 4) // ['one two three', 'four']
 */
export function splitWindows(text: string, maxTokens: number): string[] {
  const limit = Math.max(1, Math.floor(maxTokens));
  if (text.length <= 4 * limit && estimateTokens(text) <= limit) return [text];
  const starts: number[] = [];
  const wordStart: boolean[] = [];
  PIECE.lastIndex = 0;
  for (let m = PIECE.exec(text); m; m = PIECE.exec(text)) {
    starts.push(m.index);
    wordStart.push(m.index === 0 || /\s/.test(text[m.index - 1] ?? ''));
  }
  if (starts.length === 0) return [' '];
  const windows: string[] = [];
  for (let i = 0; i < starts.length; ) {
    let end = Math.min(i + limit, starts.length);
    if (end < starts.length) {
      let j = end;
      while (j > i + limit / 2 && !wordStart[j]) j--;
      if (wordStart[j] && j > i) end = j;
    }
    const to = end < starts.length ? (starts[end] as number) : text.length;
    windows.push(text.slice(starts[i], to).replace(/\s+/g, ' ').trim());
    i = end;
  }
  return windows;
}

/**
 * `k` items spread evenly over `items` (first and last included); all of them when there are at most `k`.
 *
 * @example
 * pickEvenly([0, 1, 2, 3, 4, 5, 6, 7, 8], 3) // [0, 4, 8]
 */
export function pickEvenly<T>(items: readonly T[], k: number): T[] {
  const n = items.length;
  const want = Math.max(1, Math.floor(k));
  if (n <= want) return [...items];
  if (want === 1) return [items[0] as T];
  return Array.from({ length: want }, (_, i) => items[Math.round((i * (n - 1)) / (want - 1))] as T);
}

/**
 * Evidence units within a budget: at most `maxUnits`, and when the units hold more than
 * `maxTokens` estimated tokens, neighbouring sentences are merged into groups of about
 * `groupTokens`. Every part of the text stays covered. Each unit is one model row, rows dominate
 * USE-lite's cost, and a long row costs less per token than several short ones (20,000 characters
 * of three-word sentences were 2,857 rows).
 *
 * @example
 * boundSentences(['a.', 'b.', 'c.', 'd.'], { maxUnits: 2 }) // ['a. b.', 'c. d.']
 */
export function boundSentences(sentences: readonly string[], budget: { maxUnits: number; maxTokens?: number; groupTokens?: number }): string[] {
  const n = sentences.length;
  const tokens = sentences.map(estimateTokens);
  const total = tokens.reduce((s, t) => s + t, 0);
  const byTokens = budget.maxTokens !== undefined && total > budget.maxTokens ? Math.ceil(total / (budget.groupTokens ?? 512)) : n;
  const groups = Math.max(1, Math.min(Math.floor(budget.maxUnits), byTokens));
  if (n <= groups) return [...sentences];
  // Cut where the running token count crosses each group's share, so groups are about equally long.
  const out: string[] = [];
  let cur: string[] = [];
  let seen = 0;
  sentences.forEach((s, i) => {
    cur.push(s);
    seen += tokens[i] as number;
    if (out.length < groups - 1 && seen >= ((out.length + 1) * total) / groups) {
      out.push(cur.join(' '));
      cur = [];
    }
  });
  if (cur.length) out.push(cur.join(' '));
  return out;
}

/**
 * Evidence units per draft: at most 32 (the suites' largest draft has 21), and past 4,096 estimated
 * tokens (the suites' largest draft text has under 1,000) groups of about 2,048, one window each:
 * the largest valid draft then costs ~0.8-0.9 CPU-seconds instead of ~1.2-1.5 with groups of 1,024
 * (`npm run hammer`, docs/reliability.md).
 */
export const DRAFT_EVIDENCE = { maxUnits: 32, maxTokens: 4_096, groupTokens: 2_048 } as const;
