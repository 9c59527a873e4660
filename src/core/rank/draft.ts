import { boundSentences, DRAFT_EVIDENCE } from '../embed/budget.js';
import type { Draft } from '../schema.js';
import { normalizeText, splitSentences } from '../text/normalize.js';
import { tokenize } from '../text/tokens.js';

export interface PreparedDraft {
  /** Title, abstract and keywords as one text (the query for whole-draft dense and BM25). */
  text: string;
  /** Evidence units: the title (when given) and each sentence of the abstract. */
  sentences: string[];
  /** `text` tokenized for BM25 once: candidate search and scoring both use it (one array, so BM25's per-query memo holds). */
  tokens: string[];
}

/**
 * @example
 * prepareDraft({ title: 'T', abstract: 'A. B.', keywords: ['k'] }).sentences // ['T', 'A.', 'B.']
 */
export function prepareDraft(draft: Draft): PreparedDraft {
  const title = normalizeText(draft.title);
  const keywords = draft.keywords.map(normalizeText).filter(Boolean);
  const abstract = normalizeText(draft.abstract);
  const text = [title, abstract, keywords.length ? `Keywords: ${keywords.join(', ')}` : '']
    .filter(Boolean)
    .join('. ');
  // Each unit is a model row: a 20,000-character abstract of short sentences was 2,857 rows (issue #21).
  const sentences = boundSentences([...(title ? [title] : []), ...splitSentences(abstract)], DRAFT_EVIDENCE);
  return { text, sentences: sentences.length ? sentences : [abstract], tokens: tokenize(text) };
}
