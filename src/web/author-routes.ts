/** `GET /` and `POST /`: the author page without JavaScript (read a draft file, rank, export, relax a filter). */
import type { Context, Hono } from 'hono';
import type { DraftFileReaders } from '../core/draft-file/index.js';
import { DRAFT_FILE_EXTENSIONS } from '../core/draft-file/index.js';
import { isCfpError, type FieldIssue } from '../core/errors.js';
import { exportFile, exportRanking, type RankExportFormat } from '../core/export/ranking.js';
import type { Matcher } from '../core/matcher.js';
import { filterWindowIssues, summarizeFilters } from '../core/rank/filters.js';
import { CallFilters, RankRequest, type ExtractedDraft } from '../core/schema.js';
import { fieldIssues, issueSummary } from '../core/validate.js';
import { fileOf, keywordList, optionsFromFields, readDraftFile, readForm, str, strings, type FormFields } from '../http/form.js';
import { rankWithFilters } from '../http/routes/rank.js';
import { sendDownload, sendPage } from './page.js';
import { parseEach } from './query.js';
import { authorPage, type AuthorPage, type AuthorValues } from './views/author-view.js';

export interface AuthorDeps {
  matcher: Matcher;
  draftReaders: DraftFileReaders;
  llm: boolean;
}

const TITLE = 'cfpmatch: find a special issue for your draft';

/**
 * The filters of a form or query, without those named in `relax` (an empty state's way out). Each
 * is checked on its own: a bad one is reported, never a reason to drop the others unsaid.
 */
function filtersOf(get: (k: string) => string[], relax: readonly string[] = []): { filters: Partial<CallFilters>; issues: FieldIssue[] } {
  const raw = optionsFromFields(get);
  for (const k of relax) delete raw[k];
  const { values, issues } = parseEach(CallFilters.shape, raw);
  return { filters: values, issues: [...issues, ...filterWindowIssues(values)] };
}

function render(c: Context, d: AuthorDeps, p: Omit<AuthorPage, 'summary' | 'llm' | 'accept'>, status: 200 | 400 | 413 | 415 | 422 = 200): Response {
  const summary = summarizeFilters(d.matcher.listCalls(), p.values, d.matcher.today(), 1);
  return sendPage(c, TITLE, 'author', authorPage({ ...p, summary, llm: d.llm, accept: DRAFT_FILE_EXTENSIONS.join(',') }), status);
}

async function readFile(c: Context, d: AuthorDeps, form: FormFields): Promise<Response> {
  const file = fileOf(form);
  const empty: AuthorValues = { title: '', abstract: '', keywords: '' };
  if (!file) return render(c, d, { values: empty, error: { message: 'choose a draft file first', fields: [{ path: 'file', message: 'required' }] } }, 400);
  let extracted: ExtractedDraft;
  try {
    extracted = await readDraftFile(file, d.draftReaders);
  } catch (err) {
    if (!isCfpError(err) || err.status >= 500) throw err;
    return render(c, d, { values: empty, error: { message: err.message, fields: [{ path: 'file', message: err.code }] } }, err.status as 400 | 413 | 415 | 422);
  }
  return render(c, d, { values: { title: extracted.title, abstract: extracted.abstract, keywords: extracted.keywords.join(', ') }, extracted });
}

/**
 * @example
 * authorRoutes(r, { matcher, draftReaders: {}, llm: false });
 */
export function authorRoutes(r: Hono, d: AuthorDeps): void {
  r.get('/', (c) => {
    const url = new URL(c.req.url);
    const { filters, issues } = filtersOf((k) => url.searchParams.getAll(k));
    const values = { title: '', abstract: '', keywords: '', ...filters };
    if (!issues.length) return render(c, d, { values });
    return render(c, d, { values, error: { heading: 'Filters left out:', message: 'these values in the link are not valid.', fields: issues } }, 400);
  });
  r.post('/', async (c) => {
    const form = await readForm(c);
    if (str(form, 'action') === 'read' || fileOf(form)) return readFile(c, d, form);
    const relax = (str(form, 'relax') ?? '').split(',').filter(Boolean);
    const { filters, issues } = filtersOf((k) => strings(form, k), relax);
    const values: AuthorValues = { title: str(form, 'title') ?? '', abstract: str(form, 'abstract') ?? '', keywords: str(form, 'keywords') ?? '', ...filters };
    const parsed = RankRequest.strict().safeParse({ title: values.title, abstract: values.abstract, keywords: keywordList([values.keywords]), ...filters, top_k: 10 });
    if (!parsed.success || issues.length) {
      const fields = [...(parsed.success ? [] : fieldIssues(parsed.error)), ...issues];
      return render(c, d, { values, error: { message: issueSummary(fields), fields } }, 400);
    }
    const result = await rankWithFilters(d.matcher, parsed.data, true);
    const format = str(form, 'format');
    if (format === 'csv' || format === 'json' || format === 'md') {
      const file = exportFile(format, `cfpmatch-calls-${result.as_of}`);
      return sendDownload(c, exportRanking(result, format as RankExportFormat), file.name, file.type);
    }
    return render(c, d, { values, result });
  });
}
