/** The author page: a draft from a file or typed, filters, and the ranked calls (server-rendered; the bundle re-renders results with the same functions). */
import type { FieldIssue } from '../../core/errors.js';
import type { ExtractedDraft, FilterSummary, RankResponse } from '../../core/schema.js';
import { filterFields, invalidAttr, issueList, type FilterValues } from './filters.js';
import { html, type Html } from './html.js';
import { rankResults, type ShownDraft } from './results-view.js';

export interface AuthorValues extends Partial<FilterValues> {
  title: string;
  abstract: string;
  keywords: string;
}

export interface AuthorPage {
  values: AuthorValues;
  summary: FilterSummary;
  llm: boolean;
  accept: string;
  /** Fields read from a file, shown for checking. */
  extracted?: ExtractedDraft;
  /** `heading` defaults to "Could not rank:". */
  error?: { message: string; fields: FieldIssue[]; heading?: string };
  result?: RankResponse;
}

const invalid = (p: AuthorPage, name: string) => invalidAttr(p.error?.fields ?? [], name);

function errorBox(p: AuthorPage): Html {
  if (!p.error) return html`<div id="form-error" class="error" role="alert"></div>`;
  return html`<div id="form-error" class="error" role="alert"><p><strong>${p.error.heading ?? 'Could not rank:'}</strong> ${p.error.message}</p>${issueList(p.error.fields)}</div>`;
}

function extractedNotice(x: ExtractedDraft | undefined): Html {
  if (!x) return html`<div id="file-notice" class="notice" role="status"></div>`;
  return html`<div id="file-notice" class="notice" role="status"><p>Read <strong>${x.source.name}</strong> (${x.source.kind}${x.source.pages ? `, ${x.source.pages} page${x.source.pages === 1 ? '' : 's'}` : ''}): check the title, abstract and keywords below, then find matching calls. The file was not kept.</p>${x.warnings.length ? html`<ul>${x.warnings.map((w) => html`<li>${w}</li>`)}</ul>` : ''}</div>`;
}

/**
 * @example
 * String(authorPage({ values: { title: '', abstract: '', keywords: '' }, summary, llm: false, accept: '.pdf,.tex' }))
 */
export function authorPage(p: AuthorPage): Html {
  const v = p.values;
  const draft: ShownDraft = { title: v.title, abstract: v.abstract, keywords: v.keywords.split(/[,;]/).map((k) => k.trim()).filter(Boolean) };
  return html`<h1>Find a special issue for your draft</h1>
<p class="hint">Your draft is sent to this server only to rank the calls; it is not stored or logged.</p>
<form id="file-form" class="drop" method="post" action="/" enctype="multipart/form-data">
<label for="file">Start from a file <span class="hint">(PDF, Word .docx, LaTeX .tex, Markdown or text; up to 20 MB)</span></label>
<p id="file-help" class="hint">It is read in memory and never kept; the title, abstract and keywords found are filled in below for you to check. You can also drop the file here.</p>
<div class="actions"><input type="file" id="file" name="file" accept="${p.accept}" aria-describedby="file-help"><button type="submit" name="action" value="read" class="secondary" id="read-file">Read the file</button></div>
</form>
${extractedNotice(p.extracted)}
<form id="rank-form" method="post" action="/" novalidate data-llm="${p.llm ? '1' : '0'}">
<label for="title">Title</label>
<input type="text" id="title" name="title" autocomplete="off" value="${v.title}"${invalid(p, 'title')}>
<label for="abstract">Abstract</label>
<textarea id="abstract" name="abstract" rows="10" aria-describedby="abstract-help"${invalid(p, 'abstract')}>${v.abstract}</textarea>
<p id="abstract-help" class="hint"><span id="word-count">${(v.abstract.match(/\S+/g) ?? []).length} words</span> · LaTeX math is fine · Ctrl+Enter (⌘+Enter) submits</p>
<label for="keywords">Keywords</label>
<input type="text" id="keywords" name="keywords" value="${v.keywords}" aria-describedby="keywords-help"${invalid(p, 'keywords')}>
<p id="keywords-help" class="hint">Separate keywords with commas or semicolons.</p>
${filterFields(p.summary, v, p.error?.fields)}
<div class="actions"><button type="submit" id="rank-submit" name="action" value="rank">Find matching calls</button>
<a href="${filterLink(v)}" class="hint" id="filter-link">Link to these filters (no draft)</a></div>
</form>
${errorBox(p)}
<p id="status" class="status" role="status">${p.result ? statusLine(p.result) : ''}</p>
<section id="results" aria-label="Ranked calls" aria-live="polite">${p.result ? rankResults(p.result, draft, p.llm) : ''}</section>`;
}

/**
 * The words under the form after a ranking.
 *
 * @example
 * statusLine(res) // '3 calls shown of 3 (deadlines as of 2025-01-10).'
 */
export function statusLine(r: RankResponse): string {
  const passing = r.filters && r.filters.matched < r.total_calls ? `; ${r.filters.matched} pass the filters` : '';
  return `${r.results.length} call${r.results.length === 1 ? '' : 's'} shown of ${r.total_calls} (deadlines as of ${r.as_of}${passing}).`;
}

/** A link that keeps the filters in the query string and never the draft. */
export function filterLink(v: Partial<FilterValues>): string {
  const q = new URLSearchParams();
  for (const p of v.publisher ?? []) q.append('publisher', p);
  for (const p of v.venue ?? []) q.append('venue', p);
  if (v.deadline_after) q.set('deadline_after', v.deadline_after);
  if (v.deadline_before) q.set('deadline_before', v.deadline_before);
  if (v.open_only) q.set('open_only', '1');
  const s = q.toString();
  return s ? `/?${s}` : '/';
}
