/**
 * The reference population's shipped file (`data/reference/abstracts.jsonl`, one `{title, abstract}`
 * per line) read into what ranking needs: each abstract as a draft, and its BM25 tokens. Runtime-neutral,
 * so the Node server (which reads the file) and the Worker (which bundles it as text) read it alike.
 */
import { prepareDraft } from '../rank/draft.js';
import type { ReferenceAbstract } from './reference.js';

/**
 * Each abstract as a draft (title + abstract), in file order.
 *
 * @example
 * referenceTexts('{"title":"T","abstract":"A"}\n') // [{ title: 'T', abstract: 'A', keywords: [] }]
 */
export function referenceTexts(jsonl: string): Array<{ title: string; abstract: string; keywords: string[] }> {
  return jsonl
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => {
      const r = JSON.parse(l) as { title?: string; abstract: string };
      return { title: r.title ?? '', abstract: r.abstract, keywords: [] };
    });
}

/**
 * The abstracts with their BM25 tokens and their titles' tokens, tokenised as drafts are.
 *
 * @example
 * referenceAbstracts(jsonl).length // 458 for the shipped file
 */
export function referenceAbstracts(jsonl: string): ReferenceAbstract[] {
  return referenceTexts(jsonl).map((t) => {
    const d = prepareDraft(t);
    return { tokens: d.tokens, titleTokens: d.titleTokens };
  });
}
