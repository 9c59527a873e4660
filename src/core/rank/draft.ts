import { boundSentences, DRAFT_EVIDENCE } from '../embed/budget.js';
import type { Draft } from '../schema.js';
import { normalizeText, splitSentences } from '../text/normalize.js';
import { tokenize } from '../text/tokens.js';

export interface PreparedDraft {
  /** Title, abstract and keywords as one text (the query for whole-draft dense and BM25). */
  text: string;
  /**
   * Evidence units: index 0 is always the title ('' when the draft has none), index k >= 1 the
   * k-th sentence of the abstract, so `sentence_index` means the same with or without a title and
   * the reason's "sentence k" is the JSON's `sentence_index: k`.
   */
  sentences: string[];
  /** `text` tokenized for BM25 once: candidate search and scoring both use it (one array, so BM25's per-query memo holds). */
  tokens: string[];
  /** The title alone tokenized: the query of the call-title field (features.ts TITLE_FIELD_WEIGHT); empty without a title. */
  titleTokens: string[];
}

/**
 * @example
 * prepareDraft({ title: 'T', abstract: 'A. B.', keywords: ['k'] }).sentences // ['T', 'A.', 'B.']
 * prepareDraft({ title: '', abstract: 'A. B.', keywords: [] }).sentences // ['', 'A.', 'B.']
 */
export function prepareDraft(draft: Draft): PreparedDraft {
  const title = normalizeText(draft.title);
  const keywords = draft.keywords.map(normalizeText).filter(Boolean);
  const abstract = normalizeText(draft.abstract);
  const text = [title, abstract, keywords.length ? `Keywords: ${keywords.join(', ')}` : '']
    .filter(Boolean)
    .join('. ');
  // Index 0 is the title slot (see `sentences`). Each unit is a model row: a 20,000-character
  // abstract of short sentences was 2,857 rows (issue #21), so the abstract's sentences are bounded;
  // the title slot stays apart so sentence numbers keep their meaning when nothing is merged.
  const body = boundSentences(splitSentences(abstract), { ...DRAFT_EVIDENCE, maxUnits: DRAFT_EVIDENCE.maxUnits - 1 });
  return { text, sentences: [title, ...(body.length ? body : [abstract])], tokens: tokenize(text), titleTokens: tokenize(title) };
}
