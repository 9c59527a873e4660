import { Hono, type Context } from 'hono';
import type { DraftFileReaders } from '../../core/draft-file/index.js';
import { explainRanking } from '../../core/explain/explain-ranking.js';
import type { Explainer } from '../../core/explain/explainer.js';
import type { Matcher } from '../../core/matcher.js';
import { assertFilterWindow, hasFilters, summarizeFilters } from '../../core/rank/filters.js';
import { RankRequest, type CallFilters, type ExtractedDraft, type RankResponse } from '../../core/schema.js';
import { parseOrThrow } from '../../core/validate.js';
import { readJson } from '../body.js';
import { streamRanking, wantsStream } from '../rank-stream.js';
import { fileOf, isForm, keywordList, optionsFromFields, readDraftFile, readForm, str, strings } from '../form.js';

/**
 * A ranking with its filter counts and, when it is empty, why (rank/filters.ts). The counts are
 * one pass over every call (tens of ms at 50,000 calls), so they come only when a filter is set,
 * nothing is shown, or `always` asks for them (the page, to label its filter choices).
 *
 * @example
 * const res = await rankWithFilters(matcher, { title, abstract, open_only: true });
 * res.filters?.empty?.reason
 */
export async function rankWithFilters(matcher: Matcher, req: RankRequest, always = false): Promise<RankResponse> {
  assertFilterWindow(req);
  return withFilterSummary(matcher, req, await matcher.rank(req), always);
}

/** Add the filter summary to a ranking made from `req` (see {@link rankWithFilters}). */
export function withFilterSummary(matcher: Matcher, req: Partial<CallFilters>, ranking: RankResponse, always = false): RankResponse {
  if (!always && !hasFilters(req) && ranking.results.length > 0) return ranking;
  return { ...ranking, filters: summarizeFilters(matcher.listCalls(), req, ranking.as_of, ranking.results.length) };
}

/**
 * The rank request of a multipart post: a draft file's fields, overridden by any typed field.
 *
 * @example
 * const { request, draftFile } = await rankRequestFromForm(c, readers);
 */
export async function rankRequestFromForm(c: Context, readers: DraftFileReaders): Promise<{ request: RankRequest; draftFile?: ExtractedDraft }> {
  const form = await readForm(c);
  const file = fileOf(form);
  const draftFile = file ? await readDraftFile(file, readers) : undefined;
  const typedKeywords = keywordList(strings(form, 'keywords'));
  const request = parseOrThrow(RankRequest.strict(), {
    title: str(form, 'title') ?? draftFile?.title ?? '',
    abstract: str(form, 'abstract') ?? draftFile?.abstract ?? '',
    keywords: typedKeywords.length ? typedKeywords : (draftFile?.keywords ?? []),
    ...optionsFromFields((k) => strings(form, k)),
    ...(str(form, 'explain') !== undefined ? { explain: /^(1|true|on)$/i.test(str(form, 'explain') ?? '') } : {}),
  }, 'request');
  return { request, ...(draftFile ? { draftFile } : {}) };
}

/**
 * `POST /v1/rank`: rank the calls for one draft, as JSON or as a multipart form with a draft file
 * (`file`: PDF, .docx, .tex, .md, .txt; typed fields override what the file gave). With a filter
 * set or nothing shown, the answer carries filter counts (`filters`) and why an empty result is
 * empty; for a file, the fields read
 * from it (`draft_file`). With `explain: true` the top 3 results also get LLM explanations; an
 * LLM failure becomes `explanation_error` rather than a failed request. With `Accept:
 * application/x-ndjson` (and no `explain`) the ranked list is streamed before its evidence (rank-stream.ts).
 */
export function rankRoutes(matcher: Matcher, explainer?: Explainer, readers: DraftFileReaders = {}): Hono {
  const r = new Hono();
  r.post('/rank', async (c) => {
    const { request: req, draftFile } = isForm(c)
      ? await rankRequestFromForm(c, readers)
      : { request: parseOrThrow(RankRequest.strict(), await readJson(c), 'request'), draftFile: undefined };
    assertFilterWindow(req);
    const t0 = performance.now();
    // Scored once: the ranking and the explanations read the same scored draft.
    const sd = await matcher.scoreDraft(req);
    // Accept: application/x-ndjson: the list now, the evidence after (rank-stream.ts). Explanations need the evidence first.
    if (wantsStream(c) && !req.explain) {
      const list = { ...withFilterSummary(matcher, req, await matcher.rankScored(sd, req, t0, { evidence: false })), ...(draftFile ? { draft_file: draftFile } : {}) };
      return streamRanking(c, matcher, sd, list, t0);
    }
    const ranking = { ...withFilterSummary(matcher, req, await matcher.rankScored(sd, req, t0)), ...(draftFile ? { draft_file: draftFile } : {}) };
    if (!req.explain) return c.json(ranking);
    return c.json(await explainRanking(explainer, matcher, sd, ranking));
  });
  return r;
}
