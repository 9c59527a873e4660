/** The calls list (filters in the query string, paging, closed calls marked) and one call's parsed fields. */
import { isClosedState } from '../../core/rank/filters.js';
import type { FieldIssue } from '../../core/errors.js';
import type { Call, DeadlineStatus } from '../../core/schema.js';
import type { listCalls } from '../../http/routes/calls.js';
import { deadlineBadge } from './badges.js';
import { filterLink } from './author-view.js';
import { filterFields, issueList, type FilterValues } from './filters.js';
import { html, plural, type Html } from './html.js';

export type CallList = ReturnType<typeof listCalls>;

function pageLink(f: Partial<FilterValues>, sort: string, offset: number): string {
  const base = filterLink(f).replace(/^\/\??/, '');
  const q = new URLSearchParams(base);
  if (sort !== 'id') q.set('sort', sort);
  if (offset) q.set('offset', String(offset));
  const s = q.toString();
  return `/calls${s ? `?${s}` : ''}`;
}

/**
 * @example
 * String(callsPage(listCalls(calls, query, '2025-01-10'), query))
 */
export function callsPage(list: CallList, f: Partial<FilterValues> & { sort: string }, issues: readonly FieldIssue[] = []): Html {
  const items = list.calls.map((c) => html`<li class="call-item${c.deadline && isClosedState(c.deadline.state) ? ' is-closed' : ''}">
<a href="/calls/${encodeURIComponent(c.id)}">${c.title}</a> ${c.deadline ? deadlineBadge(c.deadline) : ''}
<br><span class="hint">${c.venue ?? 'venue unknown'}${c.publisher ? ` · ${c.publisher}` : ''} · ${plural(c.topics, 'topic')} · <code>${c.id}</code></span></li>`);
  const e = list.filters.empty;
  const relax = e?.relax.map((r) => {
    const g: Partial<FilterValues> = { ...f };
    for (const k of r.remove) delete g[k];
    return html`<a class="button secondary" href="${pageLink(g, f.sort, 0)}">${r.label.replace(/^./, (c) => c.toUpperCase())}</a>`;
  });
  const sorts = ([['id', 'Id'], ['deadline', 'Deadline, soonest first'], ['title', 'Title']] as const)
    .map(([v, label]) => html`<option value="${v}"${f.sort === v ? html` selected` : ''}>${label}</option>`);
  const first = list.offset + 1;
  const last = list.offset + list.calls.length;
  return html`<h1>Calls for papers</h1>
<form id="calls-form" method="get" action="/calls">
${filterFields(list.filters, f, issues)}
<div class="actions"><label for="sort">Sort</label><select id="sort" name="sort">${sorts}</select><button type="submit">Show calls</button></div>
</form>
${issues.length ? html`<div class="error" role="alert"><p><strong>Left out:</strong> these values in the address are not valid.</p>${issueList(issues)}</div>` : ''}
<p class="status" role="status">${list.total ? `Calls ${first}-${last} of ${list.total} (deadlines as of ${list.as_of}).` : ''}</p>
${e
    ? html`<div class="empty"><h2>No calls to show</h2><p>${e.reason}</p><p class="hint">${e.hint}</p>${relax?.length ? html`<div class="actions">${relax}</div>` : ''}</div>`
    : html`<ul class="call-list">${items}</ul>`}
<nav class="pager" aria-label="Pages">${list.offset > 0 ? html`<a href="${pageLink(f, f.sort, Math.max(0, list.offset - list.limit))}">← Previous</a>` : ''}${list.next_offset !== undefined ? html`<a href="${pageLink(f, f.sort, list.next_offset)}">Next →</a>` : ''}</nav>`;
}

const label = (k: string) => k.replace(/_/g, ' ').replace(/^./, (ch) => ch.toUpperCase());

function fields(pairs: Array<[string, string | undefined]>): Html {
  return html`<dl class="fields">${pairs.filter((p) => p[1]).map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>`;
}

/**
 * @example
 * String(callPage(call, deadlineStatus(call, today)))
 */
export function callPage(c: Omit<Call, 'source_text'>, deadline: DeadlineStatus): Html {
  const rules = Object.entries(c.rules).filter(([k]) => k !== 'notes').map(([k, v]): [string, string] => [label(k), Array.isArray(v) ? v.join(', ') : String(v)]);
  const notes = c.rules.notes ?? [];
  const link = (href: string | undefined, text: string) => (href ? html`<a href="${href}" target="_blank" rel="noopener noreferrer">${text}<span class="visually-hidden"> (opens in a new tab)</span></a>` : '');
  return html`<p><a href="/calls">← All calls</a></p>
<h1>${c.title}</h1>
<p>${deadlineBadge(deadline)}</p>
${fields([['Venue', c.venue], ['Publisher', c.publisher], ['Id', c.id]])}
<div class="actions">${link(c.submission_url, 'Submission portal')}${link(c.guidelines_url, 'Author guidelines')}<a href="/editor?call=${encodeURIComponent(c.id)}">Triage submissions for this call</a></div>
${c.warnings.length ? html`<section class="error" aria-labelledby="warn-h"><h2 id="warn-h">Warnings</h2><ul>${c.warnings.map((w) => html`<li>${w}</li>`)}</ul></section>` : ''}
<h2>Dates</h2>${fields(Object.entries(c.dates).map(([k, v]): [string, string | undefined] => [label(k), v]))}
<h2>Topics (${c.topics.length})</h2><ol>${c.topics.map((t) => html`<li>${t}</li>`)}</ol>
<h2>Guest editors</h2><ul>${c.guest_editors.map((g) => html`<li><strong>${g.name}</strong>${g.lead ? ' (lead)' : ''}${g.affiliation ? `, ${g.affiliation}` : ''}${g.email ? ` · ${g.email}` : ''}</li>`)}</ul>
<h2>Submission rules</h2>
${rules.length || notes.length ? html`${fields(rules)}<ul>${notes.map((n) => html`<li>${n}</li>`)}</ul>` : html`<p class="hint">No rules stated.</p>`}
<h2>Scope</h2>${c.scope.split(/\n{2,}/).filter(Boolean).map((p) => html`<p>${p}</p>`)}`;
}
