/**
 * The editor page: one line per submission (verdict, probability, best matched topic, better
 * fit), the reason and topics on expand, filter by verdict and sort. Server-rendered; the bundle
 * filters and sorts the same rows in place without asking the server again.
 */
import type { TriageResponse, TriageResult } from '../../core/schema.js';
import { deadlineText, VERDICT_LABEL, verdictBadge } from './badges.js';
import { attr, html, type Html } from './html.js';

export type TriageSort = 'order' | 'probability_desc' | 'probability_asc';

export interface EditorPage {
  calls: Array<{ id: string; title: string; deadline: { state: string; deadline?: string; days_left?: number } }>;
  callId?: string;
  text: string;
  error?: string;
  result?: TriageResponse;
  titles?: ReadonlyMap<string, string>;
  verdict?: string;
  sort?: TriageSort;
}

function row(r: TriageResult, i: number, title: string): Html {
  const p = Math.round(r.probability * 100);
  const better = r.better_fit
    ? html`<a href="/calls/${encodeURIComponent(r.better_fit.call_id)}">${r.better_fit.title}</a> <span class="hint">(${Math.round(r.better_fit.probability * 100)}%)</span>`
    : html`<span class="hint">—</span>`;
  return html`<tr data-verdict="${r.verdict}" data-probability="${r.probability}" data-order="${i}">
<th scope="row" data-label="Submission"><details><summary>${title || r.id}</summary><div class="more">
<p>${r.reason}</p>
<p><strong>Matched topics:</strong> ${r.matched_topics.length ? r.matched_topics.map((t) => `${t.topic} (${t.similarity.toFixed(2)})`).join('; ') : 'none'}</p>
<p><strong>Not covered:</strong> ${r.unmatched_topics.length ? r.unmatched_topics.join('; ') : 'none'}</p>
<p class="hint">Id <code>${r.id}</code></p></div></details></th>
<td data-label="Verdict">${verdictBadge(r.verdict)}</td>
<td data-label="In scope">${p}%</td>
<td data-label="Best matched topic">${r.matched_topics[0]?.topic ?? html`<span class="hint">—</span>`}</td>
<td data-label="Better fit">${better}</td>
</tr>`;
}

/** Rows in the asked order and of the asked verdict (`all` or empty: every verdict). */
export function shownRows(results: readonly TriageResult[], verdict = 'all', sort: TriageSort = 'order'): Array<{ r: TriageResult; i: number }> {
  const rows = results.map((r, i) => ({ r, i })).filter((x) => !verdict || verdict === 'all' || x.r.verdict === verdict);
  if (sort === 'probability_desc') rows.sort((a, b) => b.r.probability - a.r.probability || a.i - b.i);
  if (sort === 'probability_asc') rows.sort((a, b) => a.r.probability - b.r.probability || a.i - b.i);
  return rows;
}

/**
 * The verdicts: a toolbar (show, sort, download) and the table.
 *
 * @example
 * String(triageResults(res, new Map(), 'all', 'order'))
 */
export function triageResults(res: TriageResponse, titles: ReadonlyMap<string, string>, verdict = 'all', sort: TriageSort = 'order'): Html {
  const counts = (v: string) => res.results.filter((r) => r.verdict === v).length;
  const verdicts = ['in_scope', 'borderline', 'out_of_scope'].map((v) => html`<option value="${v}"${attr('selected', verdict === v)}>${VERDICT_LABEL[v]} (${counts(v)})</option>`);
  const sorts = ([['order', 'Submission order'], ['probability_desc', 'Most in scope first'], ['probability_asc', 'Least in scope first']] as const)
    .map(([v, label]) => html`<option value="${v}"${attr('selected', sort === v)}>${label}</option>`);
  const rows = shownRows(res.results, verdict, sort);
  return html`<h2>Verdicts</h2>
<div class="toolbar" role="group" aria-label="Show and sort">
<label for="t-verdict">Show</label><select id="t-verdict" name="verdict" form="triage-form"><option value="all">All (${res.results.length})</option>${verdicts}</select>
<label for="t-sort">Sort</label><select id="t-sort" name="sort" form="triage-form">${sorts}</select>
<button type="submit" form="triage-form" class="secondary" id="t-apply">Apply</button>
<span>Download:</span>
<button type="submit" form="triage-form" name="format" value="csv" class="secondary export-btn" data-format="csv">CSV (Excel)</button>
<button type="submit" form="triage-form" name="format" value="json" class="secondary export-btn" data-format="json">JSON</button>
</div>
<p id="t-count" class="status" role="status">${rows.length} of ${res.results.length} submissions shown · thresholds: in scope from ${Math.round(res.thresholds.in_scope * 100)}%, borderline from ${Math.round(res.thresholds.borderline * 100)}%.</p>
<table class="verdicts"><caption class="visually-hidden">Triage verdicts for ${res.call_id}; expand a submission for the reason and topics</caption>
<thead><tr><th scope="col">Submission</th><th scope="col">Verdict</th><th scope="col">In scope</th><th scope="col">Best matched topic</th><th scope="col">Better fit</th></tr></thead>
<tbody>${rows.map(({ r, i }) => row(r, i, titles.get(r.id) ?? ''))}</tbody>
</table>`;
}

/**
 * @example
 * String(editorPage({ calls, text: '' }))
 */
export function editorPage(p: EditorPage): Html {
  const options = p.calls.map((c) => html`<option value="${c.id}"${attr('selected', c.id === p.callId)}>${c.title} (${deadlineText(c.deadline)})</option>`);
  return html`<h1>Editor triage</h1>
<p class="hint">Check whether submissions are in scope for your call. Submissions are not stored.</p>
<form id="triage-form" method="post" action="/editor" enctype="multipart/form-data" novalidate>
<label for="call">Call</label>
<select id="call" name="call_id">${options}</select>
<label for="submissions">Submissions</label>
<textarea id="submissions" name="submissions" rows="10" aria-describedby="subs-help">${p.text}</textarea>
<p id="subs-help" class="hint">JSON Lines ({"id","title","abstract","keywords"} per line), CSV with a header row (title,abstract,keywords,id), or plain text: title on the first line, abstract below, submissions separated by a line of ---.</p>
<label for="subs-file">Or upload a file (CSV, JSONL, JSON, text)</label>
<input type="file" id="subs-file" name="file" accept=".csv,.jsonl,.json,.txt">
<div class="actions"><button type="submit" id="triage-submit">Triage submissions</button></div>
</form>
<div id="triage-error" class="error" role="alert">${p.error ? html`<p>${p.error}</p>` : ''}</div>
<section id="triage-results" aria-label="Triage verdicts">${p.result ? triageResults(p.result, p.titles ?? new Map(), p.verdict, p.sort) : ''}</section>`;
}
